// RuleMeta::evidence (rule.hpp): what in a case file shows a rule's duty done or excepted. A batch
// says "no data in this export" for a rule whose evidence no file carries (issue 17), so a list that
// misses an event the rule reads as fulfilment would hide real figures. Checked here:
// (a) every rule lists some evidence, each entry once, and an attribute only where the vocabulary
//     allows it on that event type;
// (b) over every example and fixture, every event a finding names as fulfilment or exception is
//     listed (with its attribute, where the type is listed only with one);
// (c) every rule's example (RuleMeta::example) carries at least one of its evidence items;
// (d) the figures' EvidenceIndex (aggregate.hpp), all rules at once, answers as carries_evidence rule by rule.
#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "barnetslov/aggregate.hpp"
#include "barnetslov/case_builder.hpp"
#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/readings.hpp"
#include "barnetslov/report.hpp"
#include "barnetslov/vocabulary.hpp"
#include "case_files.hpp"

namespace fs = std::filesystem;
using namespace barnetslov;

namespace {

const Engine& engine() {
    static const Engine e;
    return e;
}

std::string describe(const Evidence& e) {
    std::string s(event_spec(e.type).element);
    if (e.attr != no_attr) s += " (" + std::string(attr_name(e.attr)) + ")";
    return s;
}

// Whether `has_attr` (the attributes an event carries) meets one of `meta`'s entries for `type`.
template <class HasAttr>
bool carries(const RuleMeta& meta, EventType type, HasAttr has_attr) {
    return std::any_of(meta.evidence.begin(), meta.evidence.end(),
                       [&](const Evidence& e) { return e.type == type && (e.attr == no_attr || has_attr(e.attr)); });
}

TEST(Evidence, EveryRuleListsWellFormedEvidence) {
    const auto rules = engine().rulebook().rules();
    ASSERT_EQ(rules.size(), 86u);  // src/rules/rules.def
    for (const Rule* r : rules) {
        const RuleMeta& m = r->meta();
        EXPECT_FALSE(m.evidence.empty()) << m.id << " lists no evidence";
        std::set<std::pair<EventType, Attr>> seen;
        for (const Evidence& e : m.evidence) {
            ASSERT_LT(static_cast<std::size_t>(e.type), event_type_count) << m.id;
            EXPECT_TRUE(seen.insert({e.type, e.attr}).second) << m.id << " lists " << describe(e) << " twice";
            if (e.attr != no_attr) {
                EXPECT_NE(find_attr_spec(e.type, e.attr), nullptr)
                    << m.id << ": the vocabulary allows no " << attr_name(e.attr) << " on " << event_spec(e.type).element;
                // A required attribute is always carried: the entry would say no more than the type alone.
                if (const AttrSpec* spec = find_attr_spec(e.type, e.attr)) {
                    EXPECT_FALSE(spec->required) << m.id << ": " << describe(e);
                }
            }
        }
    }
}

// The as-of values a fixture's expectations name (<?barnetslov-expect as-of="..." ...?>), with their readings.
std::set<std::pair<std::string, std::string>> declared_as_of(const fs::path& file) {
    std::set<std::pair<std::string, std::string>> out;
    pugi::xml_document doc;
    if (!doc.load_file(file.c_str(), pugi::parse_default | pugi::parse_pi)) return out;
    // The value of key="..." in a processing instruction's text, or "".
    auto value = [](std::string_view text, std::string_view key) {
        for (std::size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
            const bool starts = at == 0 || text[at - 1] == ' ' || text[at - 1] == '\n' || text[at - 1] == '\t';
            if (!starts || text.substr(at + key.size(), 2) != "=\"") continue;
            const std::size_t from = at + key.size() + 2;
            return std::string(text.substr(from, text.find('"', from) - from));
        }
        return std::string();
    };
    for (const pugi::xml_node n : doc.children())
        if (n.type() == pugi::node_pi && std::string_view(n.name()) == "barnetslov-expect")
            out.insert({value(n.value(), "as-of"), value(n.value(), "readings")});
    return out;
}

const Engine& engine_with(const std::string& readings) {
    static std::map<std::string, std::unique_ptr<Engine>> engines;
    if (readings.empty()) return engine();
    auto& e = engines[readings];
    if (!e) {
        EngineOptions options;
        std::size_t i = 0;
        while (i < readings.size()) {
            const std::size_t j = std::min(readings.find(' ', i), readings.size());
            const std::string item = readings.substr(i, j - i);
            i = j + 1;
            const auto eq = item.find('=');
            if (item.empty() || eq == std::string::npos) continue;
            const std::string error = set_reading(options.readings, options.holidays, item.substr(0, eq), item.substr(eq + 1));
            EXPECT_TRUE(error.empty()) << error;
        }
        e = std::make_unique<Engine>(options);
    }
    return *e;
}

TEST(Evidence, EveryFulfilmentAndExceptionIsListed) {
    const auto files = test::examples_and_fixtures();
    ASSERT_GT(files.size(), 100u);
    std::size_t checked = 0;
    for (const fs::path& file : files) {
        const LoadResult loaded = load_case_file(file, engine().calendar());
        ASSERT_TRUE(loaded.ok()) << file;
        std::vector<std::pair<Instant, const Engine*>> runs{{engine().calendar().start_of_local_day(local_day(2030, 1, 1)), &engine()}};
        for (const auto& [as_of, readings] : declared_as_of(file)) {
            const ParsedMoment m = parse_moment(as_of, engine().calendar());
            ASSERT_EQ(m.status, MomentParse::ok) << file << ": as-of " << as_of;
            runs.push_back({m.moment.has_time ? m.moment.instant : engine().calendar().end_of_local_day(m.moment.day) - Seconds{1},
                            &engine_with(readings)});
        }
        for (const auto& [when, judge] : runs) {
            const Report report = judge->evaluate(loaded.kase, when);
            for (const Finding& f : report.findings) {
                const RuleMeta& m = judge->meta(f);
                for (const EventUse& u : f.events) {
                    if (u.role != EventRole::fulfilment && u.role != EventRole::exception) continue;
                    const Event& e = report.kase->event(u.event);
                    ++checked;
                    EXPECT_TRUE(carries(m, e.type(), [&](Attr a) { return e.has(a); }))
                        << file.filename() << ": " << m.id << " names " << event_spec(e.type()).element << " '" << e.id() << "' as "
                        << (u.role == EventRole::fulfilment ? "fulfilment" : "exception") << ", which its evidence does not list";
                }
            }
        }
    }
        EXPECT_GT(checked, 1000u);  // the corpus exercises the rules, not only loads
}

// A rule's example is the events a case file carries for it; it should show what the rule reads.
TEST(Evidence, EveryExampleCarriesTheEvidence) {
    for (const Rule* r : engine().rulebook().rules()) {
        const RuleMeta& m = r->meta();
        pugi::xml_document doc;
        const std::string xml = "<events>" + std::string(m.example) + "</events>";
        ASSERT_TRUE(doc.load_string(xml.c_str())) << m.id << ": example is not XML";
        bool found = false;
        for (const pugi::xml_node n : doc.child("events").children()) {
            if (n.type() != pugi::node_element) continue;
            const auto type = event_type_from_element(n.name());
            if (!type) continue;  // a person the events name (<sibling>, <party>)
            found = found || carries(m, *type, [&](Attr a) { return !n.attribute(std::string(attr_name(a)).c_str()).empty(); });
        }
        std::string listed;
        for (const Evidence& e : m.evidence) listed += (listed.empty() ? "" : "; ") + describe(e);
        EXPECT_TRUE(found) << m.id << ": the example carries none of its evidence (" << listed << ")";
    }
}

// The figures read every rule's evidence at once through an EvidenceIndex (one union of attributes per
// event type); it must answer as carries_evidence does rule by rule, on every example and fixture, and
// on each of them with every event of one type left out (an export that lacks the type).
TEST(Evidence, IndexAnswersAsCarriesEvidence) {
    const EvidenceIndex index(engine());
    const auto rules = engine().rulebook().rules();
    std::size_t cases = 0, carried = 0, not_carried = 0;
    std::vector<std::uint8_t> got;
    const auto compare = [&](const Case& kase, const std::string& what) {
        ++cases;
        index.carried(kase, got);
        ASSERT_EQ(got.size(), rules.size()) << what;
        for (std::size_t r = 0; r < rules.size(); ++r) {
            const bool want = carries_evidence(kase, rules[r]->meta());
            EXPECT_EQ(got[r] != 0, want) << what << ": " << rules[r]->meta().id;
            (want ? carried : not_carried) += 1;
        }
    };
    for (const fs::path& file : test::examples_and_fixtures()) {
        const LoadResult loaded = load_case_file(file, engine().calendar());
        if (!loaded.ok()) continue;
        compare(*loaded.kase, file.string());
        // The same file without the events of each type it has, one type at a time.
        pugi::xml_document doc;
        ASSERT_TRUE(doc.load_file(file.c_str())) << file;
        pugi::xml_node events = doc.document_element().child("events");
        std::set<std::string> types;
        for (const pugi::xml_node n : events.children()) types.insert(n.name());
        for (const std::string& type : types) {
            pugi::xml_document copy;
            copy.reset(doc);
            pugi::xml_node into = copy.document_element().child("events");
            for (pugi::xml_node n = into.first_child(); n;) {
                const pugi::xml_node next = n.next_sibling();
                if (type == n.name()) into.remove_child(n);
                n = next;
            }
            std::ostringstream text;
            copy.save(text);
            const LoadResult less = load_case_buffer(text.str(), file.string(), engine().calendar());
            if (less.ok()) compare(*less.kase, file.string() + " without " + type);
        }
    }
    // The comparison saw both answers, many times.
    EXPECT_GT(cases, 100u);
    EXPECT_GT(carried, 1000u);
    EXPECT_GT(not_carried, 1000u);
}

}  // namespace

