// What echo.cpp shows, without its first, cheap test: the oracle of that test (cpr_detector_test).
#pragma once

#include <string>
#include <string_view>

namespace barnetslov::detail {

// shown_name(s) by the exact test alone: the detector's scan, escaping and masking.
[[nodiscard]] std::string shown_name_exact(std::string_view s);
// echo(v, max) by the exact test alone.
[[nodiscard]] std::string echo_exact(std::string_view v, std::size_t max);
// printable(s) a unit at a time throughout, without copying runs of printable ASCII as they are.
[[nodiscard]] std::string printable_exact(std::string_view s);

}  // namespace barnetslov::detail
