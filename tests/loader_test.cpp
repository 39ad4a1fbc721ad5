// Good case files, the file API, error collection, and the builder behind the loader.
// (Bad inputs, one by one, are in loader_errors_test.cpp.)
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <thread>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>

#include "barnetslov/echo.hpp"
#include "barnetslov/vocabulary.hpp"
#include "loader_support.hpp"

using namespace barnetslov;
using namespace std::chrono_literals;
using test::doc;

namespace {

// A UTC instant, for expectations.
Instant utc(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
    return Instant{date::sys_days{date::year{y} / date::month{m} / date::day{d}}} + std::chrono::hours{hh} +
           std::chrono::minutes{mm} + std::chrono::seconds{ss};
}

std::shared_ptr<const Case> must_load(std::string_view text) {
    LoadResult r = test::load(text);
    EXPECT_TRUE(r.ok());
    for (const InputError& e : r.errors) ADD_FAILURE() << e.to_string();
    return r.kase;
}

const Person* person(const Case& c, std::string_view id) {
    for (const Person& p : c.persons())
        if (p.id == id) return &p;
    return nullptr;
}

const std::string complete_case =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<case xmlns=\"urn:barnetslov:case:1\" id=\"2024-0117\" municipality=\"Eksempel Kommune\" unit=\"Familieafdelingen\">\n"
    "  <child id=\"barn\" cpr=\"150610-4321\"/>\n"
    "  <party id=\"mor\" role=\"custody-holder\" birth-date=\"1985-02-03\"/>\n"
    "  <party id=\"far\" role=\"parent\"/>\n"
    "  <sibling id=\"sib1\" cpr=\"020308-4123\" in-household=\"true\"/>\n"
    "  <events>\n"
    "    <underretning id=\"u1\" received-at=\"2024-03-28T14:30\" written-received-at=\"2024-04-02\" notifier=\"professional\""
    " notifier-role=\"school\" channel=\"phone\" section=\"§ 133\"/>\n"                                                     // 8
    "    <akutvurdering id=\"a1\" at=\"2024-03-29T09:10\" ref=\"u1\" danger=\"false\" acute-measures=\"false\"/>\n"   // 9
    "    <kvittering id=\"k1\" at=\"2024-04-04\" ref=\"u1\"/>\n"                                                      // 10
    "    <screening id=\"s1\" at=\"2024-04-03\" ref=\"u1\" outcome=\"undersoegelse\" honour-related=\"false\"/>\n"  // 11
    "    <kontakt id=\"c1\" at=\"2024-04-10\" party=\"mor\" channel=\"in-person\"/>\n"                               // 12
    "    <information id=\"i1\" at=\"2024-04-10\" party=\"barn\" topic=\"bisidder\"/>\n"                              // 13
    "    <undersoegelse id=\"bfu1\" at=\"2024-04-08\" ref=\"u1 s1\"/>\n"                                              // 14
    "    <soeskendevurdering id=\"sv1\" at=\"2024-05-01\" ref=\"bfu1\" sibling=\"sib1\" outcome=\"no-need\"/>\n"     // 15
    "    <afgoerelse id=\"d1\" at=\"2024-06-27\" kind=\"supportive-measure\" section=\"§ 32 stk. 1 nr. 3\" has-reasons=\"true\""
    " has-klagevejledning=\"true\" plan=\"plan\" notified-at=\"2024-06-27\" notification-channel=\"digital\""
    " renewal-years-stated=\"2\" start=\"2024-07-01\" end=\"2025-06-30\"/>\n"                                         // 16
    "    <flytning id=\"fl1\" at=\"2024-11-01\" to-municipality=\"Aarhus &amp; Omegn\"/>\n"                           // 17
    "  </events>\n"
    "</case>\n";

// ---- a complete case ------------------------------------------------------------------------

TEST(LoaderGood, CompleteCaseLoads) {
    const auto c = must_load(complete_case);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->source(), "case.xml");
    EXPECT_EQ(c->id(), "2024-0117");
    EXPECT_EQ(c->municipality(), "Eksempel Kommune");
    EXPECT_EQ(c->unit(), "Familieafdelingen");
    EXPECT_EQ(c->child().id, "barn");
    EXPECT_EQ(c->child().birth_date, local_day(2010, 6, 15));
    EXPECT_EQ(c->child().birth_date_source, BirthDateSource::cpr);
    EXPECT_EQ(c->cpr(), "150610-4321");

    ASSERT_EQ(c->persons().size(), 4u);
    EXPECT_EQ(c->persons()[0].id, "barn");
    EXPECT_EQ(c->persons()[0].kind, PersonKind::child);
    const Person* mor = person(*c, "mor");
    ASSERT_NE(mor, nullptr);
    EXPECT_EQ(mor->kind, PersonKind::party);
    EXPECT_EQ(mor->role, Value::custody_holder);
    EXPECT_EQ(mor->birth_date, local_day(1985, 2, 3));
    EXPECT_EQ(person(*c, "far")->role, Value::parent);
    const Person* sib = person(*c, "sib1");
    ASSERT_NE(sib, nullptr);
    EXPECT_EQ(sib->kind, PersonKind::sibling);
    EXPECT_EQ(sib->in_household, true);
    EXPECT_EQ(sib->birth_date, local_day(2008, 3, 2));  // from the CPR number: 7th digit 4, year 08

    ASSERT_EQ(c->events().size(), 10u);
    EXPECT_EQ(c->events_of(EventType::kvittering).size(), 1u);
    EXPECT_EQ(c->events_of(EventType::plan).size(), 0u);

    const Event* u1 = c->find_event("u1");
    ASSERT_NE(u1, nullptr);
    EXPECT_EQ(u1->type(), EventType::underretning);
    EXPECT_EQ(u1->value(Attr::notifier), Value::professional);
    EXPECT_EQ(u1->value(Attr::notifier_role), Value::school);
    EXPECT_EQ(u1->value(Attr::channel), Value::phone);
    EXPECT_EQ(u1->text(Attr::section), "§ 133");
    EXPECT_EQ(u1->date(Attr::written_received_at), local_day(2024, 4, 2));
    EXPECT_EQ(u1->at(), *u1->moment(Attr::received_at));  // an underretning is dated by received-at
    EXPECT_FALSE(u1->has(Attr::unborn));
    EXPECT_EQ(u1->flag(Attr::unborn), std::nullopt);

    const Event* a1 = c->find_event("a1");
    EXPECT_EQ(a1->flag(Attr::danger), false);
    EXPECT_EQ(a1->flag(Attr::acute_measures), false);
    EXPECT_EQ(c->find_event("s1")->value(Attr::outcome), Value::undersoegelse);

    const Event* d1 = c->find_event("d1");
    EXPECT_EQ(d1->value(Attr::kind), Value::supportive_measure);
    EXPECT_EQ(d1->value(Attr::plan_choice), Value::plan);
    EXPECT_EQ(d1->value(Attr::notification_channel), Value::digital);
    EXPECT_EQ(d1->flag(Attr::has_reasons), true);
    EXPECT_EQ(d1->number(Attr::renewal_years_stated), 2);
    EXPECT_EQ(d1->date(Attr::start), local_day(2024, 7, 1));
    EXPECT_EQ(d1->date(Attr::end), local_day(2025, 6, 30));
    EXPECT_EQ(d1->text(Attr::section), "§ 32 stk. 1 nr. 3");
    // Asking for the wrong kind of value gives nothing.
    EXPECT_EQ(d1->number(Attr::kind), std::nullopt);
    EXPECT_EQ(d1->text(Attr::kind), std::nullopt);

    EXPECT_EQ(c->find_event("fl1")->text(Attr::to_municipality), "Aarhus & Omegn");
    EXPECT_EQ(c->find_event("nope"), nullptr);
}

TEST(LoaderGood, ByteOrderMarkBeforeAValidFile) {
    const auto plain = must_load(complete_case);
    const auto with_bom = must_load("\xEF\xBB\xBF" + complete_case);
    ASSERT_TRUE(plain && with_bom);
    EXPECT_EQ(with_bom->id(), "2024-0117");
    EXPECT_EQ(with_bom->events().size(), plain->events().size());
}

TEST(LoaderGood, ByteOrderMarkDoesNotShiftColumns) {
    const std::string one_line =
        "<case xmlns=\"urn:barnetslov:case:1\" id=\"x\"><child id=\"barn\"/><events>"
        "<kvittering id=\"k1\" at=\"2024-04-04\" ref=\"u1\"/><underretning id=\"u1\" received-at=\"2024-04-01\"/></events></case>";
    const auto plain = must_load(one_line);
    const auto with_bom = must_load("\xEF\xBB\xBF" + one_line);
    ASSERT_TRUE(plain && with_bom);
    const SourceLocation a = plain->find_event("k1")->location(), b = with_bom->find_event("k1")->location();
    EXPECT_EQ(a.line, 1u);
    EXPECT_EQ(a.column, 70u);
    EXPECT_EQ(b.line, a.line);
    EXPECT_EQ(b.column, a.column);
    EXPECT_EQ(test::text_at(one_line, a).substr(0, 11), "<kvittering");
}

// ---- CPR numbers ----------------------------------------------------------------------------

struct CprCase {
    const char* cpr;
    int y;
    unsigned m, d;
};

