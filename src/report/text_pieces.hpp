// Pieces the text report writes through a pointer rather than by std::string appends (text_report.cpp).
#pragma once

#include <string_view>

#include "barnetslov/case.hpp"
#include "barnetslov/report.hpp"

namespace barnetslov {

class Calendar;

// The longest text put_moment writes: "-5879610-07-11 23:59:59", a LocalDay's farthest year with a time.
inline constexpr std::size_t moment_text_max = 32;

// append_moment()'s text at p (at most moment_text_max bytes); returns its end.
char* put_moment(char* p, const Moment& m, const Calendar& cal);

// describe_into() for the text report, which copies the summary and the basis once more into its lines:
// the summary is returned as a view of the reason's own sentence when nothing is added to it (t.summary
// then stays empty), else of t.summary; the basis as a view of its phrase (t.basis stays empty).
// Copying them into the strings first was ~70 instructions a finding each.
struct TextViews {
    std::string_view summary;
    std::string_view basis;
};
TextViews describe_for_text(FindingText& t, const Engine& engine, const Report& report, const Finding& f, Lang lang);

}  // namespace barnetslov
