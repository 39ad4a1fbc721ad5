// The indicators' part of the HTML report (src/report/html_indicators.cpp), for html_report.cpp.
#pragma once

#include <string>

#include "barnetslov/indicators.hpp"
#include "barnetslov/report.hpp"

namespace barnetslov::detail {

// Appends the indicators' section: charts for goal attainment, continuity and the placement pattern,
// tables for the caseload and the early signals; nothing when no case was counted.
void write_indicators(std::string& out, const Indicators& ind, Lang lang);

}  // namespace barnetslov::detail