TEST(LoaderGood, BirthDateFromCprFollowsTheCenturyRule) {
    const CprCase cases[] = {
        {"150610-1234", 1910, 6, 15},  // 7th digit 0-3: 19YY
        {"150699-3999", 1999, 6, 15},
        {"150636-4000", 2036, 6, 15},  // 4 and 9: 20YY if YY <= 36, else 19YY
        {"150637-4000", 1937, 6, 15},
        {"150610-9000", 2010, 6, 15},
        {"150690-9000", 1990, 6, 15},
        {"150657-5000", 2057, 6, 15},  // 5-8: 20YY if YY <= 57, else 18YY
        {"1506104321", 2010, 6, 15},   // without the dash; fails the modulus-11 check, which is not applied
        {"290200-4000", 2000, 2, 29},  // a leap day
    };
    for (const CprCase& cc : cases) {
        SCOPED_TRACE(cc.cpr);
        const auto c = must_load(std::string("<case xmlns=\"urn:barnetslov:case:1\" id=\"x\"><child cpr=\"") + cc.cpr +
                                 "\"/></case>");
        ASSERT_TRUE(c);
        EXPECT_EQ(c->child().birth_date, local_day(cc.y, cc.m, cc.d));
        EXPECT_EQ(c->child().birth_date_source, BirthDateSource::cpr);
        EXPECT_EQ(c->cpr(), cc.cpr);
    }
}

// A century digit that puts the birth before 1900 (5-8 with YY > 57: 18YY) is refused like a
// birth-date before 1900, for the child and a sibling; the number is not shown.
TEST(LoaderGood, CprBefore1900IsRefusedLikeABirthDate) {
    const LoadResult child = test::load("<case xmlns=\"urn:barnetslov:case:1\" id=\"x\"><child cpr=\"150658-8000\"/></case>");
    ASSERT_EQ(child.errors.size(), 1u);
    EXPECT_EQ(child.errors[0].to_string(),
              "case.xml:1:51: child attribute 'cpr': its birth date is outside the years 1900-2199 (the value is not shown)");
    const LoadResult sibling = test::load(
        "<case xmlns=\"urn:barnetslov:case:1\" id=\"x\"><child/><sibling id=\"s\" cpr=\"3112998000\"/></case>");
    ASSERT_EQ(sibling.errors.size(), 1u);
    EXPECT_EQ(sibling.errors[0].to_string(),
              "case.xml:1:68: sibling attribute 'cpr': its birth date is outside the years 1900-2199 (the value is not shown)");
    // The same digits with a century digit of 1900-1999 or 2000-2057 load.
    EXPECT_TRUE(test::load("<case xmlns=\"urn:barnetslov:case:1\" id=\"x\"><child cpr=\"150658-4000\"/></case>").ok());
}

TEST(LoaderGood, CprAndMatchingBirthDateInEitherOrder) {
    for (const char* child : {R"(<child cpr="150610-4321" birth-date="2010-06-15"/>)", R"(<child birth-date="2010-06-15" cpr="150610-4321"/>)"}) {
        SCOPED_TRACE(child);
        const auto c = must_load(std::string("<case xmlns=\"urn:barnetslov:case:1\" id=\"x\">") + child + "</case>");
        ASSERT_TRUE(c);
        EXPECT_EQ(c->child().birth_date, local_day(2010, 6, 15));
        EXPECT_EQ(c->child().birth_date_source, BirthDateSource::birth_date);
    }
}

TEST(LoaderGood, ChildWithoutIdIsNamedChild) {
    const auto c = must_load(
        "<case xmlns=\"urn:barnetslov:case:1\" id=\"x\"><child due-date=\"2024-09-01\"/><events>"
        "<information id=\"i1\" at=\"2024-04-10\" party=\"child\" topic=\"bisidder\"/></events></case>");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->child().id, "child");
    EXPECT_EQ(c->child().birth_date, std::nullopt);
    EXPECT_EQ(c->child().birth_date_source, BirthDateSource::none);
    EXPECT_EQ(c->child().due_date, local_day(2024, 9, 1));
    EXPECT_EQ(c->events()[0].person(Attr::party), 0u);
}

// ---- moments --------------------------------------------------------------------------------

TEST(LoaderGood, DateOnlyAndTimedMoments) {
    const auto c = must_load(doc({
        R"(    <kvittering id="k1" at="2024-04-04" ref="u1"/>)",
        R"(    <kvittering id="k2" at="2024-01-15" ref="u1"/>)",
        R"(    <akutvurdering id="a1" at="2024-03-29T09:10:15.750" ref="u1"/>)",
        R"(    <afgoerelse id="d1" at="2024-06-27T13:05:59" kind="supportive-measure" start="2024-07-01"/>)",
    }));
    ASSERT_TRUE(c);
    const Moment u1 = c->find_event("u1")->at();  // received-at="2024-03-28T14:30", winter time
    EXPECT_TRUE(u1.has_time);
    EXPECT_EQ(u1.instant, utc(2024, 3, 28, 13, 30));
    EXPECT_EQ(u1.day, local_day(2024, 3, 28));

    const Moment k1 = c->find_event("k1")->at();  // a date alone: 00:00 Copenhagen summer time
    EXPECT_FALSE(k1.has_time);
    EXPECT_EQ(k1.day, local_day(2024, 4, 4));
    EXPECT_EQ(k1.instant, utc(2024, 4, 3, 22, 0));
    const Moment k2 = c->find_event("k2")->at();  // winter time
    EXPECT_FALSE(k2.has_time);
    EXPECT_EQ(k2.instant, utc(2024, 1, 14, 23, 0));

    const Moment a1 = c->find_event("a1")->at();  // fractions of a second are dropped
    EXPECT_TRUE(a1.has_time);
    EXPECT_EQ(a1.instant, utc(2024, 3, 29, 8, 10, 15));

    const Event* d1 = c->find_event("d1");
    EXPECT_EQ(d1->at().instant, utc(2024, 6, 27, 11, 5, 59));
    const Moment start = *d1->moment(Attr::start);  // a date attribute
    EXPECT_FALSE(start.has_time);
    EXPECT_EQ(start.day, local_day(2024, 7, 1));
    EXPECT_EQ(start.instant, utc(2024, 6, 30, 22, 0));
}

TEST(LoaderGood, OffsetGivesTheInstantAndTheCopenhagenDay) {
    const auto c = must_load(doc({
        R"(    <underretning id="u2" received-at="2024-03-28T23:30:00Z"/>)",
        R"(    <underretning id="u3" received-at="2024-03-29T00:30:00+05:00"/>)",
        R"(    <underretning id="u4" received-at="2024-03-28T20:00-04:00"/>)",
    }));
    ASSERT_TRUE(c);
    const Moment u2 = c->find_event("u2")->at();
    EXPECT_TRUE(u2.has_time);
    EXPECT_EQ(u2.instant, utc(2024, 3, 28, 23, 30));
    EXPECT_EQ(u2.day, local_day(2024, 3, 29));  // 00:30 in Copenhagen
    const Moment u3 = c->find_event("u3")->at();
    EXPECT_EQ(u3.instant, utc(2024, 3, 28, 19, 30));
    EXPECT_EQ(u3.day, local_day(2024, 3, 28));  // the written date is the 29th; in Copenhagen it is the 28th
    const Moment u4 = c->find_event("u4")->at();
    EXPECT_EQ(u4.instant, utc(2024, 3, 29, 0, 0));
    EXPECT_EQ(u4.day, local_day(2024, 3, 29));
}

TEST(LoaderGood, AutumnOverlapWithAnOffsetLoads) {
    const auto c = must_load(doc({
        R"(    <underretning id="second" received-at="2024-10-27T02:30+01:00"/>)",
        R"(    <underretning id="first" received-at="2024-10-27T02:30+02:00"/>)",
    }));
    ASSERT_TRUE(c);
    const Event* first = c->find_event("first");
    const Event* second = c->find_event("second");
    EXPECT_EQ(first->at().instant, utc(2024, 10, 27, 0, 30));
    EXPECT_EQ(second->at().instant, utc(2024, 10, 27, 1, 30));
    EXPECT_EQ(second->at().instant - first->at().instant, 1h);
    EXPECT_EQ(first->at().day, local_day(2024, 10, 27));
    EXPECT_EQ(second->at().day, local_day(2024, 10, 27));
    EXPECT_LT(first->index(), second->index());  // time order, not file order
}

// ---- order, references, people, positions ---------------------------------------------------

