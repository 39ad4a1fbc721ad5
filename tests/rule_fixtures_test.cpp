// Runs every case file under tests/fixtures/ and checks the findings it declares.
//
// A fixture is an ordinary case file with one or more processing instructions (which the loader
// ignores) stating what the engine must find, e.g.
//   <?barnetslov-expect as-of="2024-05-01" rule="BL-UND-24H" subject="u1" status="late"
//                       reason="done_late" margin="-5400" section="§ 136"?>
// Required: as-of, rule, subject (the id of the event the duty is about), status. Optional:
// reason, basis, margin (signed, in the finding's unit), unit (the margin's: seconds, days or hverdage), law, section, due_day (which also picks
// among several findings about one subject), done (event id of the fulfilment), count (visits
// found), readings (the readings a user may choose, as "name=value name=value", e.g.
// readings="supervision-year=calendar"; the defaults otherwise), text (words the English summary, counting or
// margin must contain). status="no-finding" expects no finding of the rule about the subject. A second test checks that every rule has a fixture for every status its
// metadata says it can give.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/report.hpp"

namespace fs = std::filesystem;
using namespace barnetslov;

namespace {

const fs::path fixtures_dir = fs::path(BARNETSLOV_SOURCE_DIR) / "tests" / "fixtures";

const Engine& engine() {
    static const Engine e;
    return e;
}

// An engine judging by the readings `spec` names ("supervision-year=calendar kvittering-to=all"), one per spec.
const Engine& engine_with(const std::string& spec) {
    static std::map<std::string, std::unique_ptr<Engine>> engines;
    auto& e = engines[spec];
    if (!e) {
        EngineOptions options;
        std::size_t i = 0;
        while (i < spec.size()) {
            const std::size_t j = std::min(spec.find(' ', i), spec.size());
            const std::string item = spec.substr(i, j - i);
            i = j + 1;
            if (item.empty()) continue;
            const auto eq = item.find('=');
            const std::string error = eq == std::string::npos ? "no '=' in " + item
                                                               : set_reading(options.readings, options.holidays, item.substr(0, eq), item.substr(eq + 1));
            EXPECT_TRUE(error.empty()) << error;
        }
        e = std::make_unique<Engine>(options);
    }
    return *e;
}

std::vector<fs::path> fixture_files() {
    std::vector<fs::path> out;
    if (!fs::exists(fixtures_dir)) return out;
    for (const auto& e : fs::recursive_directory_iterator(fixtures_dir))
        if (e.is_regular_file() && e.path().extension() == ".xml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

using Expectation = std::map<std::string, std::string>;

// key="value" pairs of a processing instruction's text.
Expectation parse_pi(std::string_view text) {
    Expectation out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
        const auto eq = text.find('=', i);
        if (eq == std::string_view::npos) break;
        const std::string key(text.substr(i, eq - i));
        const auto q1 = text.find('"', eq);
        const auto q2 = text.find('"', q1 + 1);
        if (q1 == std::string_view::npos || q2 == std::string_view::npos) break;
        out[key] = std::string(text.substr(q1 + 1, q2 - q1 - 1));
        i = q2 + 1;
    }
    return out;
}

std::vector<Expectation> expectations(const fs::path& file) {
    pugi::xml_document doc;
    const auto r = doc.load_file(file.c_str(), pugi::parse_default | pugi::parse_pi);
    std::vector<Expectation> out;
    if (!r) return out;
    for (const pugi::xml_node n : doc.children())
        if (n.type() == pugi::node_pi && std::string_view(n.name()) == "barnetslov-expect") out.push_back(parse_pi(n.value()));
    return out;
}

class Fixture : public ::testing::TestWithParam<fs::path> {};

TEST_P(Fixture, FindingsAsDeclared) {
    const fs::path& file = GetParam();
    const auto expected = expectations(file);
    ASSERT_FALSE(expected.empty()) << file << " declares no <?barnetslov-expect ...?>";
    const LoadResult loaded = load_case_file(file, engine().calendar());
    ASSERT_TRUE(loaded.ok()) << (loaded.errors.empty() ? "?" : loaded.errors.front().to_string());
    for (const Expectation& x : expected) {
        for (const char* key : {"as-of", "rule", "subject", "status"}) ASSERT_TRUE(x.count(key)) << file << ": expectation lacks " << key;
        const ParsedMoment as_of = parse_moment(x.at("as-of"), engine().calendar());
        ASSERT_EQ(as_of.status, MomentParse::ok) << file << ": bad as-of";
        const Instant when = as_of.moment.has_time ? as_of.moment.instant
                                                   : engine().calendar().end_of_local_day(as_of.moment.day) - Seconds{1};
        const Engine& judge = x.count("readings") ? engine_with(x.at("readings")) : engine();
        const Report report = judge.evaluate(loaded.kase, when);
        const auto rule = engine().rulebook().index_of(x.at("rule"));
        ASSERT_TRUE(rule) << "unknown rule " << x.at("rule");
        // Several findings may share a subject (one per placement year, or one per duty of a rule
        // about one decision): due_day picks one, else the one with the expected reason, else the first.
        const Finding* found = nullptr;
        for (const Finding& f : report.findings) {
            if (f.rule != *rule || report.kase->event(f.subject).id() != x.at("subject")) continue;
            if (x.count("due_day") && (!f.deadline || format_day(f.deadline->due_day) != x.at("due_day"))) continue;
            if (!found || (x.count("reason") && reason_key(found->reason) != x.at("reason") && reason_key(f.reason) == x.at("reason")))
                found = &f;
        }
        // status="no-finding": the event is no trigger of the rule (a decision outside it, a kind it excludes).
        if (x.at("status") == "no-finding") {
            EXPECT_EQ(found, nullptr) << file << ": " << x.at("rule") << " gave a finding about '" << x.at("subject") << "' ("
                                      << (found ? to_string(found->status) : "") << "), expected none";
            continue;
        }
        ASSERT_NE(found, nullptr) << file << ": no " << x.at("rule") << " finding about '" << x.at("subject") << "'";
        const Finding& f = *found;
        const std::string ctx = file.filename().string() + " " + x.at("rule") + " " + x.at("subject");
        EXPECT_EQ(to_string(f.status), x.at("status")) << ctx << " (reason " << reason_key(f.reason) << ")";
        if (x.count("reason")) {
            EXPECT_EQ(reason_key(f.reason), x.at("reason")) << ctx;
        }
        if (x.count("margin")) {
            ASSERT_TRUE(f.margin.has_value()) << ctx << ": no margin";
            EXPECT_EQ(std::to_string(*f.margin), x.at("margin")) << ctx;
        }
        if (x.count("unit")) {
            const char* units[] = {"seconds", "days", "hverdage"};
            EXPECT_EQ(units[static_cast<int>(f.margin_unit)], x.at("unit")) << ctx << ": margin unit";
        }
        if (x.count("basis")) {
            // The names are the JSON report's keys (basis_key), "none" for none.
            static const std::map<std::string, Basis> names = [] {
                std::map<std::string, Basis> out{{"none", Basis::none}};
                for (unsigned b = 1; !basis_key(static_cast<Basis>(b)).empty(); ++b) out.emplace(basis_key(static_cast<Basis>(b)), static_cast<Basis>(b));
                return out;
            }();
            ASSERT_TRUE(names.count(x.at("basis"))) << ctx << ": unknown basis " << x.at("basis");
            EXPECT_EQ(static_cast<int>(f.basis), static_cast<int>(names.at(x.at("basis")))) << ctx << ": basis";
        }
        const RuleMeta& meta = engine().meta(f);
        if (x.count("law")) {
            ASSERT_TRUE(f.has_version) << ctx;
            EXPECT_EQ(law_name_da(meta.versions[f.version].law), x.at("law")) << ctx;
        }
        if (x.count("section")) {
            ASSERT_TRUE(f.has_version) << ctx;
            EXPECT_EQ(meta.versions[f.version].section, x.at("section")) << ctx;
        }
        if (x.count("due_day")) {
            ASSERT_TRUE(f.deadline.has_value()) << ctx;
            EXPECT_EQ(format_day(f.deadline->due_day), x.at("due_day")) << ctx;
        }
        if (x.count("count")) {
            EXPECT_EQ(std::to_string(f.count), x.at("count")) << ctx << ": count";
        }
        if (x.count("text")) {
            const FindingText t = describe(judge, report, f, Lang::en);
            const std::string all = t.summary + " | " + t.counting + " | " + t.margin;
            EXPECT_NE(all.find(x.at("text")), std::string::npos) << ctx << ": text lacks '" << x.at("text") << "': " << all;
        }
        if (x.count("done")) {
            std::string got;
            for (const EventUse& u : f.events)
                if (u.role == EventRole::fulfilment) got = report.kase->event(u.event).id();
            EXPECT_EQ(got, x.at("done")) << ctx;
        }
    }
}

std::string test_name(const ::testing::TestParamInfo<fs::path>& info) {
    std::string name = fs::relative(info.param, fixtures_dir).replace_extension().string();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Rules, Fixture, ::testing::ValuesIn(fixture_files()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Fixture);

// Every status a rule can give has at least one fixture that expects it.
TEST(RuleFixtures, EveryRuleHasAFixtureForEveryStatusItCanGive) {
    std::set<std::pair<std::string, std::string>> covered;
    for (const fs::path& file : fixture_files())
        for (const Expectation& x : expectations(file))
            if (x.count("rule") && x.count("status")) covered.emplace(x.at("rule"), x.at("status"));
    for (const Rule* r : engine().rulebook().rules()) {
        for (std::size_t s = 0; s < status_count; ++s) {
            const Status st = static_cast<Status>(s);
            if (can_give(r->meta(), st)) {
                EXPECT_TRUE(covered.count({std::string(r->meta().id), std::string(to_string(st))}))
                    << r->meta().id << " has no fixture for status " << to_string(st);
            }
        }
    }
}

// Every fixture at each as-of (and readings) it names, and every example at examples/expected/AS_OF,
// evaluated: what the tests of a finding against its rule's metadata run over.
struct Evaluated {
    fs::path file;
    const Engine* engine;
    Report report;
};

std::vector<Evaluated> evaluate_fixtures_and_examples() {
    struct Run {
        fs::path file;
        std::string as_of, readings;
    };
    std::vector<Run> runs;
    for (const fs::path& file : fixture_files()) {
        std::set<std::pair<std::string, std::string>> seen;
        for (const Expectation& x : expectations(file)) {
            const std::string readings = x.count("readings") ? x.at("readings") : "";
            if (x.count("as-of") && seen.emplace(x.at("as-of"), readings).second) runs.push_back({file, x.at("as-of"), readings});
        }
    }
    const fs::path examples = fs::path(BARNETSLOV_SOURCE_DIR) / "examples";
    std::ifstream as_of_file(examples / "expected" / "AS_OF");
    std::string examples_as_of;
    as_of_file >> examples_as_of;
    EXPECT_FALSE(examples_as_of.empty());
    for (const auto& e : fs::directory_iterator(examples))
        if (e.is_regular_file() && e.path().extension() == ".xml") runs.push_back({e.path(), examples_as_of, ""});
    std::vector<Evaluated> out;
    for (const Run& run : runs) {
        const LoadResult loaded = load_case_file(run.file, engine().calendar());
        EXPECT_TRUE(loaded.ok()) << run.file;
        const ParsedMoment as_of = parse_moment(run.as_of, engine().calendar());
        EXPECT_EQ(as_of.status, MomentParse::ok) << run.file << ": bad as-of " << run.as_of;
        if (!loaded.ok() || as_of.status != MomentParse::ok) continue;
        const Instant when = as_of.moment.has_time ? as_of.moment.instant : engine().calendar().end_of_local_day(as_of.moment.day) - Seconds{1};
        const Engine& judge = run.readings.empty() ? engine() : engine_with(run.readings);
        out.push_back({run.file, &judge, judge.evaluate(loaded.kase, when)});
    }
    return out;
}

const std::vector<Evaluated>& fixtures_and_examples() {
    static const std::vector<Evaluated> all = evaluate_fixtures_and_examples();
    return all;
}

// A finding's deadline is counted as its rule's metadata says (convention and amount written once, in
// the metadata, and the deadline made from it).
TEST(RuleFixtures, EveryDeadlineIsCountedAsItsRuleSays) {
    std::size_t deadlines = 0;
    for (const Evaluated& run : fixtures_and_examples()) {
        for (const Finding& f : run.report.findings) {
            if (!f.deadline) continue;
            ++deadlines;
            const RuleMeta& meta = run.engine->meta(f);
            const Deadline& d = *f.deadline;
            // A due day not counted (a date fixed in a decision, the day of an event) names what it is.
            bool as_said = d.convention == Convention::none ? d.due_by != DueBy::counted || meta.convention == Convention::none
                                                            : d.due_by == DueBy::counted && d.convention == meta.convention && d.amount == meta.amount;
            for (const DeadlineTerm& t : meta.other_deadlines)
                as_said = as_said || (d.due_by == DueBy::counted && d.convention == t.convention && (t.amount_from_case || d.amount == t.amount));
            EXPECT_TRUE(as_said) << run.file.filename() << " " << meta.id << " about " << run.report.kase->event(f.subject).id() << ": "
                                 << to_string(d.convention) << " " << d.amount << ", the metadata says " << to_string(meta.convention) << " "
                                 << meta.amount;
        }
    }
    EXPECT_GT(deadlines, 100u);
}

// Every finding has a reason, and it is one its rule declares (RuleMeta::reasons) or a general one:
// the rule reference (docs/rules.md) lists what each rule can say.
TEST(RuleFixtures, EveryReasonIsOneItsRuleDeclares) {
    const auto general = general_reasons();
    std::size_t findings = 0;
    for (const Evaluated& run : fixtures_and_examples()) {
        for (const Finding& f : run.report.findings) {
            ++findings;
            const RuleMeta& meta = run.engine->meta(f);
            const std::string ctx = run.file.filename().string() + " " + std::string(meta.id) + " about " + run.report.kase->event(f.subject).id();
            ASSERT_NE(f.reason, nullptr) << ctx;
            const bool declared = std::find(meta.reasons.begin(), meta.reasons.end(), f.reason) != meta.reasons.end() ||
                                  std::find(general.begin(), general.end(), f.reason) != general.end();
            EXPECT_TRUE(declared) << ctx << ": reason " << f.reason->key << " is not in the rule's metadata";
        }
    }
    EXPECT_GT(findings, 1000u);
}

// Reasons are told apart by their keys in every output: no two share one, and each has its sentences.
TEST(RuleFixtures, ReasonKeysAreUniqueAndEveryReasonHasItsSentences) {
    const std::vector<const Reason*> all = engine().rulebook().reasons();
    std::set<std::string_view> keys;
    for (const Reason* r : all) {
        EXPECT_TRUE(keys.insert(r->key).second) << "two reasons have the key " << r->key;
        EXPECT_FALSE(r->da.empty()) << r->key;
        EXPECT_FALSE(r->en.empty()) << r->key;
        EXPECT_EQ(r->attribute_da.before.empty(), r->attribute_en.before.empty()) << r->key;
    }
    EXPECT_GT(all.size(), general_reasons().size());
    for (const Reason* g : general_reasons()) EXPECT_NE(std::find(all.begin(), all.end(), g), all.end()) << g->key;
}

}  // namespace
