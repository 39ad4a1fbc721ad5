// The format additions of issue 18 (format-18.md §§ 1-2): tests/format-18/every-new-field.xml and
// its JSON twin load to the same case and carry every new attribute and event type; the new value
// types read back; the responsible unit by period, and the unit a finding's figures go to.
#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "barnetslov/aggregate.hpp"
#include "barnetslov/report.hpp"
#include "barnetslov/engine.hpp"
#include "barnetslov/vocabulary.hpp"
#include "loader_support.hpp"

using namespace barnetslov;

namespace {

const std::string dir = std::string(BARNETSLOV_SOURCE_DIR) + "/tests/format-18/";

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << path;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::shared_ptr<const Case> must(LoadResult r) {
    for (const InputError& e : r.errors) ADD_FAILURE() << e.to_string();
    return r.kase;
}

std::shared_ptr<const Case> xml_case() { return must(load_case_buffer(read(dir + "every-new-field.xml"), "x.xml", test::calendar())); }
std::shared_ptr<const Case> json_case() {
    return must(load_case_json_buffer(read(dir + "every-new-field.json"), "x.json", test::calendar()));
}

LocalDay day(int y, unsigned m, unsigned d) { return local_day(y, m, d); }

const Event& by_id(const Case& c, std::string_view id) {
    const Event* e = c.find_event(id);
    if (!e) throw std::runtime_error("no event " + std::string(id));
    return *e;
}

TEST(Format18, XmlAndJsonTwinsLoadTheSame) {
    const auto x = xml_case(), j = json_case();
    ASSERT_TRUE(x && j);
    EXPECT_EQ(x->unit(), j->unit());
    ASSERT_EQ(x->persons().size(), j->persons().size());
    for (std::size_t i = 0; i < x->persons().size(); ++i) {
        EXPECT_EQ(x->persons()[i].id, j->persons()[i].id);
        EXPECT_EQ(x->persons()[i].role, j->persons()[i].role);
    }
    ASSERT_EQ(x->events().size(), j->events().size());
    for (std::size_t i = 0; i < x->events().size(); ++i) {
        const Event &a = x->events()[i], &b = j->events()[i];
        const std::string what = a.id() + " / " + b.id();
        ASSERT_EQ(a.type(), b.type()) << what;
        EXPECT_EQ(a.id(), b.id());
        EXPECT_EQ(a.at(), b.at()) << what;
        EXPECT_TRUE(std::equal(a.refs().begin(), a.refs().end(), b.refs().begin(), b.refs().end())) << what;
        for (const AttrSpec& s : event_spec(a.type()).attrs) {
            const std::string ctx = what + " " + std::string(attr_name(s.attr));
            EXPECT_EQ(a.has(s.attr), b.has(s.attr)) << ctx;
            EXPECT_EQ(a.moment(s.attr), b.moment(s.attr)) << ctx;
            EXPECT_EQ(a.flag(s.attr), b.flag(s.attr)) << ctx;
            EXPECT_EQ(a.value(s.attr), b.value(s.attr)) << ctx;
            EXPECT_EQ(a.number(s.attr), b.number(s.attr)) << ctx;
            EXPECT_EQ(a.text(s.attr), b.text(s.attr)) << ctx;
            EXPECT_EQ(a.person(s.attr), b.person(s.attr)) << ctx;
            EXPECT_EQ(a.values(s.attr), b.values(s.attr)) << ctx;
            EXPECT_EQ(a.target(s.attr), b.target(s.attr)) << ctx;
        }
    }
}

// The attributes of issue 18 are the enumerators from caseworker to days, the event types those
// from maal on: the example carries each of them, so that a field left out of it shows here.
TEST(Format18, TheExampleCarriesEveryNewAttributeAndEventType) {
    const auto c = xml_case();
    ASSERT_TRUE(c);
    for (auto a = static_cast<std::size_t>(Attr::caseworker); a < attr_count; ++a) {
        const bool carried = std::any_of(c->events().begin(), c->events().end(), [&](const Event& e) { return e.has(static_cast<Attr>(a)); });
        EXPECT_TRUE(carried) << attr_name(static_cast<Attr>(a));
    }
    for (auto t = static_cast<std::size_t>(EventType::maal); t < event_type_count; ++t)
        EXPECT_FALSE(c->events_of(static_cast<EventType>(t)).empty()) << event_spec(static_cast<EventType>(t)).element;
    // Every event type may name its caseworker.
    for (const EventSpec& s : event_specs()) EXPECT_NE(find_attr_spec(s.type, Attr::caseworker), nullptr) << s.element;
}

TEST(Format18, NewValueTypesReadBack) {
    const auto c = xml_case();
    ASSERT_TRUE(c);
    EXPECT_EQ(by_id(*c, "u1").text(Attr::caseworker), "cw.101");
    const Event& order = by_id(*c, "d3");
    EXPECT_EQ(order.values(Attr::grounds), (std::vector<Value>{Value::school_absence, Value::crime_suspicion, Value::public_insecurity,
                                                                Value::behaviour, Value::non_cooperation}));
    EXPECT_TRUE(order.has_value(Attr::grounds, Value::behaviour));
    EXPECT_FALSE(by_id(*c, "d4").has_value(Attr::grounds, Value::behaviour));
    EXPECT_EQ(order.number(Attr::duties_count), 3);
    const Event& status = by_id(*c, "gs2");
    ASSERT_TRUE(status.target(Attr::goal));
    EXPECT_EQ(c->event(*status.target(Attr::goal)).id(), "g2");
    EXPECT_EQ(status.value(Attr::status), Value::not_reached);
    EXPECT_EQ(c->event(status.refs().front()).id(), "o1");
    EXPECT_EQ(by_id(*c, "d1").value(Attr::site_type), Value::network_foster_family);
    EXPECT_EQ(by_id(*c, "p2").person(Attr::party), 1u);  // mor, after the child
}

TEST(Format18, GroundsInJsonMayBeAnArrayOrAString) {
    std::string text = read(dir + "every-new-field.json");
    const std::string array = R"("grounds": ["school-absence", "crime-suspicion", "public-insecurity", "behaviour", "non-cooperation"])";
    const auto at = text.find(array);
    ASSERT_NE(at, std::string::npos);
    text.replace(at, array.size(), R"("grounds": "behaviour  school-absence")");
    const auto c = must(load_case_json_buffer(text, "x.json", test::calendar()));
    ASSERT_TRUE(c);
    EXPECT_EQ(by_id(*c, "d3").values(Attr::grounds), (std::vector<Value>{Value::school_absence, Value::behaviour}));
}

TEST(Format18, UnitByPeriod) {
    const auto c = xml_case();
    ASSERT_TRUE(c);
    EXPECT_EQ(c->unit_on(day(2024, 1, 1)), "Team Syd");
    EXPECT_EQ(c->unit_on(day(2024, 6, 30)), "Team Syd");
    EXPECT_EQ(c->unit_on(day(2024, 7, 1)), "Team Nord");  // from its own day on
    EXPECT_EQ(c->unit_on(day(2030, 1, 1)), "Team Nord");
    EXPECT_EQ(c->unit_period_on(day(2024, 6, 30)), 0u);
    EXPECT_EQ(c->unit_period_on(day(2024, 7, 1)), 1u);
}

// A case whose unit changes mid-year: the figures by unit hold its findings in both units, each in
// the unit responsible on the day its duty started, and so do the findings' own units.
TEST(Format18, FindingsGoToTheUnitResponsibleWhenTheDutyStarted) {
    const std::string text = test::doc({
        R"(    <ansvarlig-enhed id="ae1" at="2024-07-01" unit="Team Nord"/>)",
        R"(    <underretning id="u2" received-at="2024-09-02T10:00" notifier="professional"/>)",
        R"(    <ansvarlig-enhed id="ae2" at="2024-10-01" unit="Team Vest"/>)",
        R"(    <ansvarlig-enhed id="ae0" at="2024-03-28" unit="Team Syd"/>)",  // out of file order, on u1's day
    });
    const auto c = must(test::load(text));
    ASSERT_TRUE(c);
    const Engine engine;
    const Report report = engine.evaluate(c, c->events().back().at().instant + std::chrono::hours{24 * 30});
    std::vector<std::pair<std::string, std::string>> units;  // subject id, unit
    for (const Finding& f : report.findings)
        if (engine.meta(f).id == "BL-UND-24H") units.emplace_back(c->event(f.subject).id(), std::string(finding_unit(*c, f)));
    EXPECT_EQ(units, (std::vector<std::pair<std::string, std::string>>{{"u1", "Team Syd"}, {"u2", "Team Nord"}}));

    Aggregates figures(engine, GroupBy::unit);
    figures.add(report);
    std::vector<std::string> groups;
    for (const GroupFigures* g : figures.groups())
        if (g->rule == "BL-UND-24H") groups.push_back(g->keys.front());
    EXPECT_EQ(groups, (std::vector<std::string>{"Team Nord", "Team Syd"}));
}

TEST(Format18, BeforeTheFirstChangeTheCaseUnitApplies) {
    const auto c = must(test::load(test::doc({R"(    <ansvarlig-enhed id="ae1" at="2024-07-01" unit="Team Nord"/>)"})));
    ASSERT_TRUE(c);
    EXPECT_EQ(c->unit_on(day(2024, 3, 28)), c->unit());  // the standard file names no unit: ""
    EXPECT_EQ(c->unit_on(day(2024, 7, 1)), "Team Nord");
}

}  // namespace