TEST(LoaderGood, EventsComeInTimeOrderWithTiesInFileOrder) {
    const auto c = must_load(doc({
        R"(    <kvittering id="late" at="2024-04-06" ref="u1"/>)",
        R"(    <kvittering id="early" at="2024-04-04" ref="u1"/>)",
        R"(    <kvittering id="tieB" at="2024-04-05" ref="u1"/>)",
        R"(    <kvittering id="tieA" at="2024-04-05" ref="u1"/>)",
        R"(    <kvittering id="tieTimed" at="2024-04-05T00:00" ref="u1"/>)",
    }));
    ASSERT_TRUE(c);
    std::vector<std::string> ids;
    for (const Event& e : c->events()) ids.push_back(e.id());
    EXPECT_EQ(ids, (std::vector<std::string>{"u1", "early", "tieB", "tieA", "tieTimed", "late"}));
    for (std::uint32_t i = 0; i < c->events().size(); ++i) EXPECT_EQ(c->event(i).index(), i);
    std::vector<std::string> kvitteringer;
    for (std::uint32_t i : c->events_of(EventType::kvittering)) kvitteringer.push_back(c->event(i).id());
    EXPECT_EQ(kvitteringer, (std::vector<std::string>{"early", "tieB", "tieA", "tieTimed", "late"}));
    // Reordering keeps each event's own position in the file.
    EXPECT_EQ(c->find_event("late")->location().line, 9u);
    EXPECT_EQ(c->find_event("early")->location().line, 10u);
}

TEST(LoaderGood, RefsAndReferrersResolve) {
    const auto c = must_load(complete_case);
    ASSERT_TRUE(c);
    const Event* u1 = c->find_event("u1");
    const Event* s1 = c->find_event("s1");
    const Event* bfu1 = c->find_event("bfu1");
    ASSERT_TRUE(u1 && s1 && bfu1);
    // In the order given in the file.
    ASSERT_EQ(bfu1->refs().size(), 2u);
    EXPECT_EQ(bfu1->refs()[0], u1->index());
    EXPECT_EQ(bfu1->refs()[1], s1->index());
    EXPECT_TRUE(c->refers_to(*bfu1, u1->index()));
    EXPECT_FALSE(c->refers_to(*u1, bfu1->index()));
    EXPECT_TRUE(u1->refs().empty());
    // Referrers of u1 in time order: a1 (29 Mar), s1 (3 Apr), k1 (4 Apr), bfu1 (8 Apr).
    std::vector<std::string> referrers;
    for (std::uint32_t i : c->referrers(u1->index())) referrers.push_back(c->event(i).id());
    EXPECT_EQ(referrers, (std::vector<std::string>{"a1", "s1", "k1", "bfu1"}));
    ASSERT_EQ(c->referrers(s1->index()).size(), 1u);
    EXPECT_EQ(c->referrers(s1->index())[0], bfu1->index());
    EXPECT_TRUE(c->referrers(c->find_event("d1")->index()).empty());
}

TEST(LoaderGood, RepeatedRefIsOneReferrer) {
    const auto c = must_load(doc({R"(    <kvittering id="k1" at="2024-04-04" ref="u1  u1"/>)"}));
    ASSERT_TRUE(c);
    const Event* k1 = c->find_event("k1");
    EXPECT_EQ(k1->refs().size(), 2u);
    EXPECT_EQ(c->referrers(c->find_event("u1")->index()).size(), 1u);
}

TEST(LoaderGood, PersonLookups) {
    const auto c = must_load(complete_case);
    ASSERT_TRUE(c);
    const auto name_of = [&](const Event& e, Attr a) { return c->persons()[*e.person(a)].id; };
    EXPECT_EQ(name_of(*c->find_event("c1"), Attr::party), "mor");
    EXPECT_EQ(c->find_event("i1")->person(Attr::party), 0u);  // the child is person 0
    EXPECT_EQ(name_of(*c->find_event("sv1"), Attr::sibling), "sib1");
    EXPECT_EQ(c->persons()[*c->find_event("sv1")->person(Attr::sibling)].kind, PersonKind::sibling);
    EXPECT_EQ(c->find_event("k1")->person(Attr::party), std::nullopt);
}

// The XSD's order (one child, then any party and sibling, then events) is the loader's too: people
// after the events that name them are refused, each with the order said.
TEST(LoaderOrder, PeopleAfterTheEventsAreOutOfOrder) {
    const LoadResult r = test::load(
        "<case xmlns=\"urn:barnetslov:case:1\" id=\"x\">\n  <events>\n"
        "    <kontakt id=\"c1\" at=\"2024-04-10\" party=\"moster\"/>\n  </events>\n"
        "  <child id=\"barn\"/>\n  <party id=\"moster\" role=\"network\"/>\n</case>\n");
    EXPECT_EQ(test::messages(r),
              (std::vector<std::string>{
                  "case.xml:5:3: element 'child' is out of order in 'case' (child first, then any party and sibling, then events)",
                  "case.xml:6:3: element 'party' is out of order in 'case' (child first, then any party and sibling, then events)"}));
}

TEST(LoaderGood, SourceLocations) {
    const auto c = must_load(complete_case);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->child().location.line, 3u);
    EXPECT_EQ(c->child().location.column, 3u);
    EXPECT_EQ(person(*c, "sib1")->location.line, 6u);
    EXPECT_EQ(person(*c, "sib1")->location.column, 3u);

    const Event* k1 = c->find_event("k1");
    EXPECT_EQ(k1->location().line, 10u);
    EXPECT_EQ(k1->location().column, 5u);
    EXPECT_EQ(k1->location_of(Attr::at).line, 10u);
    EXPECT_EQ(k1->location_of(Attr::at).column, 25u);
    EXPECT_EQ(k1->location_of(Attr::ref).column, 41u);
    // An attribute the event lacks: the event's own position.
    EXPECT_EQ(k1->location_of(Attr::party).column, 5u);

    // After "§" (two bytes, one character) on the same line.
    const Event* d1 = c->find_event("d1");
    EXPECT_EQ(d1->location().line, 16u);
    const SourceLocation plan = d1->location_of(Attr::plan_choice);
    EXPECT_EQ(test::text_at(complete_case, plan).substr(0, 11), "plan=\"plan\"");
    EXPECT_EQ(plan.column, 141u);
}

TEST(LoaderGood, ForeignNamespaceAttributesAreIgnored) {
    const auto c = must_load(
        "<case xmlns=\"urn:barnetslov:case:1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
        "      xmlns:v=\"urn:example:vendor\" xsi:schemaLocation=\"urn:barnetslov:case:1 case-1.xsd\" id=\"x\">\n"
        "  <child id=\"barn\" v:journal=\"J-17\"/>\n"
        "  <party id=\"mor\" v:internal-id=\"42\"/>\n"
        "  <events v:batch=\"7\">\n"
        "    <kvittering id=\"k1\" at=\"2024-04-04\" ref=\"u1\" v:sent-by=\"sagsbehandler\" xml:lang=\"da\"/>\n"
        "    <underretning id=\"u1\" received-at=\"2024-04-01\"/>\n"
        "  </events>\n</case>\n");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->events().size(), 2u);
}

TEST(LoaderGood, PrefixedElementsOfTheNamespace) {
    const auto c = must_load(
        "<b:case xmlns:b=\"urn:barnetslov:case:1\" id=\"x\">\n  <b:child id=\"barn\"/>\n  <b:events>\n"
        "    <b:underretning id=\"u1\" received-at=\"2024-04-01\"/>\n  </b:events>\n</b:case>\n");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->child().id, "barn");
    ASSERT_EQ(c->events().size(), 1u);
    EXPECT_EQ(c->events()[0].location().column, 5u);
}

// Namespaces are resolved by URI: any prefix, or the default namespace, declared on the element
// or above it; attributes of other namespaces (and the XML namespace's) are ignored.
TEST(LoaderGood, NamespacesAreResolvedByUri) {
    const auto c = must_load(
        "<x:case xmlns:x=\"urn:barnetslov:case:1\" id=\"x\">\n"
        "  <child xmlns=\"urn:barnetslov:case:1\" id=\"barn\"/>\n"
        "  <y:party xmlns:y=\"urn:barnetslov:case:1\" xmlns:x=\"urn:vendor\" x:no=\"7\" id=\"mor\"/>\n"
        "  <x:events xmlns=\"urn:barnetslov:case:1\" xml:space=\"preserve\">\n"
        "    <underretning id=\"u1\" received-at=\"2024-04-01\"/>\n"
        "    <b:kvittering xmlns:b=\"urn:barnetslov:case:1\" xml:id=\"k-1\" id=\"k1\" at=\"2024-04-04\" ref=\"u1\"/>\n"
        "  </x:events>\n</x:case>\n");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->child().id, "barn");
    EXPECT_EQ(c->events().size(), 2u);
}

// What an XML declaration may say: version 1.0, encoding UTF-8 in any case of letters, standalone.
TEST(LoaderGood, XmlDeclarations) {
    const std::string body = "\n<case xmlns=\"urn:barnetslov:case:1\" id=\"x\"><child id=\"barn\"/></case>\n";
    for (const char* decl : {"<?xml version=\"1.0\"?>", "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>",
                             "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"Utf-8\"?>", "<?xml  version = \"1.0\"\n  encoding=\"UTF-8\"\tstandalone=\"no\"?>"}) {
        const LoadResult r = test::load(decl + body);
        EXPECT_TRUE(r.ok()) << decl << ": " << (r.errors.empty() ? "" : r.errors.front().to_string());
    }
}

