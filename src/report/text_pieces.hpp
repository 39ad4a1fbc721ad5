// Pieces the text report writes through a pointer rather than by std::string appends (text_report.cpp).
#pragma once

#include "barnetslov/case.hpp"

namespace barnetslov {

class Calendar;

// The longest text put_moment writes: "-5879610-07-11 23:59:59", a LocalDay's farthest year with a time.
inline constexpr std::size_t moment_text_max = 32;

// append_moment()'s text at p (at most moment_text_max bytes); returns its end.
char* put_moment(char* p, const Moment& m, const Calendar& cal);

}  // namespace barnetslov
