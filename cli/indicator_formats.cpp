#include "indicator_formats.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "barnetslov/aggregate.hpp"
#include "barnetslov/echo.hpp"

namespace barnetslov::cli {

namespace {

using json = nlohmann::ordered_json;

std::string percent(std::uint64_t part, std::uint64_t n, Lang lang) {
    if (n == 0) return "-";
    return fixed_text(100.0 * static_cast<double>(part) / static_cast<double>(n), 1, decimal_mark(lang)) + " %";
}

std::string decimal(std::optional<double> v, Lang lang) {
    if (!v) return "-";
    return fixed_text(*v, 2, decimal_mark(lang));
}

// Σ / n with two decimals, in the language's decimal mark; "-" over nothing.
std::string ratio(std::uint64_t sum, std::uint64_t n, Lang lang) {
    return n ? decimal(static_cast<double>(sum) / static_cast<double>(n), lang) : "-";
}

std::string joined(const std::vector<std::string>& keys) {
    std::string g;
    for (const std::string& k : keys) g += (g.empty() ? "" : " / ") + k;
    return printable(g);
}

std::string axes_text(const std::vector<GroupBy>& axes) {
    std::string a;
    for (GroupBy by : axes) a.append(a.empty() ? "  " : " / ").append(to_string(by));
    return a;
}

std::string day_text(LocalDay d) {
    const auto y = ymd(d);
    return fmt::format("{:04}-{:02}-{:02}", int(y.year()), unsigned(y.month()), unsigned(y.day()));
}

std::uint64_t in_group(const CountsRow& row, SiteGroup g) {
    std::uint64_t n = 0;
    for (const auto& [name, count] : row.counts)
        if (site_group(name) == g) n += count;
    return n;
}

std::uint64_t count_of(const CountsRow& row, const std::string& name) {
    const auto it = row.counts.find(name);
    return it == row.counts.end() ? 0 : it->second;
}

void keys_into(json& row, const std::vector<GroupBy>& axes, const std::vector<std::string>& keys) {
    for (std::size_t a = 0; a < axes.size() && a < keys.size(); ++a) row[std::string(to_string(axes[a]))] = keys[a];
}

// The indicators' tables (table_row): their columns, the spaces before each and its width.
constexpr std::array<Column, 8> goal_columns{{{2, 6}, {1, 6}, {1, 6}, {1, 6}, {1, 6}, {2, 8}, {1, 8}, {1, 8}}};
constexpr std::array<Column, 6> continuity_columns{{{2, 8}, {1, 10}, {1, 10}, {1, 8}, {1, 9}, {2, 8}}};
constexpr std::array<Column, 5> caseload_columns{{{2, 6}, {1, 9}, {1, 10}, {1, 6}, {1, 9}}};
constexpr std::array<Column, 8> placement_columns{{{2, 6}, {1, 6}, {1, 6}, {1, 6}, {1, 6}, {1, 9}, {2, 6}, {1, 9}}};
constexpr std::array<Column, 5> signal_columns{{{2, 7}, {1, 10}, {1, 8}, {1, 6}, {1, 10}}};

// A row's tail: two spaces and its name.
void named_tail(std::string& out, std::string_view name) { out.append("  ").append(name) += '\n'; }

const char* no_data(Lang lang) { return lang == Lang::da ? "  ingen data i dette udtræk" : "  no data in this export"; }

}  // namespace

bool indicator_has_data(const Indicators& ind, std::string_view name) {
    const IndicatorCoverage& c = ind.coverage();
    if (name == "goal_attainment") return c.goals;
    if (name == "continuity" || name == "caseload") return c.caseworkers;
    if (name == "placement_pattern") return c.site_types;
    if (name == "early_signals" || name == "notifier_roles") return c.underretninger;
    return false;
}

void indicators_text(std::string& out, const Indicators& ind, Lang lang) {
    const bool da = lang == Lang::da;
    const std::string axes = axes_text(ind.axes());
    out += da ? "\nINDIKATORER (tal, ikke fund mod en regel; definitioner i docs/indicators.md)\n"
              : "\nINDICATORS (figures, not findings against a rule; defined in docs/indicators.md)\n";

    // Goal attainment.
    out += da ? "\nMålopfyldelse: mål vurderet ved en opfølgning (opgivne mål står for sig, ikke i n)\n"
              : "\nGoal attainment: goals assessed at a follow-up (dropped goals apart, not in n)\n";
    if (!ind.coverage().goals) {
        out += fmt::format("{} ({})\n", no_data(lang), da ? "ingen fil har maal-status" : "no file carries maal-status");
    } else {
        const auto rows = ind.goal_attainment();
        using Counts = std::array<std::uint64_t, goal_status_count>;
        auto table = [&](const std::map<std::string, Counts>& by, std::string_view label) {
            table_row(out, goal_columns,
                      {da ? "nået" : "reached", da ? "delvis" : "partly", da ? "ikke" : "not", da ? "opgivet" : "dropped", "n",
                       da ? "nået" : "reached", da ? "delvis" : "partly", da ? "ikke" : "not"});
            named_tail(out, label);
            for (const auto& [name, c] : by) {
                const std::uint64_t n = c[0] + c[1] + c[2];
                table_row(out, goal_columns,
                          {std::to_string(c[0]), std::to_string(c[1]), std::to_string(c[2]), std::to_string(c[3]), std::to_string(n),
                           percent(c[0], n, lang), percent(c[1], n, lang), percent(c[2], n, lang)});
                named_tail(out, name);
            }
        };
        std::map<std::string, Counts> by_group, by_kind, by_area;
        for (const GoalRow& r : rows) {
            // Each row's three names found once, not once a status (~1 k instructions a row, issue 20).
            Counts& group = by_group[joined(r.keys)];
            Counts& kind = by_kind[printable(r.measure_kind)];
            Counts& area = by_area[printable(r.area)];
            for (std::size_t s = 0; s < goal_status_count; ++s) {
                group[s] += r.count[s];
                kind[s] += r.count[s];
                area[s] += r.count[s];
            }
        }
        table(by_group, axes.substr(2));
        out += da ? "  efter indsatsens art (alle grupper):\n" : "  by measure kind (all groups):\n";
        table(by_kind, da ? "art" : "measure kind");
        out += da ? "  efter målets område (alle grupper):\n" : "  by goal area (all groups):\n";
        table(by_area, da ? "område" : "area");
    }

    // Continuity.
    out += da ? "\nKontinuitet: rådgivere pr. barn og periode (hændelser med caseworker)\n"
              : "\nContinuity: caseworkers per child and period (events carrying a caseworker)\n";
    const auto continuity = ind.continuity();
    if (!ind.coverage().caseworkers) {
        std::uint64_t without = 0;
        for (const ContinuityRow& r : continuity) without += r.cases_without_caseworker;
        out += fmt::format("{} ({}; {} {})\n", no_data(lang), da ? "ingen hændelse har caseworker" : "no event carries a caseworker", without,
                           da ? "sager uden rådgiveroplysning" : "cases without caseworker data");
    } else {
        table_row(out, continuity_columns,
                  {da ? "barn-per" : "child-p", da ? "rådg./barn" : "cw/child", da ? "skift/barn" : "handovers", da ? "én rådg." : "one cw",
                   da ? "andel én" : "share one", da ? "u. rådg." : "no cw"});
        out.append(axes) += '\n';
        for (const ContinuityRow& r : continuity) {
            table_row(out, continuity_columns,
                      {std::to_string(r.child_periods), ratio(r.caseworkers_sum, r.child_periods, lang), ratio(r.handovers, r.child_periods, lang),
                       std::to_string(r.one_caseworker), percent(r.one_caseworker, r.child_periods, lang), std::to_string(r.cases_without_caseworker)});
            named_tail(out, joined(r.keys));
        }
        out += da ? "  n = barn-perioder; andel én = én rådgiver / n; u. rådg. = sager uden rådgiveroplysning (tælles ikke som én)\n"
                  : "  n = child-periods; share one = exactly one caseworker / n; no cw = cases without caseworker data (never counted as one)\n";
    }

    // Caseload.
    out += fmt::format(fmt::runtime(da ? "\nSagsbelastning den {}: åbne sager pr. rådgiver\n" : "\nCaseload on {}: open cases per caseworker\n"),
                       ind.caseload_day() ? day_text(*ind.caseload_day()) : "-");
    const auto load = ind.caseload();
    const std::string load_axes = axes_text(ind.caseload_axes());
    table_row(out, caseload_columns,
              {da ? "åbne" : "open", da ? "rådgivere" : "caseworkers", da ? "gns. pr." : "mean per", da ? "maks" : "max", da ? "u. rådg." : "no cw"});
    out.append(load_axes) += '\n';
    for (const CaseloadRow& r : load) {
        const bool workers = ind.coverage().caseworkers;
        table_row(out, caseload_columns,
                  {std::to_string(r.open_cases), workers ? std::to_string(r.caseworkers) : "-",
                   workers ? decimal(r.mean_open_per_caseworker(), lang) : "-", workers ? std::to_string(r.max_open_per_caseworker) : "-",
                   std::to_string(r.open_without_caseworker)});
        named_tail(out, joined(r.keys));
    }
    if (load.empty()) out += da ? "  ingen åbne sager den dag\n" : "  no open cases on that day\n";
    if (!ind.coverage().caseworkers)
        out += fmt::format("{} {}\n", no_data(lang), da ? "om rådgivere (ingen hændelse har caseworker)" : "on caseworkers (no event carries a caseworker)");

    // Placement pattern.
    out += da ? "\nAnbringelsesmønster: anbringelser påbegyndt, efter stedets type\n" : "\nPlacement pattern: placements started, by site type\n";
    const auto placements = ind.placement_pattern();
    if (!ind.coverage().placements) {
        out += fmt::format("{} ({})\n", no_data(lang), da ? "ingen anbringelsesafgørelse" : "no placement decision");
    } else {
        if (!ind.coverage().site_types)
            out += fmt::format("{} ({})\n", no_data(lang), da ? "ingen anbringelse har site-type" : "no placement carries a site-type");
        table_row(out, placement_columns,
                  {da ? "familie" : "family", da ? "inst." : "inst.", da ? "andet" : "other", da ? "ukendt" : "unknown", "n",
                   da ? "familie" : "family", da ? "n fam." : "n fam.", da ? "netværk" : "network"});
        out.append(axes) += '\n';
        for (const CountsRow& r : placements) {
            const std::uint64_t family = in_group(r, SiteGroup::family), inst = in_group(r, SiteGroup::institution),
                                other = in_group(r, SiteGroup::other), unknown = in_group(r, SiteGroup::unknown), n = family + inst + other;
            table_row(out, placement_columns,
                      {std::to_string(family), std::to_string(inst), std::to_string(other), std::to_string(unknown), std::to_string(n),
                       percent(family, n, lang), std::to_string(family), percent(count_of(r, "network-foster-family"), family, lang)});
            named_tail(out, joined(r.keys));
        }
        out += da ? "  familie = netværks-, almen, forstærket, specialiseret og kommunal plejefamilie; inst. = opholdssted og døgninstitution; "
                    "andet = eget værelse og efterskole; n = familie + inst. + andet (ukendt står for sig); netværk = netværksplejefamilie / "
                    "n fam.\n"
                  : "  family = network, general, reinforced, specialised and municipal foster family; inst. = opholdssted and døgninstitution; "
                    "other = own room and efterskole; n = family + inst. + other (unknown apart); network = network foster family / n fam.\n";
    }

    // Early signals.
    out += da ? "\nTidlige signaler: 3 underretninger inden for 12 måneder, og handling inden for 4 måneder efter den tredje\n"
              : "\nEarly signals: 3 underretninger within 12 months, and action within 4 months of the third\n";
    if (!ind.coverage().underretninger) {
        out += fmt::format("{} ({})\n", no_data(lang), da ? "ingen underretning" : "no underretning");
    } else {
        const auto signals = ind.early_signals();
        table_row(out, signal_columns,
                  {da ? "børn" : "children", da ? "u. handl." : "no action", da ? "afventer" : "pending", "n", da ? "andel u." : "share no"});
        out.append(axes) += '\n';
        for (const SignalRow& r : signals) {
            const std::uint64_t n = r.with_pattern - r.pending;
            table_row(out, signal_columns,
                      {std::to_string(r.with_pattern), std::to_string(r.no_action), std::to_string(r.pending), std::to_string(n),
                       percent(r.no_action, n, lang)});
            named_tail(out, joined(r.keys));
        }
        if (signals.empty()) out += da ? "  intet barn med mønstret\n" : "  no child with the pattern\n";
        out += da ? "  u. handl. = ingen undersøgelse, indsats eller anbringelse inden for 4 måneder; afventer = de 4 måneder er ikke gået "
                    "endnu; n = børn - afventer\n"
                  : "  no action = no undersøgelse, measure or placement within 4 months; pending = the 4 months have not passed yet; "
                    "n = children - pending\n";

        out += da ? "\nUnderretninger efter underretterens rolle\n" : "\nUnderretninger by notifier role\n";
        for (const CountsRow& r : ind.notifier_roles()) {
            std::uint64_t n = 0;
            for (const auto& [name, c] : r.counts) n += c;
            std::string line;
            for (const auto& [name, c] : r.counts) line += fmt::format("{}{} {} ({})", line.empty() ? "" : ", ", name, c, percent(c, n, lang));
            out += fmt::format("  {}  n={}: {}\n", joined(r.keys), n, line);
        }
    }
}

json indicators_json(const Indicators& ind) {
    const auto& axes = ind.axes();
    json goals = json::array(), continuity = json::array(), load = json::array(), placements = json::array(), signals = json::array(),
         roles = json::array();
    for (const GoalRow& r : ind.goal_attainment()) {
        json row = json::object();
        keys_into(row, axes, r.keys);
        row["measure_kind"] = r.measure_kind;
        row["area"] = r.area;
        row["reached"] = r.count[0];
        row["partly"] = r.count[1];
        row["not_reached"] = r.count[2];
        row["dropped"] = r.count[3];
        goals.push_back(std::move(row));
    }
    for (const ContinuityRow& r : ind.continuity()) {
        json row = json::object();
        keys_into(row, axes, r.keys);
        row["child_periods"] = r.child_periods;
        row["caseworkers_sum"] = r.caseworkers_sum;
        row["handovers"] = r.handovers;
        row["one_caseworker"] = r.one_caseworker;
        row["cases_without_caseworker"] = r.cases_without_caseworker;
        continuity.push_back(std::move(row));
    }
    for (const CaseloadRow& r : ind.caseload()) {
        json row = json::object();
        row["day"] = ind.caseload_day() ? day_text(*ind.caseload_day()) : "";
        keys_into(row, ind.caseload_axes(), r.keys);
        row["open_cases"] = r.open_cases;
        row["caseworkers"] = r.caseworkers;
        row["max_open_per_caseworker"] = r.max_open_per_caseworker;
        row["open_without_caseworker"] = r.open_without_caseworker;
        load.push_back(std::move(row));
    }
    for (const CountsRow& r : ind.placement_pattern()) {
        json row = json::object();
        keys_into(row, axes, r.keys);
        row["site_types"] = json(r.counts);
        placements.push_back(std::move(row));
    }
    for (const SignalRow& r : ind.early_signals()) {
        json row = json::object();
        keys_into(row, axes, r.keys);
        row["with_pattern"] = r.with_pattern;
        row["no_action"] = r.no_action;
        row["pending"] = r.pending;
        signals.push_back(std::move(row));
    }
    for (const CountsRow& r : ind.notifier_roles()) {
        json row = json::object();
        keys_into(row, axes, r.keys);
        row["roles"] = json(r.counts);
        roles.push_back(std::move(row));
    }
    return json{{"goal_attainment", std::move(goals)}, {"continuity", std::move(continuity)}, {"caseload", std::move(load)},
                {"placement_pattern", std::move(placements)}, {"early_signals", std::move(signals)}, {"notifier_roles", std::move(roles)}};
}

json indicators_about_json(const Indicators& ind) {
    json axes = json::array();
    for (GroupBy by : ind.axes()) axes.push_back(to_string(by));
    json data = json::object();
    for (const char* name : {"goal_attainment", "continuity", "caseload", "placement_pattern", "early_signals", "notifier_roles"})
        data[name] = indicator_has_data(ind, name) ? "present" : "none";
    return json{{"axes", std::move(axes)}, {"caseload_day", ind.caseload_day() ? json(day_text(*ind.caseload_day())) : json(nullptr)},
                {"data", std::move(data)}};
}

std::vector<std::string> indicator_csv_columns(const Indicators& ind, const std::vector<GroupBy>& figure_axes) {
    std::vector<std::string> cols{"figure", "breakdown", "count", "of", "share"};
    for (GroupBy by : ind.axes())
        if (std::find(figure_axes.begin(), figure_axes.end(), by) == figure_axes.end()) cols.emplace_back(to_string(by));
    return cols;
}

void indicators_csv(std::string& out, const Indicators& ind, const std::vector<GroupBy>& figure_axes, std::size_t header_cells,
                    const CsvDialect& d) {
    // Positions: the compliance columns end with one per figure axis; the added columns follow.
    const std::size_t axes_at = header_cells - figure_axes.size();
    const std::size_t added_at = header_cells;
    std::vector<GroupBy> extra;
    for (GroupBy by : ind.axes())
        if (std::find(figure_axes.begin(), figure_axes.end(), by) == figure_axes.end()) extra.push_back(by);
    const std::size_t width = added_at + 5 + extra.size();
    auto emit = [&](std::string_view name, const std::vector<GroupBy>& axes, const std::vector<std::string>& keys, std::string_view figure,
                    const std::string& breakdown, std::uint64_t count, std::optional<std::uint64_t> of, bool has_data) {
        std::vector<std::string> cells(width);
        cells[0] = "INDICATOR";
        std::string group;
        for (const std::string& k : keys) group += (group.empty() ? "" : " / ") + k;
        cells[1] = csv_text(group, false, d);
        cells[2] = csv_field(name, d);
        for (std::size_t a = 0; a < axes.size() && a < keys.size(); ++a) {
            const auto f = std::find(figure_axes.begin(), figure_axes.end(), axes[a]);
            const auto e = std::find(extra.begin(), extra.end(), axes[a]);
            if (f != figure_axes.end()) cells[axes_at + std::size_t(f - figure_axes.begin())] = csv_text(keys[a], false, d);
            else if (e != extra.end()) cells[added_at + 5 + std::size_t(e - extra.begin())] = csv_text(keys[a], false, d);
        }
        cells[added_at] = csv_field(figure, d);
        cells[added_at + 1] = csv_text(breakdown, false, d);
        cells[added_at + 2] = std::to_string(count);
        if (of) {
            cells[added_at + 3] = std::to_string(*of);
            // No data, or nothing to share over: no share, never 0.
            if (has_data && *of > 0) cells[added_at + 4] = csv_number(static_cast<double>(count) / static_cast<double>(*of), 4, d);
        }
        csv_row(out, cells, d);
    };
    const auto& axes = ind.axes();
    const bool goals = indicator_has_data(ind, "goal_attainment");
    for (const GoalRow& r : ind.goal_attainment()) {
        const std::string breakdown = "measure_kind=" + r.measure_kind + " area=" + r.area;
        const std::uint64_t n = r.count[0] + r.count[1] + r.count[2];
        emit("goal_attainment", axes, r.keys, "reached", breakdown, r.count[0], n, goals);
        emit("goal_attainment", axes, r.keys, "partly", breakdown, r.count[1], n, goals);
        emit("goal_attainment", axes, r.keys, "not_reached", breakdown, r.count[2], n, goals);
        emit("goal_attainment", axes, r.keys, "dropped", breakdown, r.count[3], std::nullopt, goals);
    }
    const bool workers = indicator_has_data(ind, "continuity");
    for (const ContinuityRow& r : ind.continuity()) {
        emit("continuity", axes, r.keys, "child_periods", "", r.child_periods, std::nullopt, workers);
        emit("continuity", axes, r.keys, "caseworkers_sum", "", r.caseworkers_sum, r.child_periods, workers);
        emit("continuity", axes, r.keys, "handovers", "", r.handovers, r.child_periods, workers);
        emit("continuity", axes, r.keys, "one_caseworker", "", r.one_caseworker, r.child_periods, workers);
        emit("continuity", axes, r.keys, "cases_without_caseworker", "", r.cases_without_caseworker, std::nullopt, true);
    }
    const std::string day = ind.caseload_day() ? "day=" + day_text(*ind.caseload_day()) : "";
    for (const CaseloadRow& r : ind.caseload()) {
        emit("caseload", ind.caseload_axes(), r.keys, "open_cases", day, r.open_cases, std::nullopt, true);
        emit("caseload", ind.caseload_axes(), r.keys, "caseworkers", day, r.caseworkers, std::nullopt, workers);
        emit("caseload", ind.caseload_axes(), r.keys, "open_with_caseworker", day, r.open_cases - r.open_without_caseworker, r.caseworkers,
             workers);
        emit("caseload", ind.caseload_axes(), r.keys, "max_open_per_caseworker", day, r.max_open_per_caseworker, std::nullopt, workers);
        emit("caseload", ind.caseload_axes(), r.keys, "open_without_caseworker", day, r.open_without_caseworker, std::nullopt, true);
    }
    const bool sites = indicator_has_data(ind, "placement_pattern");
    for (const CountsRow& r : ind.placement_pattern()) {
        const std::uint64_t family = in_group(r, SiteGroup::family),
                            n = family + in_group(r, SiteGroup::institution) + in_group(r, SiteGroup::other);
        for (const auto& [name, c] : r.counts) emit("placement_pattern", axes, r.keys, name, "site_type", c, std::nullopt, sites);
        emit("placement_pattern", axes, r.keys, "family", "group", family, n, sites);
        emit("placement_pattern", axes, r.keys, "institution", "group", in_group(r, SiteGroup::institution), n, sites);
        emit("placement_pattern", axes, r.keys, "other", "group", in_group(r, SiteGroup::other), n, sites);
        emit("placement_pattern", axes, r.keys, "network_in_family", "group", count_of(r, "network-foster-family"), family, sites);
    }
    for (const SignalRow& r : ind.early_signals()) {
        emit("early_signals", axes, r.keys, "with_pattern", "", r.with_pattern, std::nullopt, true);
        emit("early_signals", axes, r.keys, "no_action", "", r.no_action, r.with_pattern - r.pending, true);
        emit("early_signals", axes, r.keys, "pending", "", r.pending, std::nullopt, true);
    }
    for (const CountsRow& r : ind.notifier_roles()) {
        std::uint64_t n = 0;
        for (const auto& [name, c] : r.counts) n += c;
        for (const auto& [name, c] : r.counts) emit("notifier_roles", axes, r.keys, name, "notifier_role", c, n, true);
    }
}

}  // namespace barnetslov::cli