// The five predefined entities and character references to characters XML allows, decoded.
TEST(LoaderGood, ReferencesThatConform) {
    const auto c = must_load(doc({R"(    <flytning id="f1" at="2024-11-01" to-municipality="&lt;&gt;&amp;&apos;&quot;&#9;&#x41;&#xe6;&#xFFFD;&#x1F600;&#1114111;"/>)"}));
    ASSERT_TRUE(c);
    EXPECT_EQ(c->find_event("f1")->text(Attr::to_municipality), "<>&'\"\tA\u00E6\uFFFD\U0001F600\U0010FFFF");
}

// Empty content may be written with an end tag, with comments in it; the events element's
// element-only content may hold white space, also as character references.
TEST(LoaderGood, EmptyElementsWithEndTagsAndWhiteSpaceAmongEvents) {
    const auto c = must_load(doc({R"(    <kvittering id="k1" at="2024-04-04" ref="u1"></kvittering>)",
                                  R"(    <kvittering id="k2" at="2024-04-04" ref="u1"><!-- sent by mail --></kvittering>)", "    &#32;&#9;&#10;"}));
    ASSERT_TRUE(c);
    EXPECT_EQ(c->events().size(), 3u);
}

// (A DOCTYPE is refused: loader_errors_test.)
TEST(LoaderGood, CommentsAndProcessingInstructionsAreSkipped) {
    const auto c = must_load(
        "<?xml version=\"1.0\"?>\n<!-- before -->\n<?editor cursor=\"3\"?>\n<?xml-stylesheet href=\"case.css\"?>\n"
        "<case xmlns=\"urn:barnetslov:case:1\" id=\"x\"><!-- inside --><child id=\"barn\"/>"
        "<events><kvittering id=\"k1\" at=\"2024-04-04\" ref=\"u1\"><!-- note --></kvittering>"
        "<underretning id=\"u1\" received-at=\"2024-04-01\"/></events></case>\n<!-- after -->\n");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->events().size(), 2u);
}

TEST(LoaderGood, CallersBufferIsNotModified) {
    // Escapes, CR LF line ends and character references are what an in-place parser rewrites.
    std::string text;
    for (char ch : doc({R"(    <flytning id="f1" at="2024-11-01" to-municipality="Ærø &amp; &#198;belø &lt;N&gt;"/>)"})) {
        if (ch == '\n') text += '\r';
        text += ch;
    }
    const std::string before = text;
    const auto c = must_load(text);
    EXPECT_EQ(text, before);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->find_event("f1")->text(Attr::to_municipality), "Ærø & Æbelø <N>");

    std::string bad = text + "trailing";
    const std::string bad_before = bad;
    EXPECT_FALSE(test::load(bad).ok());
    EXPECT_EQ(bad, bad_before);
}

TEST(LoaderGood, FileOfExactlyTheLimitLoads) {
    const std::string text = "<case xmlns=\"urn:barnetslov:case:1\" id=\"2024-0117\">\n  <child id=\"barn\"/>\n</case>\n";
    Limits limits;
    limits.max_file_bytes = text.size();
    EXPECT_TRUE(test::load(text, limits).ok());
}

TEST(LoaderGood, ExactlyMaxEventsLoads) {
    Limits limits;
    limits.max_events = 2;
    EXPECT_TRUE(test::load(doc({R"(    <kvittering id="k1" at="2024-04-04" ref="u1"/>)"}), limits).ok());
}

// A whole file on one line (as a minified export is) loads in linear time, with exact columns.
TEST(LoaderGood, OneLongLineIsFastAndPositionsAreExact) {
    std::string text = "<case xmlns=\"urn:barnetslov:case:1\" id=\"x\"><child id=\"barn\"/><events>"
                       "<underretning id=\"u1\" received-at=\"2024-04-01\" section=\"§ 133\"/>";
    for (int i = 0; i < 30'000; ++i)
        text += "<kvittering id=\"k" + std::to_string(i) + "\" at=\"2024-04-04\" ref=\"u1\"/>";
    const std::size_t bad_at = text.size() + std::string("<kvittering id=\"kx\" at=\"2024-04-04\" ref=\"u1\" ").size();
    text += "<kvittering id=\"kx\" at=\"2024-04-04\" ref=\"u1\" colour=\"red\"/></events></case>";

    const auto start = std::chrono::steady_clock::now();
    const LoadResult r = test::load(text);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
    ASSERT_EQ(r.errors.size(), 1u);
    // Every character before it is ASCII except the "§" (two bytes, one character).
    EXPECT_EQ(r.errors[0].to_string(),
              "case.xml:1:" + std::to_string(bad_at) + ": event 'kvittering' has no attribute 'colour'");
    EXPECT_EQ(test::text_at(text, r.errors[0].location).substr(0, 7), "colour=");
}

// ---- load_case_file -------------------------------------------------------------------------

class LoaderFile : public ::testing::Test {
protected:
    void SetUp() override {
        // Errors show the path as it is only when no run of digits in it could hold a CPR number
        // (a clock's 13 digits may: those are masked), hence the process id and a counter.
        static int n = 0;
        dir_ = std::filesystem::temp_directory_path() /
               ("barnetslov_loader_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
                std::to_string(::getpid()) + "_" + std::to_string(++n));
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::filesystem::path write(const std::string& name, const std::string& content) {
        const auto p = dir_ / name;
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }
    std::filesystem::path dir_;
};

TEST_F(LoaderFile, LoadsAFile) {
    const auto path = write("case.xml", complete_case);
    const LoadResult r = load_case_file(path, test::calendar());
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.kase->source(), path.string());
    EXPECT_EQ(r.kase->events().size(), 10u);
}

TEST_F(LoaderFile, ErrorsNameThePath) {
    const auto path = write("bad.xml", doc({R"(    <kvittering id="k1" at="2024-13-01" ref="u1"/>)"}));
    const LoadResult r = load_case_file(path, test::calendar());
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].to_string(), path.string() + ":9:25: event 'kvittering' attribute 'at': '2024-13-01' is not a date");
}

TEST_F(LoaderFile, MissingPath) {
    const auto path = dir_ / "no-such-case.xml";
    const LoadResult r = load_case_file(path, test::calendar());
    EXPECT_FALSE(r.ok());
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].to_string(), path.string() + ": cannot open the file: it does not exist");
}

TEST_F(LoaderFile, Directory) {
    const LoadResult r = load_case_file(dir_, test::calendar());
    EXPECT_FALSE(r.ok());
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].to_string(), dir_.string() + ": cannot read: not a regular file");
}

TEST_F(LoaderFile, EmptyFile) {
    const auto path = write("empty.xml", "");
    const LoadResult r = load_case_file(path, test::calendar());
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].to_string(), path.string() + ": the file is empty");
}

TEST_F(LoaderFile, OverTheSizeLimit) {
    const auto path = write("big.xml", complete_case);
    Limits limits;
    limits.max_file_bytes = 100;
    const LoadResult r = load_case_file(path, test::calendar(), limits);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].to_string(),
              path.string() + ": file of " + std::to_string(complete_case.size()) + " bytes exceeds the limit of 100 bytes");
}

// ---- every error, in order ------------------------------------------------------------------

TEST(LoaderAllErrors, ThreeIndependentErrorsInFileOrder) {
    const LoadResult r = test::load(doc({
        R"(    <kvittering id="k1" at="2024-13-01" ref="u1"/>)",
        R"(    <kontakt id="c1" at="2024-04-10" party="mor" channel="fax"/>)",
        R"(    <afgoerelse id="d1" at="2024-06-27" kind="supportive-measure" renewal-years-stated="-1"/>)",
    }));
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(test::messages(r),
              (std::vector<std::string>{
                  "case.xml:9:25: event 'kvittering' attribute 'at': '2024-13-01' is not a date",
                  "case.xml:10:50: event 'kontakt' attribute 'channel': 'fax' is not one of: phone, letter, email, digital, "
                  "in-person, other",
                  "case.xml:11:67: event 'afgoerelse' attribute 'renewal-years-stated': '-1' is not a whole number from 0 to "
                  "999999999",
              }));
}

TEST(LoaderAllErrors, ErrorsOfTheLoaderAndTheBuilderInterleave) {
    const LoadResult r = test::load(doc({
        R"(    <akutvurdering id="a1" at="2024-03-29" ref="u1" danger="maybe"/>)",
        R"(    <kvittering id="k1" at="2024-04-04" ref="u1">sendt</kvittering>)",
        R"(    <telefonnotat id="t1" at="2024-04-05"/>)",
        R"(    <kvittering id="k2" at="2024-04-05"/>)",
    }));
    EXPECT_EQ(test::messages(r),
              (std::vector<std::string>{
                  "case.xml:9:53: event 'akutvurdering' attribute 'danger': 'maybe' is not one of: true, false",
                  "case.xml:10:50: unexpected text 'sendt'",
                  "case.xml:11:5: unknown event type 'telefonnotat'",
                  "case.xml:12:5: event 'kvittering' (id 'k2') lacks required attribute 'ref'",
              }));
}

// Reference errors are found after the events are put in time order; they still come in file order.
TEST(LoaderAllErrors, ReferenceErrorsInFileOrder) {
    const LoadResult r = test::load(doc({
        R"(    <kvittering id="k1" at="2024-04-06" ref="u9"/>)",
        R"(    <kontakt id="c1" at="2024-04-05" party="moster"/>)",
        R"(    <kvittering id="k2" at="2024-04-04" ref="u8"/>)",
    }));
    EXPECT_EQ(test::messages(r),
              (std::vector<std::string>{
                  "case.xml:9:41: event 'kvittering' attribute 'ref': no event has id 'u9'",
                  "case.xml:10:38: event 'kontakt' attribute 'party': no child, party or sibling has id 'moster'",
                  "case.xml:11:41: event 'kvittering' attribute 'ref': no event has id 'u8'",
              }));
}

