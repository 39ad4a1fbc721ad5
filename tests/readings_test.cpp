// The readings a user may choose (law README): set by name, refused with a message that lists
// what is valid, stated by every report, and reaching the counting they govern.
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/report.hpp"

using namespace barnetslov;

namespace {

using Pairs = std::vector<std::pair<std::string_view, std::string_view>>;

EngineOptions options_with(const Pairs& given) {
    EngineOptions o;
    const std::string m = set_readings(o.readings, o.holidays, given);
    EXPECT_EQ(m, "");
    return o;
}

LocalDay day(int y, unsigned m, unsigned d) { return LocalDay{date::year{y} / date::month{m} / date::day{d}}; }

// The one finding of `rule` about event `subject` in the fixture, judged as of `as_of`.
Finding finding(const Engine& engine, const std::string& fixture, std::string_view rule, std::string_view subject, const char* as_of) {
    const auto loaded = load_case_file(std::string(BARNETSLOV_SOURCE_DIR) + "/tests/fixtures/" + fixture, engine.calendar());
    EXPECT_TRUE(loaded.errors.empty());
    const Instant t = engine.calendar().end_of_local_day(parse_moment(as_of, engine.calendar()).moment.day) - Seconds{1};
    const Report r = engine.evaluate(loaded.kase, t);
    for (const Finding& f : r.findings)
        if (engine.meta(f).id == rule && r.kase->event(f.subject).id() == subject) return f;
    ADD_FAILURE() << "no " << rule << " finding about " << subject;
    return {};
}

TEST(Readings, DefaultsAreTheReadmesAndAllAreListed) {
    const Engine engine;
    const std::vector<ReadingValue> r = engine.readings_used();
    ASSERT_EQ(r.size(), reading_names().size());
    std::string line;
    for (const ReadingValue& v : r) {
        EXPECT_TRUE(v.is_default) << v.name;
        EXPECT_EQ(v.value, v.default_value) << v.name;
        line += v.name + "=" + v.value + " ";
    }
    EXPECT_EQ(line,
              "supervision-year=placement kvittering-to=professional grundlovsdag=holiday juleaftensdag=holiday "
              "nytaarsaftensdag=holiday receipt-post-hverdage=6 receipt-quickpost-days=2 before-record-months=6 ");
}

TEST(Readings, EveryReadingCanBeSetAndIsReported) {
    const Engine engine(options_with({{"supervision-year", "calendar"},
                                      {"kvittering-to", "all"},
                                      {"grundlovsdag", "working"},
                                      {"juleaftensdag", "working"},
                                      {"nytaarsaftensdag", "working"},
                                      {"receipt-post-hverdage", "0"},
                                      {"receipt-quickpost-days", "20"},
                                      {"before-record-months", "24"}}));
    EXPECT_EQ(engine.readings().supervision_year, SupervisionYear::calendar);
    EXPECT_EQ(engine.readings().kvittering_to, KvitteringTo::all);
    EXPECT_FALSE(engine.calendar().options().grundlovsdag || engine.calendar().options().juleaftensdag ||
                 engine.calendar().options().nytaarsaftensdag);
    EXPECT_EQ(engine.readings().receipt.post_hverdage, 0);
    EXPECT_EQ(engine.readings().receipt.quickpost_days, 20);
    EXPECT_EQ(engine.readings().before_record_months, 24);
    for (const ReadingValue& v : engine.readings_used()) EXPECT_FALSE(v.is_default) << v.name;
}

TEST(Readings, RefusedWithTheValidNamesOrValuesAndNothingChanged) {
    Readings r;
    HolidayOptions h;
    EXPECT_EQ(set_reading(r, h, "supervision_year", "calendar"),
              "unknown reading 'supervision_year' (readings: supervision-year, kvittering-to, grundlovsdag, juleaftensdag, "
              "nytaarsaftensdag, receipt-post-hverdage, receipt-quickpost-days, before-record-months)");
    EXPECT_EQ(set_reading(r, h, "grundlovsdag", "off"), "reading 'grundlovsdag': 'off' is not a valid value (valid: holiday, working)");
    EXPECT_EQ(set_reading(r, h, "kvittering-to", "everyone"),
              "reading 'kvittering-to': 'everyone' is not a valid value (valid: professional, all)");
    for (const char* bad : {"21", "-1", "+3", " 3", "3 ", "", "6.0", "99999999999999999999"})
        EXPECT_NE(set_reading(r, h, "receipt-post-hverdage", bad), "") << bad;
    EXPECT_NE(set_reading(r, h, "before-record-months", "0"), "");
    EXPECT_EQ(set_reading(r, h, "before-record-months", "1"), "");
    // A value echoed in a message is printable and never a CPR number.
    const std::string m = set_reading(r, h, "grundlovsdag", "0101901234\n");
    EXPECT_EQ(m.find("0101901234"), std::string::npos) << m;
    EXPECT_EQ(m.find('\n'), std::string::npos) << m;

    // set_readings: a problem anywhere leaves everything as it was; a name twice is refused.
    Readings r2;
    HolidayOptions h2;
    const Pairs bad_last{{"grundlovsdag", "working"}, {"receipt-post-hverdage", "x"}};
    EXPECT_NE(set_readings(r2, h2, bad_last), "");
    EXPECT_TRUE(h2.grundlovsdag);
    const Pairs twice{{"grundlovsdag", "working"}, {"grundlovsdag", "working"}};
    EXPECT_EQ(set_readings(r2, h2, twice), "reading 'grundlovsdag' given twice");
    EXPECT_TRUE(h2.grundlovsdag);
}

// The phone call of Monday 3 June 2024: the 6th hverdag is Wednesday 12 June with grundlovsdag (5
// June) a holiday, Tuesday 11 June with it a working day; the kvittering of 13 June is late by 1
// and by 2 hverdage.
TEST(Readings, GrundlovsdagChangesTheHverdageDeadline) {
    const std::string fixture = "BL-UND-KVIT/phone-first-grundlovsdag-late.xml";
    const Engine holiday;
    const Engine working(options_with({{"grundlovsdag", "working"}}));
    EXPECT_FALSE(working.calendar().is_hverdag(day(2024, 6, 5)) == holiday.calendar().is_hverdag(day(2024, 6, 5)));
    const Finding a = finding(holiday, fixture, "BL-UND-KVIT", "u1", "2024-06-20");
    const Finding b = finding(working, fixture, "BL-UND-KVIT", "u1", "2024-06-20");
    ASSERT_TRUE(a.deadline && b.deadline && a.margin && b.margin);
    EXPECT_EQ(a.deadline->due_day, day(2024, 6, 12));
    EXPECT_EQ(b.deadline->due_day, day(2024, 6, 11));
    EXPECT_EQ(*a.margin, -1);
    EXPECT_EQ(*b.margin, -2);
}

// A letter posted Thursday 2 May 2024 is deemed received 6 hverdage later, Monday 13 May, and the
// 4 weeks end Monday 10 June (the father's complaint of 11 June is late by a day). Deemed received
// after 7 hverdage (Tuesday 14 May), the 4 weeks end 11 June and his complaint is in time.
TEST(Readings, ReceiptPostHverdageReachesTheComplaintDeadline) {
    const std::string fixture = "BL-KLAGE-4W/post-six-hverdage-over-ascension.xml";
    const Engine six;
    const Engine seven(options_with({{"receipt-post-hverdage", "7"}}));
    const Finding a = finding(six, fixture, "BL-KLAGE-4W", "kl2", "2024-06-20");
    const Finding b = finding(seven, fixture, "BL-KLAGE-4W", "kl2", "2024-06-20");
    ASSERT_TRUE(a.deadline && b.deadline);
    EXPECT_EQ(a.deadline->due_day, day(2024, 6, 10));
    EXPECT_EQ(a.status, Status::late);
    EXPECT_EQ(b.deadline->due_day, day(2024, 6, 11));
    EXPECT_EQ(b.status, Status::met);
}

TEST(Readings, TheReportsStateThem) {
    const Engine engine(options_with({{"receipt-quickpost-days", "3"}}));
    std::string text;
    write_readings_text(text, engine.readings_used(), Lang::en);
    EXPECT_EQ(text,
              "readings: supervision-year=placement, kvittering-to=professional, grundlovsdag=holiday,\n"
              "  juleaftensdag=holiday, nytaarsaftensdag=holiday, receipt-post-hverdage=6,\n"
              "  receipt-quickpost-days=3 (default 2), before-record-months=6\n");
    const auto loaded = load_case_file(std::string(BARNETSLOV_SOURCE_DIR) + "/tests/fixtures/BL-UND-KVIT/missed.xml", engine.calendar());
    ASSERT_TRUE(loaded.errors.empty());
    const Report r = engine.evaluate(loaded.kase, Instant{});
    const std::string doc = to_json(engine, std::span(&r, 1), {}, Instant{});
    EXPECT_NE(doc.find("\"readings\": {\n    \"supervision-year\": \"placement\""), std::string::npos) << doc.substr(0, 400);
    EXPECT_NE(doc.find("\"receipt-quickpost-days\": \"3\""), std::string::npos);
    // One case on its own (bl_report_to_json) states them too; inside a document, once at the top.
    EXPECT_NE(case_to_json(engine, r).find("\"receipt-quickpost-days\": \"3\""), std::string::npos);
    EXPECT_EQ(doc.find("\"readings\""), doc.rfind("\"readings\""));
}

}  // namespace
