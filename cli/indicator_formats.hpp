// The indicators for the auditor (include/barnetslov/indicators.hpp, docs/indicators.md) in the
// summary's three forms: a titled text section after the compliance figures, the JSON "indicators"
// object (raw counts only, docs/report-json.md) and CSV rows after the compliance rows.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "barnetslov/indicators.hpp"
#include "barnetslov/report.hpp"
#include "formats.hpp"

namespace barnetslov::cli {

// Appends the text section: each indicator with n beside every share; an indicator the export has
// no data for says so instead of showing a figure.
void indicators_text(std::string& out, const Indicators& ind, Lang lang);

// {"goal_attainment": [...], "continuity": [...], "caseload": [...], "placement_pattern": [...],
//  "early_signals": [...], "notifier_roles": [...]}
[[nodiscard]] nlohmann::ordered_json indicators_json(const Indicators& ind);
// {"axes": [...], "caseload_day": "YYYY-MM-DD", "data": {indicator: "present" | "none"}}: what the rows are grouped by
// and which indicators the export carries data for.
[[nodiscard]] nlohmann::ordered_json indicators_about_json(const Indicators& ind);

// The CSV columns the indicator rows add after the compliance header (the compliance rows leave
// them empty), given the compliance axes.
[[nodiscard]] std::vector<std::string> indicator_csv_columns(const Indicators& ind, const std::vector<GroupBy>& figure_axes);
// One row per figure: rule "INDICATOR", indicator the indicator's name, then the added columns.
void indicators_csv(std::string& out, const Indicators& ind, const std::vector<GroupBy>& figure_axes, std::size_t header_cells,
                    const CsvDialect& d);

// Whether the export carries data for an indicator ("goal_attainment", ...).
[[nodiscard]] bool indicator_has_data(const Indicators& ind, std::string_view name);

}  // namespace barnetslov::cli