TEST(LoaderAllErrors, StopsAtMaxErrors) {
    Limits limits;
    limits.max_errors = 2;
    const LoadResult r = test::load(doc({
                                        R"(    <kvittering id="k1" at="2024-13-01" ref="u1"/>)",
                                        R"(    <kvittering id="k2" at="2024-13-02" ref="u1"/>)",
                                        R"(    <kvittering id="k3" at="2024-13-03" ref="u1"/>)",
                                    }),
                                    limits);
    EXPECT_EQ(test::messages(r),
              (std::vector<std::string>{
                  "case.xml:9:25: event 'kvittering' attribute 'at': '2024-13-01' is not a date",
                  "case.xml:10:25: event 'kvittering' attribute 'at': '2024-13-02' is not a date",
              }));
}

// ---- the builder the loader drives ----------------------------------------------------------

TEST(CaseBuilderDirect, SameMessageWithoutAPosition) {
    CaseBuilder b("case 2024-0117", test::calendar());
    EXPECT_TRUE(b.case_attribute("id", "2024-0117"));
    EXPECT_TRUE(b.begin_child());
    EXPECT_TRUE(b.begin_event("kvittering"));
    EXPECT_TRUE(b.event_attribute("id", "k1"));
    EXPECT_FALSE(b.event_attribute("at", "2024-13-01"));
    EXPECT_EQ(b.finish(), nullptr);
    ASSERT_EQ(b.errors().size(), 2u);
    EXPECT_EQ(b.errors()[0].to_string(), "case 2024-0117: event 'kvittering' attribute 'at': '2024-13-01' is not a date");
    EXPECT_EQ(b.errors()[1].to_string(), "case 2024-0117: event 'kvittering' (id 'k1') lacks required attribute 'ref'");
}

// party_role scans the roles' names (issue 20, session 36): the oracle is the vocabulary's own
// lookup, value_from_name, and the party's spec. Every value's name, and near misses of the roles',
// through the loader (the builder's short way) and a builder driven directly (the full way).
TEST(CaseBuilderDirect, PartyRoleAsTheVocabularyLookup) {
    const std::span<const Value> roles = find_case_attr_spec(case_element_spec("party"), "role")->values;
    std::vector<std::string> names;
    for (std::size_t i = 0; i < static_cast<std::size_t>(Value::count_); ++i) names.emplace_back(value_name(static_cast<Value>(i)));
    for (const Value r : roles) {
        const std::string name(value_name(r));
        names.push_back(name.substr(1));
        names.push_back(name + "x");
        names.push_back(std::string(1, static_cast<char>(name[0] ^ 0x20)) + name.substr(1));
        names.push_back(name.substr(0, name.size() - 1) + "_");
    }
    names.emplace_back("");
    for (const std::string& name : names) {
        const std::optional<Value> v = value_from_name(name);
        const bool is_role = v && std::find(roles.begin(), roles.end(), *v) != roles.end();
        const LoadResult loaded = test::load(test::doc({}).replace(test::doc({}).find("custody-holder"), 14, name));
        ASSERT_EQ(loaded.ok(), is_role) << name;
        CaseBuilder b("vendor", test::calendar());
        EXPECT_TRUE(b.case_attribute("id", "x"));
        EXPECT_TRUE(b.begin_child());
        EXPECT_TRUE(b.child_attribute("id", "barn"));
        EXPECT_TRUE(b.begin_person("party"));
        EXPECT_TRUE(b.person_attribute("id", "mor"));
        ASSERT_EQ(b.person_attribute("role", name), is_role) << name;
        const auto built = b.finish();
        ASSERT_EQ(built != nullptr, is_role) << name;
        if (!is_role) continue;
        EXPECT_EQ(person(*loaded.kase, "mor")->role, v) << name;
        EXPECT_EQ(person(*built, "mor")->role, v) << name;
    }
}

// The builder's State is made in a block the thread keeps for the next one (issue 20, session 36):
// builders alive at once, and ended in either order, each build their own case.
TEST(CaseBuilderDirect, BuildersAliveAtOnceEachBuildTheirOwn) {
    for (int round = 0; round < 3; ++round) {
        auto first = std::make_unique<CaseBuilder>("first", test::calendar());
        auto second = std::make_unique<CaseBuilder>("second", test::calendar());
        for (auto* b : {first.get(), second.get()}) {
            EXPECT_TRUE(b->case_attribute("id", b == first.get() ? "one" : "two"));
            EXPECT_TRUE(b->begin_child());
            EXPECT_TRUE(b->child_attribute("id", "barn"));
        }
        const auto one = first->finish();
        if (round == 1) first.reset();
        const auto two = second->finish();
        if (round == 2) second.reset();
        ASSERT_NE(one, nullptr);
        ASSERT_NE(two, nullptr);
        EXPECT_EQ(one->id(), "one");
        EXPECT_EQ(two->id(), "two");
        EXPECT_EQ(one->source(), "first");
        EXPECT_EQ(two->source(), "second");
    }
}

TEST(CaseBuilderDirect, EventsPastTheLimitAreCountedOnceAndNotKept) {
    Limits limits;
    limits.max_events = 1;
    CaseBuilder b("vendor", test::calendar(), limits);
    EXPECT_TRUE(b.begin_event("notat"));
    EXPECT_TRUE(b.event_attribute("id", "n0"));
    EXPECT_TRUE(b.event_attribute("at", "2024-01-01"));
    for (int i = 1; i <= 1000; ++i) {
        EXPECT_FALSE(b.begin_event("notat"));
        EXPECT_FALSE(b.event_attribute("id", std::string("n").append(std::to_string(i))));
    }
    EXPECT_EQ(b.event_count(), 2u);  // the one kept and one placeholder past the limit
    ASSERT_EQ(b.errors().size(), 1u);
    EXPECT_EQ(b.errors()[0].message, "more than 1 events in one case (limit)");
}

TEST(CaseBuilderDirect, AttributesOfARejectedElementAddNoErrors) {
    Limits limits;
    limits.max_persons = 1;
    CaseBuilder b("vendor", test::calendar(), limits);
    EXPECT_TRUE(b.case_attribute("id", "x"));
    EXPECT_TRUE(b.begin_child());
    EXPECT_FALSE(b.begin_child());
    EXPECT_FALSE(b.child_attribute("id", "second"));
    EXPECT_TRUE(b.begin_person("party"));
    EXPECT_TRUE(b.person_attribute("id", "mor"));
    for (int i = 0; i < 3; ++i) {
        EXPECT_FALSE(b.begin_person("party"));
        EXPECT_FALSE(b.person_attribute("id", std::string("p").append(std::to_string(i))));
    }
    EXPECT_EQ(b.finish(), nullptr);
    EXPECT_EQ(test::messages(LoadResult{nullptr, b.errors()}),
              (std::vector<std::string>{"vendor: case has more than one child element",
                                        "vendor: more than 1 parties and siblings (limit)"}));
}

TEST(CaseBuilderDirect, AttributeOutsideAnyElementIsAnError) {
    CaseBuilder b("vendor", test::calendar());
    EXPECT_FALSE(b.child_attribute("id", "barn"));
    EXPECT_FALSE(b.person_attribute("id", "mor"));
    ASSERT_EQ(b.errors().size(), 2u);
    EXPECT_EQ(b.errors()[0].message, "child attribute given outside a child element");
    EXPECT_EQ(b.errors()[1].message, "party or sibling attribute given outside its element");
}

// The table of the case's and its people's attributes (vocabulary.hpp: case_element_specs), which
// the schemas and the JSON loader read, says what the builder's own code checks: every attribute
// it lists is taken with a value of its type and refused with a value of another, and a name it
// does not list is refused.
TEST(CaseBuilderDirect, CaseElementTableIsWhatTheBuilderChecks) {
    auto good = [](CaseAttrType t, std::span<const Value> values) -> std::string {
        switch (t) {
            case CaseAttrType::text: return "Team Vest";
            case CaseAttrType::id: return "p-1";
            case CaseAttrType::date: return "2015-06-01";
            case CaseAttrType::cpr: return "010615-4001";
            case CaseAttrType::boolean: return "true";
            case CaseAttrType::enumeration: return std::string(value_name(values.back()));
        }
        return "";
    };
    for (const CaseElementSpec& e : case_element_specs()) {
        for (const CaseAttrSpec& a : e.attrs) {
            for (const bool valid : {true, false}) {
                // Text takes anything but a CPR number; the others refuse "not one of them!".
                const std::string value = valid ? good(a.type, a.values) : a.type == CaseAttrType::text ? "010615-4001" : "not one of them!";
                CaseBuilder b("vendor", test::calendar());
                bool ok = true;
                if (e.element == "case") {
                    ok = b.case_attribute(a.name, value);
                } else if (e.element == "child") {
                    b.begin_child();
                    ok = b.child_attribute(a.name, value);
                } else {
                    b.begin_person(e.element);
                    ok = b.person_attribute(a.name, value);
                }
                EXPECT_EQ(ok, valid) << e.element << " " << a.name << "=" << value << ": " << testing::PrintToString(test::messages({nullptr, b.errors()}));
            }
        }
        CaseBuilder b("vendor", test::calendar());
        if (e.element == "child") b.begin_child();
        if (e.element == "party" || e.element == "sibling") b.begin_person(e.element);
        const bool ok = e.element == "case" ? b.case_attribute("colour", "x")
                        : e.element == "child" ? b.child_attribute("colour", "x")
                                               : b.person_attribute("colour", "x");
        EXPECT_FALSE(ok) << e.element;
    }
}

}  // namespace

