// `barnetslov rules` and `barnetslov explain`: the rule catalog as this library implements it.
#include "rules.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "barnetslov/catalog.hpp"
#include "barnetslov/echo.hpp"
#include "barnetslov/engine.hpp"
#include "barnetslov/report.hpp"
#include "barnetslov/statute.hpp"

namespace barnetslov::cli {

namespace {

const Rule* implementation(const Rulebook& book, const CatalogEntry& e) {
    return e.disposition == Disposition::implemented ? book.find(e.id) : nullptr;
}

std::string statuses_of(const RuleMeta& m) {
    std::string out;
    for (std::size_t s = 0; s < status_count; ++s)
        if (can_give(m, static_cast<Status>(s))) out += fmt::format("{}{}", out.empty() ? "" : ", ", to_string(static_cast<Status>(s)));
    return out;
}

std::string counting_of(const RuleMeta& m) {
    if (m.convention == Convention::none) return "none (an order or content requirement)";
    return fmt::format("{} {}", m.amount, to_string(m.convention));
}

// What shows the rule's duty done or excepted (RuleMeta::evidence), in the vocabulary's names:
// "kvittering; akutvurdering (danger)".
bool selected(const CatalogEntry& e, const RulesQuery& q) {
    return (q.chapter.empty() || e.chapter == q.chapter) && (q.part == 0 || e.part == q.part);
}

struct Coverage {
    int implemented = 0, informational = 0, alias = 0, planned = 0, total = 0;
};

Coverage coverage(const RulesQuery& q) {
    Coverage c;
    for (const CatalogEntry& e : catalog()) {
        if (!selected(e, q)) continue;
        ++c.total;
        switch (e.disposition) {
            case Disposition::implemented: ++c.implemented; break;
            case Disposition::informational: ++c.informational; break;
            case Disposition::alias: ++c.alias; break;
            case Disposition::planned: ++c.planned; break;
        }
    }
    return c;
}

std::string coverage_line(const Coverage& c) {
    return fmt::format("{} rule ids: {} implemented, {} informational, {} aliases, {} planned", c.total, c.implemented,
                       c.informational, c.alias, c.planned);
}

// GitHub's anchor for a heading "## BL-UND-24H".
std::string lower(std::string_view id) {
    std::string out(id);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The statute record of an implemented rule; a test keeps every implemented rule recorded, so a
// missing one only shows as "not recorded" rather than failing the listing.
const StatuteRecord* statute_of(const RuleMeta& m) { return m.statute; }

std::string_view or_none(std::string_view s) { return s.empty() ? std::string_view{"none"} : s; }

// "§ 3 read; §§ 144-150 not found", leaving out an empty half.
std::string paragraphs_of(const StatuteRecord& st) {
    std::string out;
    if (!st.read.empty()) out += fmt::format("{} read", st.read);
    if (!st.not_found.empty()) out += fmt::format("{}{} not found", out.empty() ? "" : "; ", st.not_found);
    return out;
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// Levenshtein distance ignoring letter case, with one row of memory.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::string x = lower(a), y = lower(b);
    std::vector<std::size_t> row(y.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= x.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= y.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[y.size()];
}

}  // namespace

const CatalogEntry* find_rule_id(std::string_view typed) {
    if (const CatalogEntry* e = find_catalog_entry(typed)) return e;
    for (const CatalogEntry& e : catalog())
        if (same_ignoring_case(e.id, typed)) return &e;
    return nullptr;
}

std::string unknown_rule(std::string_view typed) {
    // Near enough to be a slip: a third of the id's letters (a typo or two in BL-UND-24H), at least 2.
    const std::size_t limit = std::max<std::size_t>(2, typed.size() / 3);
    std::vector<std::pair<std::size_t, std::string_view>> near;
    for (const CatalogEntry& e : catalog())
        if (const std::size_t d = edit_distance(typed, e.id); d <= limit) near.emplace_back(d, e.id);
    // Nearest first; ties in the catalog's order (stable).
    std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    if (near.size() > 3) near.resize(3);
    std::string out = fmt::format("no rule {} in the catalog", quoted(typed));
    for (std::size_t i = 0; i < near.size(); ++i)
        out += fmt::format("{}{}", i == 0 ? "; did you mean " : i + 1 == near.size() ? " or " : ", ", near[i].second);
    out += near.empty() ? " (barnetslov rules lists them)" : "?";
    return out;
}

std::vector<std::string_view> chapters() {
    std::vector<std::string_view> out;
    for (const CatalogEntry& e : catalog())
        if (std::find(out.begin(), out.end(), e.chapter) == out.end()) out.push_back(e.chapter);
    return out;
}

std::string rules_text(const Rulebook& book, const RulesQuery& q) {
    std::string out;
    auto it = std::back_inserter(out);
    // Columns as wide as their longest entry (a chapter such as special-procedures), sections capped:
    // a longer one runs into the next column rather than widen every row.
    std::size_t chapter_w = std::string_view("CHAPTER").size(), section_w = std::string_view("SECTION").size();
    for (const CatalogEntry& e : catalog())
        if (selected(e, q)) {
            chapter_w = std::max(chapter_w, e.chapter.size());
            section_w = std::max(section_w, std::min<std::size_t>(e.section.size(), 40));
        }
    const auto row = [&](std::string_view id, std::string_view part, std::string_view chapter, std::string_view status,
                         std::string_view section, std::string_view confidence) {
        fmt::format_to(it, "{:<26} {:<4} {:<{}} {:<14} {:<{}} {}\n", id, part, chapter, chapter_w, status, section, section_w, confidence);
    };
    row("RULE", "PART", "CHAPTER", "STATUS", "SECTION", "CONFIDENCE");
    for (const CatalogEntry& e : catalog()) {
        if (!selected(e, q)) continue;
        row(e.id, std::string_view(&e.part, 1), e.chapter, to_string(e.disposition), e.section, e.confidence);
        if (const Rule* r = implementation(book, e)) fmt::format_to(it, "{:<26} {}\n", "", r->meta().title_en);
        else if (!e.note.empty()) fmt::format_to(it, "{:<26} {}{}\n", "", e.disposition == Disposition::alias ? "alias of " : "", e.note);
    }
    fmt::format_to(it, "\n{}\n", coverage_line(coverage(q)));
    if (q.part == 0)  // each part's own coverage, the catalog being three files
        for (const char part : {'A', 'B', 'C'})
            if (const Coverage c = coverage({q.chapter, part}); c.total > 0) fmt::format_to(it, "  part {}: {}\n", part, coverage_line(c));
    return out;
}

std::string rules_json(const Rulebook& book, const RulesQuery& q) {
    using json = nlohmann::ordered_json;
    json rules = json::array();
    for (const CatalogEntry& e : catalog()) {
        if (!selected(e, q)) continue;
        json j{{"id", e.id},
               {"part", std::string(1, e.part)},
               {"chapter", e.chapter},
               {"status", to_string(e.disposition)},
               {"section", e.section},
               {"predecessor", e.predecessor},
               {"catalog_confidence", e.confidence}};
        if (const Rule* r = implementation(book, e)) {
            const RuleMeta& m = r->meta();
            j["title_da"] = m.title_da;
            j["title_en"] = m.title_en;
            j["severity"] = to_string(m.severity);
            j["confidence"] = to_string(m.confidence);
            j["counting"] = json{{"convention", to_string(m.convention)}, {"amount", m.amount}};
            j["reading"] = m.reading;
            j["changed_from"] = m.changed_from.empty() ? json(nullptr) : json(m.changed_from);
            json versions = json::array();
            for (const RuleVersion& v : m.versions)
                versions.push_back(json{{"law", law_name_da(v.law)}, {"section", v.section}, {"from", format_day(v.from)},
                                        {"until", open_ended(v) ? json(nullptr) : json(format_day(v.until))},
                                        {"confidence", to_string(v.confidence)}});
            j["versions"] = std::move(versions);
            json evidence = json::array();
            for (const Evidence& ev : m.evidence) {
                json item{{"type", event_spec(ev.type).element}};
                if (ev.attr != no_attr) item["attribute"] = attr_name(ev.attr);
                evidence.push_back(std::move(item));
            }
            j["evidence"] = std::move(evidence);
            if (const StatuteRecord* st = statute_of(m)) {
                const auto text_or_null = [](std::string_view v) { return v.empty() ? json(nullptr) : json(v); };
                j["statute"] = json{{"check", to_string(statute_check(*st))},
                                    {"read", text_or_null(st->read)},
                                    {"not_found", text_or_null(st->not_found)},
                                    {"source", st->source},
                                    {"noted_in", st->noted_in},
                                    {"read_on", st->read_on},
                                    {"confirms", st->confirms},
                                    {"conflict", text_or_null(st->conflict)}};
            }
        } else if (e.disposition == Disposition::alias) {
            j["alias_of"] = e.note;
        } else {
            j["reason"] = e.note;
        }
        rules.push_back(std::move(j));
    }
    const Coverage c = coverage(q);
    json doc{{"format", "barnetslov-rules"},
             {"format_version", 1},
             {"coverage", json{{"total", c.total}, {"implemented", c.implemented}, {"informational", c.informational},
                               {"alias", c.alias}, {"planned", c.planned}}},
             {"rules", std::move(rules)}};
    return doc.dump(2) + "\n";
}

std::string explain_implemented(const RuleMeta& m) {
    std::string out;
    auto it = std::back_inserter(out);
    fmt::format_to(it, "\n  {}\n  {}\n\n", m.title_en, m.title_da);
    fmt::format_to(it, "  severity            {}\n  confidence          {}\n  counting            {}\n  statuses it gives   {}\n",
                   to_string(m.severity), to_string(m.confidence), counting_of(m), statuses_of(m));
    fmt::format_to(it, "  evidence            {}\n", evidence_text(m));
    fmt::format_to(it, "\nHow the deadline is counted\n  {}\n", m.counting);
    // The reading, how sure the catalog is of it, and what the December 2026 review changed.
    fmt::format_to(it, "\nReading chosen, {} (a reading is chosen where the catalog is UNCONFIRMED or INFERRED)\n  {}\n",
                   to_string(m.confidence), m.reading);
    if (!m.changed_from.empty()) fmt::format_to(it, "\nChanged by the December 2026 review, from\n  {}\n", m.changed_from);
    fmt::format_to(it, "\nVersions (an event is judged by the version in force on its day)\n");
    for (const RuleVersion& v : m.versions) {
        fmt::format_to(it, "  {:<12} {:<12} {} {:<16} {}{}\n", from_the_start(v) ? "..." : format_day(v.from), open_ended(v) ? "..." : format_day(v.until),
                       law_name_da(v.law), v.section, to_string(v.confidence), v.note.empty() ? "" : fmt::format(": {}", v.note));
    }
    if (const StatuteRecord* st = statute_of(m)) {
        fmt::format_to(it, "\nStatute (checked {}: {})\n", st->read_on, to_string(statute_check(*st)));
        fmt::format_to(it, "  read                {}\n  not found           {}\n  source              {}\n  noted in            {}\n",
                       or_none(st->read), or_none(st->not_found), st->source, st->noted_in);
        fmt::format_to(it, "  confirms            {}\n  conflict            {}\n", st->confirms, or_none(st->conflict));
    } else {
        fmt::format_to(it, "\nStatute\n  not recorded\n");
    }
    fmt::format_to(it, "\nExample (the events it reads)\n");
    std::string_view ex = m.example;
    while (!ex.empty()) {
        const auto nl = ex.find('\n');
        fmt::format_to(it, "  {}\n", ex.substr(0, nl));
        ex = nl == std::string_view::npos ? std::string_view{} : ex.substr(nl + 1);
    }
    return out;
}

std::optional<std::string> explain(const Rulebook& book, std::string_view id) {
    const CatalogEntry* e = find_rule_id(id);
    if (!e) return std::nullopt;
    std::string out;
    auto it = std::back_inserter(out);
    fmt::format_to(it, "{}  (part {}, chapter {})\n", e->id, e->part, e->chapter);
    fmt::format_to(it, "  catalog section     {}\n  predecessor         {}\n  catalog confidence  {}\n  status              {}\n",
                   e->section, e->predecessor, e->confidence, to_string(e->disposition));
    if (e->disposition == Disposition::alias) {
        fmt::format_to(it, "\nAn alias of {}; its findings carry that id.\n\n", e->note);
        if (auto target = explain(book, e->note)) out += *target;
        return out;
    }
    const Rule* r = implementation(book, *e);
    if (!r) {
        fmt::format_to(it, "  {}  {}\n", e->disposition == Disposition::informational ? "why no findings " : "what it will check", e->note);
        return out;
    }
    out += explain_implemented(r->meta());
    return out;
}

std::string rules_markdown(const Rulebook& book) {
    std::string out;
    auto it = std::back_inserter(out);
    const Coverage all = coverage({}), a = coverage({"", 'A'}), b = coverage({"", 'B'}), c = coverage({"", 'C'});
    fmt::format_to(it,
                   "# Rule reference\n\n"
                   "Generated by `barnetslov rules --format markdown` from the rule metadata; a test fails when it is out of "
                   "date. Rule ids and sections are those of the catalog in `../shared/law/`.\n\n"
                   "Coverage: {}.\n\n- Part A: {}.\n- Part B: {}.\n- Part C: {}.\n\n",
                   coverage_line(all), coverage_line(a), coverage_line(b), coverage_line(c));
    fmt::format_to(it, "| rule | part | chapter | status | section | catalog confidence |\n|---|---|---|---|---|---|\n");
    for (const CatalogEntry& e : catalog())
        fmt::format_to(it, "| {} | {} | {} | {} | {} | {} |\n",
                       e.disposition == Disposition::implemented ? fmt::format("**[{0}](#{1})**", e.id, lower(e.id)) : std::string(e.id),
                       e.part, e.chapter,
                       e.disposition == Disposition::alias ? fmt::format("alias of [{0}](#{1})", e.note, lower(e.note)) : std::string(to_string(e.disposition)),
                       e.section, e.confidence);
    // Implemented rules in full; the others with their reason.
    for (const CatalogEntry& e : catalog()) {
        const Rule* r = implementation(book, e);
        fmt::format_to(it, "\n## {}\n\n", e.id);
        if (!r) {
            // An alias links to the rule it stands for, whose section below is its reference.
            if (e.disposition == Disposition::alias)
                fmt::format_to(it, "*alias* — alias of [{0}](#{1}): `barnetslov explain {2}` and `--rules {2}` resolve to {0}, and its "
                                   "findings carry the id {0}\n",
                               e.note, lower(e.note), e.id);
            else
                fmt::format_to(it, "*{}* — {}\n", to_string(e.disposition), e.note);
            continue;
        }
        const RuleMeta& m = r->meta();
        fmt::format_to(it, "**{}** — *{}*\n\n", m.title_en, m.title_da);
        fmt::format_to(it, "- severity: {}; confidence: {}; statuses: {}; phase: {}\n- counting: {}. {}\n- reading: {}\n", to_string(m.severity),
                       to_string(m.confidence), statuses_of(m), to_string(m.phase), counting_of(m), m.counting, m.reading);
        fmt::format_to(it, "- evidence (what shows the duty done or excepted): {}\n", evidence_text(m));
        if (!m.reasons.empty()) {
            out += "- reasons besides the general ones:";
            for (const Reason* reason : m.reasons) fmt::format_to(it, " `{}`{}", reason->key, reason == m.reasons.back() ? "" : ",");
            out += '\n';
        }
        if (!m.changed_from.empty()) fmt::format_to(it, "- changed by the December 2026 review; before, it read: {}\n", m.changed_from);
        fmt::format_to(it, "- predecessor: {}\n", m.predecessor);
        if (const StatuteRecord* st = statute_of(m)) {
            fmt::format_to(it, "- statute, checked {}: {}. Source: {}. Noted in {}.\n  Confirms: {}\n- statute conflict: {}\n",
                           st->read_on, paragraphs_of(*st), st->source, st->noted_in, st->confirms, or_none(st->conflict));
        }
        out += '\n';
        fmt::format_to(it, "| from | until | law | section | confidence | note |\n|---|---|---|---|---|---|\n");
        for (const RuleVersion& v : m.versions) {
            fmt::format_to(it, "| {} | {} | {} | {} | {} | {} |\n", from_the_start(v) ? "…" : format_day(v.from), open_ended(v) ? "…" : format_day(v.until),
                           law_name_da(v.law), v.section, to_string(v.confidence), v.note);
        }
        fmt::format_to(it, "\n```xml\n{}\n```\n", m.example);
    }
    fmt::format_to(it, "\n## Reasons\n\nEvery finding carries one of these keys (`reason` in the JSON report) and the sentence "
                       "that goes with it. The first {} are the general ones any rule may give (the outcomes of a counted deadline, and "
                       "before_rule); the others are listed with the rules that give them.\n\n| key | English | Danish |\n|---|---|---|\n", general_reasons().size());
    for (const Reason* reason : book.reasons()) {
        fmt::format_to(it, "| `{}` | {} | {} |\n", reason_key(reason), reason_summary(reason, Lang::en), reason_summary(reason, Lang::da));
    }
    return out;
}

}  // namespace barnetslov::cli
