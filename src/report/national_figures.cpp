// The national reference figures, from docs/national-figures.json as built in (aggregate.hpp).
#include <algorithm>

#include <nlohmann/json.hpp>

#include "barnetslov/aggregate.hpp"

namespace barnetslov {

namespace {

constexpr std::string_view national_figures_json =
#include "national_figures.inc"
    ;

std::vector<NationalFigure> parse() {
    // The file is ours and checked by a test; a broken edit fails that test, not an auditor's run.
    const auto doc = nlohmann::json::parse(national_figures_json, nullptr, false);
    std::vector<NationalFigure> out;
    if (!doc.is_object() || !doc.contains("figures") || !doc["figures"].is_array()) return out;
    for (const auto& f : doc["figures"]) {
        if (!f.is_object() || !f.value("share", nlohmann::json()).is_number()) continue;
        out.push_back({f.value("rule", ""), f.value("what", ""), f.value("source", ""), f.value("address", ""), f.value("published", ""),
                       f.value("read_on", ""), f["share"].get<double>()});
    }
    return out;
}

}  // namespace

const std::vector<NationalFigure>& national_figures() {
    static const std::vector<NationalFigure> figures = parse();
    return figures;
}

const NationalFigure* national_figure(std::string_view rule_id) {
    const auto& all = national_figures();
    const auto it = std::find_if(all.begin(), all.end(), [&](const NationalFigure& f) { return f.rule == rule_id; });
    return it == all.end() ? nullptr : &*it;
}

}  // namespace barnetslov