// A case extended with one more event (the C API's pre-check of a proposed decision builds on it).
TEST(CaseBuilderExtend, AddsAnEventAndLeavesTheBaseAlone) {
    static const barnetslov::Calendar cal;
    const std::string xml =
        "<case xmlns='urn:barnetslov:case:1' id='c1' municipality='0101'>\n"
        "  <child id='barn' birth-date='2012-01-01'/>\n"
        "  <party id='mor' role='custody-holder'/>\n"
        "  <events>\n"
        "    <underretning id='u1' received-at='2024-03-01T10:00' notifier='professional'/>\n"
        "    <kvittering id='k1' at='2024-03-04' ref='u1'/>\n"
        "  </events>\n"
        "</case>\n";
    const auto base = barnetslov::load_case_buffer(xml, "c1.xml", cal);
    ASSERT_TRUE(base.ok());
    barnetslov::CaseBuilder b(*base.kase, cal);
    ASSERT_TRUE(b.begin_event("afgoerelse"));
    ASSERT_TRUE(b.event_attribute("id", "proposed"));
    ASSERT_TRUE(b.event_attribute("at", "2024-03-02"));
    ASSERT_TRUE(b.event_attribute("kind", "supportive-measure"));
    ASSERT_TRUE(b.event_attribute("ref", "u1"));
    const auto extended = b.finish();
    ASSERT_NE(extended, nullptr) << (b.errors().empty() ? "" : b.errors().front().to_string());
    EXPECT_EQ(base.kase->events().size(), 2u);
    ASSERT_EQ(extended->events().size(), 3u);
    EXPECT_EQ(extended->events()[1].id(), "proposed");  // in time order, between u1 and k1
    EXPECT_EQ(extended->id(), "c1");
    EXPECT_EQ(extended->municipality(), "0101");
    EXPECT_EQ(extended->persons().size(), base.kase->persons().size());
    const auto* k1 = extended->find_event("k1");
    ASSERT_NE(k1, nullptr);
    ASSERT_EQ(k1->refs().size(), 1u);
    EXPECT_EQ(extended->event(k1->refs()[0]).id(), "u1");
    EXPECT_EQ(extended->referrers(0).size(), 2u);  // u1 is named by the proposal and the kvittering
    // A clash with an existing id is refused as in a file.
    barnetslov::CaseBuilder clash(*base.kase, cal);
    clash.begin_event("notat");
    clash.event_attribute("id", "k1");
    clash.event_attribute("at", "2024-03-05");
    EXPECT_EQ(clash.finish(), nullptr);
    ASSERT_FALSE(clash.errors().empty());
    EXPECT_NE(clash.errors().front().message.find("duplicate id 'k1'"), std::string::npos);
}

// An event's fields, text and references lie in blocks its case holds (case.hpp, issue 20): a
// copy or a move of a case must read its own blocks, also once the original is gone.
TEST(CaseCopy, EventsReadTheCopysOwnFieldsTextAndRefs) {
    static const barnetslov::Calendar cal;
    const std::string xml =
        "<case xmlns='urn:barnetslov:case:1' id='c1' municipality='0101' unit='Team A'>\n"
        "  <child id='barn' birth-date='2012-01-01'/>\n"
        "  <events>\n"
        "    <underretning id='u1' received-at='2024-03-01T10:00' notifier='professional'/>\n"
        "    <kvittering id='k1' at='2024-03-04' ref='u1'/>\n"
        "    <ansvarlig-enhed id='ae1' at='2024-06-01' unit='Team B with a name longer than a short string'/>\n"
        "  </events>\n"
        "</case>\n";
    auto loaded = barnetslov::load_case_buffer(xml, "c1.xml", cal);
    ASSERT_TRUE(loaded.ok());
    auto original = std::make_unique<Case>(*loaded.kase);
    loaded.kase.reset();
    const auto check = [](const Case& c) {
        ASSERT_EQ(c.events().size(), 3u);
        EXPECT_EQ(c.events()[0].value(Attr::notifier), Value::professional);
        EXPECT_EQ(c.events()[1].date(Attr::at), barnetslov::local_day(2024, 3, 4));
        ASSERT_EQ(c.events()[1].refs().size(), 1u);
        EXPECT_EQ(c.events()[1].refs()[0], 0u);
        EXPECT_EQ(c.events()[2].text(Attr::unit), "Team B with a name longer than a short string");
        EXPECT_EQ(c.unit_on(barnetslov::local_day(2024, 7, 1)), "Team B with a name longer than a short string");
    };
    check(*original);
    const Case copy = *original;
    Case moved = std::move(*original);
    original.reset();
    check(copy);
    check(moved);
    Case assigned;
    assigned = copy;
    check(assigned);
}

// A case that ends leaves its blocks for the next case built on its thread, and a builder's lists
// are kept for the next builder (Case::Spare, CaseBuilder::State; issue 20, session 29): cases of
// many sizes, loaded while others are alive and dropped in another order (and on another
// thread), each read exactly as the same file loaded alone on a fresh thread.
TEST(CaseBlocks, ACaseBuiltInTheBlocksOfOneDroppedIsItsOwn) {
    static const barnetslov::Calendar cal;
    // Built by appends: GCC 12 warns (-Wrestrict, wrongly) about chains of + on strings here.
    const auto file = [](int events, int seed) {
        std::string x = "<case xmlns='urn:barnetslov:case:1' id='c";
        x += std::to_string(seed);
        x += "' municipality='0101' unit='Team A'>\n  <child id='barn' birth-date='2012-01-01'/>\n";
        x += "  <party id='mor' role='custody-holder'/>\n  <events>\n";
        for (int i = 0; i < events; ++i) {
            // Out of time order every third event, and each names the one before it.
            const int day = 1 + (i * 7 + seed) % 27;
            x += "    <notat id='n";
            x += std::to_string(i);
            x += "' at='2024-03-";
            if (day < 10) x += '0';
            x += std::to_string(day);
            x += '\'';
            if (i > 0) {
                x += " ref='n";
                x += std::to_string(i - 1);
                if (i > 1) x += " n0";
                x += '\'';
            }
            x += "/>\n";
        }
        x += "  </events>\n</case>\n";
        return x;
    };
    const auto summary = [](const Case& c) {
        std::string out = c.source();
        out += '|';
        out += c.id();
        out += '|';
        out += c.unit();
        for (const Person& p : c.persons()) {
            out += '|';
            out += p.id;
        }
        for (const Event& e : c.events()) {
            out += '|';
            out += e.id();
            out += '@';
            out += std::to_string(e.at().day.time_since_epoch().count());
            out += '#';
            out += std::to_string(e.index());
            for (std::uint32_t r : e.refs()) {
                out += '>';
                out += c.event(r).id();
            }
            for (std::uint32_t r : c.referrers(e.index())) {
                out += '<';
                out += std::to_string(r);
            }
        }
        for (std::uint32_t i : c.events_of(EventType::notat)) {
            out += ',';
            out += std::to_string(i);
        }
        return out;
    };
    const auto name = [](std::size_t i) {
        std::string n = "f";
        n += std::to_string(i);
        n += ".xml";
        return n;
    };
    const std::vector<int> sizes = {3, 200, 1, 40, 0, 500, 2, 60, 7};
    std::vector<std::string> alone(sizes.size());
    for (std::size_t i = 0; i < sizes.size(); ++i)
        std::thread([&, i] {
            const auto r = barnetslov::load_case_buffer(file(sizes[i], int(i)), name(i), cal);
            ASSERT_TRUE(r.ok());
            alone[i] = summary(*r.kase);
        }).join();
    std::vector<std::shared_ptr<const Case>> alive;
    for (int round = 0; round < 3; ++round)
        for (std::size_t i = 0; i < sizes.size(); ++i) {
            auto r = barnetslov::load_case_buffer(file(sizes[i], int(i)), name(i), cal);
            ASSERT_TRUE(r.ok());
            EXPECT_EQ(summary(*r.kase), alone[i]) << "file " << i << " round " << round;
            alive.push_back(std::move(r.kase));
            if ((i + round) % 3 == 0) alive.erase(alive.begin());  // the oldest ends, its blocks kept
            if (i % 4 == 1 && !alive.empty()) {  // one ends on another thread
                std::thread([c = std::move(alive.back())]() mutable { c.reset(); }).join();
                alive.pop_back();
            }
            for (const auto& c : alive) ASSERT_EQ(summary(*c), alone[std::stoul(c->id().substr(1))]);
        }
    // A builder that builds twice: the second case is its own too, and named like the first.
    barnetslov::CaseBuilder twice("twice.xml", cal);
    std::shared_ptr<const Case> first;
    for (int k = 0; k < 2; ++k) {
        twice.case_attribute("id", k == 0 ? "t0" : "t1");
        twice.begin_child();
        twice.child_attribute("id", "barn");
        twice.begin_event("notat");
        twice.event_attribute("id", "n1");
        twice.event_attribute("at", k == 0 ? "2024-03-01" : "2024-04-01");
        auto c = twice.finish();
        ASSERT_NE(c, nullptr) << k;
        EXPECT_EQ(c->source(), "twice.xml");
        if (k == 0) first = c;
        else EXPECT_EQ(c->events()[0].at().day, barnetslov::local_day(2024, 4, 1));
    }
    EXPECT_EQ(first->events()[0].at().day, barnetslov::local_day(2024, 3, 1));
}

// A date's instant comes from a table of days asked before (src/case/day_start.hpp): the first
// and the second reading of every day of the calendar's years give the calendar's own answer,
// also on days whose midnight the clocks skipped (15 May 1940) or that clash in the table.
TEST(ParseMoment, DateOnlyGivesTheCalendarsStartOfDayFromTheTableToo) {
    static const barnetslov::Calendar cal;
    for (int pass = 0; pass < 2; ++pass)
        for (LocalDay d = barnetslov::calendar_first_day; d <= barnetslov::local_day(barnetslov::calendar_last_year, 12, 31); d += date::days{1}) {
            const std::string text = date::format("%F", d);
            const auto p = barnetslov::parse_moment(text, cal);
            ASSERT_EQ(p.status, barnetslov::MomentParse::ok) << text;
            ASSERT_EQ(p.moment.instant, cal.start_of_local_day(d)) << text << " pass " << pass;
            ASSERT_EQ(p.moment.day, d);
        }
}

// The date is read ten bytes at once (src/case/moment.cpp): every byte that is not a digit or a
// '-' where one belongs, a short value and a byte above 0x7F are still "not a date", in both
// parse_date and parse_moment; a good date followed by anything but a time is refused as before.
TEST(ParseMoment, FixedWidthDateRefusesWhatTheCharacterReaderRefused) {
    static const barnetslov::Calendar cal;
    using barnetslov::MomentParse;
    const std::string good = "2021-10-19";
    EXPECT_EQ(barnetslov::parse_date(good).status, MomentParse::ok);
    EXPECT_EQ(barnetslov::parse_date(good).moment.day, barnetslov::local_day(2021, 10, 19));
    for (std::size_t i = 0; i < good.size(); ++i)
        for (const char c : {'/', ':', '0', '9', '-', 'a', ' ', '\0', '\xC3', '\x80'}) {
            std::string bad = good;
            bad[i] = c;
            const bool still_date = (i == 4 || i == 7) ? c == '-' : (c >= '0' && c <= '9');
            if (still_date) continue;
            EXPECT_EQ(barnetslov::parse_date(bad).status, MomentParse::not_a_date) << i << ' ' << int(c);
            EXPECT_EQ(barnetslov::parse_moment(bad, cal).status, MomentParse::not_a_date) << i << ' ' << int(c);
        }
    for (const char* bad : {"", "2021", "2021-10-1", "2021-1-019", "20211-10-19", "2021-10-19 ", "2021-10-19T", "+2021-10-19"}) {
        EXPECT_NE(barnetslov::parse_date(bad).status, MomentParse::ok) << bad;
        EXPECT_NE(barnetslov::parse_moment(bad, cal).status, MomentParse::ok) << bad;
    }
    EXPECT_EQ(barnetslov::parse_date("2021-02-29").status, MomentParse::not_a_date);
    EXPECT_EQ(barnetslov::parse_moment("2021-10-19T10:50", cal).status, MomentParse::ok);
    EXPECT_EQ(barnetslov::parse_moment("2021-10-19T1:50", cal).status, MomentParse::not_a_time);
}

// The loader's short path reads a date alone by two word tests and a table of month starts
// (case_builder.cpp: plain_date), leaving anything else to parse_moment: every day of the calendar's
// years, and values around its edges and with a byte out of place, give through the loader what
// parse_moment gives (the same moment, or a refusal).
TEST(ParseMoment, LoaderShortPathDatesAreParseMoments) {
    static const barnetslov::Calendar cal;
    std::vector<std::string> values;
    for (LocalDay d = barnetslov::calendar_first_day; d <= barnetslov::local_day(barnetslov::calendar_last_year, 12, 31); d += date::days{1})
        values.push_back(date::format("%F", d));
    for (const char* v : {"1899-12-31", "2200-01-01", "2021-02-29", "2024-02-29", "2100-02-29", "2000-02-29", "2021-04-31", "2021-13-01",
                          "2021-00-10", "2021-01-00", "2021-01-32", "2021-1-010", "2021-10-1a", "2021-10-:1", "2021-10-/1", "2021/10/19",
                          "2021-10-19T10:50", "2021-10-19Z", "0000-01-01", "9999-12-31", "1900-01-01", "2199-12-31", "2021-10-Ã¦"})
        values.push_back(v);
    Limits limits;
    limits.max_events = values.size() + 10;
    limits.max_errors = values.size() + 10;
    std::string lines;
    for (std::size_t i = 0; i < values.size(); ++i)
        lines += "    <kvittering id=\"k" + std::to_string(i) + "\" at=\"" + values[i] + "\" ref=\"u1\"/>\n";
    const LoadResult r = test::load(doc({lines}), limits);
    std::size_t refused = 0;
    for (const std::string& v : values) refused += barnetslov::parse_moment(v, cal).status != barnetslov::MomentParse::ok;
    EXPECT_GE(refused, 15u);
    // Every value parse_moment refuses is refused by the loader, each with its own message.
    EXPECT_EQ(r.errors.size(), refused);
    for (const InputError& e : r.errors) EXPECT_NE(e.message.find("event 'kvittering' attribute 'at'"), std::string::npos) << e.to_string();
    // And every value it takes the loader takes, as the same moment: the refused left out, a case to compare.
    lines.clear();
    for (std::size_t i = 0; i < values.size(); ++i)
        if (barnetslov::parse_moment(values[i], cal).status == barnetslov::MomentParse::ok)
            lines += "    <kvittering id=\"k" + std::to_string(i) + "\" at=\"" + values[i] + "\" ref=\"u1\"/>\n";
    const LoadResult ok = test::load(doc({lines}), limits);
    ASSERT_TRUE(ok.ok()) << (ok.errors.empty() ? "" : ok.errors.front().to_string());
    std::size_t compared = 0;
    for (const Event& e : ok.kase->events()) {
        if (e.id().substr(0, 1) != "k") continue;
        const std::string& v = values[std::stoul(e.id().substr(1))];
        EXPECT_EQ(e.at(), barnetslov::parse_moment(v, cal).moment) << v;
        ++compared;
    }
    EXPECT_EQ(compared + refused, values.size());
}

// finish()'s own paths (issue 20, session 28): ids hashed by word loads (lengths 1 to 40, shared
// prefixes and suffixes, differing only in the middle), time order by an insertion sort within a
// budget of moves or std::stable_sort past it (sorted, nearly sorted, reversed with ties), the id
// table turned into time positions. Whatever the path, the events come in time order with ties in
// input order, and every reference names the event of its id.
namespace {
std::string finish_test_id(int i) {
    switch (i % 5) {
        case 0: return std::to_string(i);                                                     // 1-3 bytes
        case 1: return std::string("e").append(std::to_string(i));                            // 2-4
        case 2: return std::string("evt-").append(std::to_string(i));                         // 5-7
        case 3: return std::string("a-long-shared-prefix-").append(std::to_string(i)).append("-and-a-shared-suffix");  // 41-43
        default: return std::string(8 - std::to_string(i).size() % 8, 'z').append(std::to_string(i));  // 8-9
    }
}
}  // namespace

TEST(CaseBuilderFinish, TimeOrderAndReferencesWhateverTheInputOrder) {
    constexpr int n = 300;
    // Day of note i: sorted; a few out of place; reversed, in runs of three equal days.
    const std::vector<std::pair<std::string, std::function<int(int)>>> orders = {
        {"sorted", [](int i) { return i / 3; }},
        {"nearly sorted", [](int i) { return i % 37 == 5 ? i / 3 - 20 : i / 3; }},
        {"reversed", [](int i) { return (n - i) / 3; }},
    };
    for (const auto& [name, day_of] : orders) {
        CaseBuilder b("vendor", test::calendar());
        ASSERT_TRUE(b.case_attribute("id", "c"));
        ASSERT_TRUE(b.begin_child());
        std::vector<std::pair<int, int>> input;  // (day, input position) of each note
        for (int i = 0; i < n; ++i) {
            ASSERT_TRUE(b.begin_event("notat"));
            ASSERT_TRUE(b.event_attribute("id", finish_test_id(i)));
            const LocalDay day = LocalDay{date::year{2020} / 1 / 1} + date::days{200 + day_of(i)};
            ASSERT_TRUE(b.event_attribute("at", date::format("%F", day)));
            input.emplace_back(day_of(i), i);
        }
        // Acknowledgements late in the year, each naming three notes (one of them twice).
        for (int k = 0; k < 20; ++k) {
            ASSERT_TRUE(b.begin_event("kvittering"));
            ASSERT_TRUE(b.event_attribute("id", std::string("k").append(std::to_string(k))));
            ASSERT_TRUE(b.event_attribute("at", std::string("2021-06-").append(std::to_string(10 + k))));
            std::string refs = finish_test_id(k * 7);
            for (const std::string& more : {finish_test_id(k * 13 + 1), finish_test_id(k * 7), finish_test_id(n - 1 - k)})
                refs.append(" ").append(more);
            ASSERT_TRUE(b.event_attribute("ref", refs));
        }
        const auto kase = b.finish();
        ASSERT_NE(kase, nullptr) << name << ": " << (b.errors().empty() ? "" : b.errors()[0].to_string());
        std::stable_sort(input.begin(), input.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        ASSERT_EQ(kase->events().size(), std::size_t{n} + 20);
        for (int t = 0; t < n; ++t) EXPECT_EQ(kase->events()[t].id(), finish_test_id(input[t].second)) << name << " at " << t;
        for (int k = 0; k < 20; ++k) {
            const Event& ack = kase->events()[std::size_t{n} + k];
            ASSERT_EQ(ack.id(), std::string("k").append(std::to_string(k)));
            const std::vector<std::string> named = {finish_test_id(k * 7), finish_test_id(k * 13 + 1), finish_test_id(k * 7),
                                                    finish_test_id(n - 1 - k)};
            ASSERT_EQ(ack.refs().size(), named.size()) << name;
            for (std::size_t r = 0; r < named.size(); ++r) {
                EXPECT_EQ(kase->event(ack.refs()[r]).id(), named[r]) << name;
                const auto referrers = kase->referrers(ack.refs()[r]);
                EXPECT_EQ(std::count(referrers.begin(), referrers.end(), ack.index()), 1) << name;  // named twice, refers once
            }
        }
        EXPECT_EQ(kase->events_of(EventType::notat).size(), std::size_t{n});
        EXPECT_EQ(kase->events_of(EventType::kvittering).size(), 20u);
        for (std::uint32_t i = 0; i < kase->events().size(); ++i) EXPECT_EQ(kase->events()[i].index(), i);
    }
}

// Duplicate ids and an event id that is a person's too, in a file out of time order: one message
// each, in file order (the duplicate's names the first use), as before the id table was reworked.
TEST(CaseBuilderFinish, DuplicateAndPersonIdsInFileOrder) {
    CaseBuilder b("vendor", test::calendar());
    ASSERT_TRUE(b.case_attribute("id", "c"));
    ASSERT_TRUE(b.begin_child());
    ASSERT_TRUE(b.child_attribute("id", "barn"));
    ASSERT_TRUE(b.begin_person("party"));
    ASSERT_TRUE(b.person_attribute("id", "mor"));
    ASSERT_TRUE(b.person_attribute("role", "custody-holder"));
    const std::vector<std::pair<std::string, std::string>> notes = {
        {"n1", "2024-03-01"}, {"mor", "2024-02-01"}, {"n1", "2024-01-01"}, {"a-long-shared-prefix-1", "2023-01-01"},
        {"barn", "2022-01-01"}, {"a-long-shared-prefix-1", "2021-01-01"}, {"mor", "2020-01-01"}};
    for (const auto& [id, at] : notes) {
        ASSERT_TRUE(b.begin_event("notat"));
        ASSERT_TRUE(b.event_attribute("id", id));
        ASSERT_TRUE(b.event_attribute("at", at));
    }
    EXPECT_EQ(b.finish(), nullptr);
    EXPECT_EQ(test::messages(LoadResult{nullptr, b.errors()}),
              (std::vector<std::string>{"vendor: duplicate id 'mor' (also a child, party or sibling)",
                                        "vendor: duplicate id 'n1' (first used at line 0)",
                                        "vendor: duplicate id 'barn' (also a child, party or sibling)",
                                        "vendor: duplicate id 'a-long-shared-prefix-1' (first used at line 0)",
                                        "vendor: duplicate id 'mor' (first used at line 0)",
                                        "vendor: duplicate id 'mor' (also a child, party or sibling)"}));
}

namespace {

// The loader's whole-file UTF-8 check skips ASCII 16 bytes at a time and checks each run of other
// bytes alone (src/xml/loader.cpp): the first bad byte it reports is the one invalid_utf8_at finds
// in the whole text, at the line and column a character count gives, for runs of good and bad
// sequences cut anywhere, next to ASCII or to each other, at 16-byte boundaries or not.
TEST(Loader, InvalidUtf8FoundWhereTheWholeTextCheckFindsIt) {
    const std::vector<std::string> pieces = {"a", "bc", " ", "\n", "\xC3\xA6", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xC3", "\xA6",
                                             "\xE2\x82", "\xFF", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "0123456789abcdef"};
    std::uint32_t seed = 20;
    const auto next = [&seed] { return seed = seed * 1664525u + 1013904223u, seed >> 8; };
    std::size_t bad = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        std::string value;
        for (std::uint32_t k = next() % 12; k > 0; --k) value += pieces[next() % pieces.size()];
        const std::string text = test::doc({"    <kvittering id=\"k1\" at=\"2024-03-29\" ref=\"u1\" note=\"" + value + "\"/>"});
        const LoadResult r = test::load(text);
        const std::size_t off = invalid_utf8_at(text);
        if (off == std::string_view::npos) {
            for (const InputError& e : r.errors) EXPECT_EQ(e.message.find("not valid UTF-8"), std::string::npos) << e.to_string();
            continue;
        }
        ++bad;
        SourceLocation want{1, 1};
        for (std::size_t i = 0; i < off; ++i) {
            if (text[i] == '\n') want = {want.line + 1, 1};
            else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++want.column;
        }
        ASSERT_EQ(r.errors.size(), 1u);
        EXPECT_EQ(r.errors[0].message, "the file is not valid UTF-8");
        EXPECT_EQ(r.errors[0].location.line, want.line) << trial;
        EXPECT_EQ(r.errors[0].location.column, want.column) << trial;
    }
    EXPECT_GT(bad, 1000u);
}

}  // namespace

// ---- ids, references and pseudonyms read once (plain_id_text) -------------------------------

namespace {

// complete_case with `from` replaced by `to` (the first occurrence).
std::string complete_with(const std::string& from, const std::string& to) {
    std::string t = complete_case;
    t.replace(t.find(from), from.size(), to);
    return t;
}

// The codes of the errors loading `text` gives.
std::vector<std::string_view> error_codes(const std::string& text) {
    std::vector<std::string_view> codes;
    for (const InputError& e : test::load(text).errors) codes.push_back(e.code);
    return codes;
}

}  // namespace

// The short path takes an id, a reference, an id list or a pseudonym of id characters with fewer
// than ten ASCII digits without asking the CPR detector; from ten digits on, or with any other
// character, the full checks decide, as before: a CPR number is refused in each, ten digits that
// are none are taken, a character outside an id's is refused.
TEST(LoaderIds, ReadOnceWithOrWithoutACprNumber) {
    using V = std::vector<std::string_view>;
    // Nine digits and every separator an id may have: taken, and named by a ref list.
    std::string text = complete_with("id=\"s1\" at=\"2024-04-03\"", "id=\"a-123.456:789_\" at=\"2024-04-03\"");
    text.replace(text.find("ref=\"u1 s1\""), 11, "ref=\"u1  a-123.456:789_\"");
    const auto nine = must_load(text);
    ASSERT_TRUE(nine);
    for (const Event& e : nine->events())
        if (e.id() == "bfu1") {
            EXPECT_EQ(e.refs().size(), 2u);
        }
    // Ten digits that are no CPR number (99 is no day): taken, as an id, a reference and a pseudonym.
    EXPECT_TRUE(must_load(complete_with("id=\"k1\" at=\"2024-04-04\" ref=\"u1\"",
                                        "id=\"9999999999\" at=\"2024-04-04\" ref=\"u1\" caseworker=\"rg.9999999999\"")));
    // A CPR number (ten digits, a real date): refused in each kind of attribute the short path reads.
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"id=\"k1\"", "id=\"k1506104321\""},
             {"id=\"k1\"", "id=\"k150610-4321\""},
             {"<kvittering id=\"k1\" at=\"2024-04-04\" ref=\"u1\"", "<kvittering id=\"k1\" at=\"2024-04-04\" ref=\"u1 1506104321\""},
             {"<kvittering id=\"k1\"", "<kvittering caseworker=\"rg1506104321\" id=\"k1\""},
             {"party=\"mor\"", "party=\"m150610-4321\""}})
        EXPECT_EQ(error_codes(complete_with(from, to)), V{input_error_code::cpr_elsewhere}) << to;
    // Not an id's characters, or too long: the full path's message.
    EXPECT_EQ(error_codes(complete_with("id=\"k1\"", "id=\"k/1\"")), V{input_error_code::invalid_value});
    EXPECT_EQ(error_codes(complete_with("id=\"k1\"", "id=\"" + std::string(65, 'k') + "\"")), V{input_error_code::invalid_value});
    EXPECT_EQ(error_codes(complete_with("<kvittering id=\"k1\"", "<kvittering caseworker=\"rg:1\" id=\"k1\"")), V{input_error_code::invalid_value});
}
