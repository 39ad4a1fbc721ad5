// Issue 16 item 4: every input problem is a record a case system can map back to its own rows:
// its code, the element, the event's position and id, the attribute, the position in the file.
// The joined message is unchanged (loader_errors_test, bad_inputs_test); this checks the fields.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"

using namespace barnetslov;
namespace fs = std::filesystem;

namespace {

const Engine& engine() {
    static const Engine e;
    return e;
}

std::vector<InputError> load_errors(const std::string& xml) {
    return load_case_buffer(xml, "p.xml", engine().calendar()).errors;
}

// The fields of one problem, compared whole so that a failure shows all of them.
std::string fields(const InputError& e) {
    std::ostringstream out;
    out << e.code << " | " << e.element << " #" << e.event_index << " id=" << e.id << " attr=" << e.attribute << " @"
        << e.location.line << ':' << e.location.column;
    return out.str();
}

const std::set<std::string_view> documented_codes = {
    input_error_code::io, input_error_code::syntax, input_error_code::format, input_error_code::structure,
    input_error_code::encoding, input_error_code::unknown_element, input_error_code::unknown_attribute,
    input_error_code::duplicate_attribute, input_error_code::missing_attribute, input_error_code::missing_element,
    input_error_code::invalid_value, input_error_code::nonexistent_time, input_error_code::ambiguous_time,
    input_error_code::out_of_range, input_error_code::cpr_elsewhere, input_error_code::invalid_cpr,
    input_error_code::inconsistent, input_error_code::duplicate_id, input_error_code::unknown_ref,
    input_error_code::self_ref, input_error_code::limit};

TEST(InputProblems, EachProblemOfAFileNamesItsEventAttributeAndPosition) {
    const auto errors = load_errors(
        "<case xmlns='urn:barnetslov:case:1' id='c1'>\n"
        "  <child id='barn' birth-date='2015-02-30'/>\n"
        "  <party id='mor' role='queen'/>\n"
        "  <events>\n"
        "    <underretning id='u1' received-at='2024-03-31T02:30' notifier='professional'/>\n"
        "    <kvittering at='2024-13-01' id='k1' ref='u9'/>\n"
        "    <fest id='f1'/>\n"
        "    <screening id='s1' at='2024-10-27T02:30' ref='u1' outcome='no-action' colour='red'/>\n"
        "  </events>\n"
        "</case>\n");
    std::vector<std::string> got;
    for (const InputError& e : errors) got.push_back(fields(e));
    const std::vector<std::string> want = {
        "invalid_value | child #-1 id=barn attr=birth-date @2:20",
        "invalid_value | party #-1 id=mor attr=role @3:19",
        "nonexistent_time | underretning #0 id=u1 attr=received-at @5:27",
        // The id comes after the bad value: the problem names it all the same.
        "invalid_value | kvittering #1 id=k1 attr=at @6:17",
        "unknown_element | fest #2 id= attr= @7:5",
        "ambiguous_time | screening #3 id=s1 attr=at @8:24",
        "unknown_attribute | screening #3 id=s1 attr=colour @8:75",
    };
    EXPECT_EQ(got, want);
    ASSERT_EQ(errors.size(), want.size());
    EXPECT_EQ(errors[3].message, "event 'kvittering' attribute 'at': '2024-13-01' is not a date");
    for (const InputError& e : errors) EXPECT_EQ(e.source, "p.xml");
}

// Ids and references are checked once every element was read without a problem.
TEST(InputProblems, IdsAndReferencesNameTheEventThatUsesThem) {
    const auto errors = load_errors(
        "<case xmlns='urn:barnetslov:case:1' id='c1'>\n"
        "  <child id='barn' birth-date='2015-02-01'/>\n"
        "  <events>\n"
        "    <underretning id='u1' received-at='2024-10-01T09:00' notifier='professional'/>\n"
        "    <screening id='u1' at='2024-11-01' ref='u9' outcome='no-action'/>\n"
        "    <samtykke id='barn' at='2024-11-02' party='far'/>\n"
        "  </events>\n"
        "</case>\n");
    std::vector<std::string> got;
    for (const InputError& e : errors) got.push_back(fields(e));
    const std::vector<std::string> want = {
        "duplicate_id | screening #1 id=u1 attr=id @5:5",
        "duplicate_id | samtykke #2 id=barn attr=id @6:5",
        "unknown_ref | screening #1 id=u1 attr=ref @5:40",
        "unknown_ref | samtykke #2 id=barn attr=party @6:41",
    };
    EXPECT_EQ(got, want);
}

TEST(InputProblems, MissingAttributesAndElementsOfTheCase) {
    const auto errors = load_errors(
        "<case xmlns='urn:barnetslov:case:1'>\n"
        "  <events><kvittering id='k1'/><akutvurdering at='2024-01-02' ref='k1' danger='false' acute-measures='false'/></events>\n"
        "</case>\n");
    std::vector<std::string> got;
    for (const InputError& e : errors) got.push_back(fields(e));
    const std::vector<std::string> want = {
        "missing_attribute | kvittering #0 id=k1 attr=at @2:11",
        "missing_attribute | kvittering #0 id=k1 attr=ref @2:11",
        "missing_attribute | akutvurdering #1 id= attr=id @2:32",
        "missing_attribute | case #-1 id= attr=id @0:0",
        "missing_element | case #-1 id= attr= @0:0",
    };
    EXPECT_EQ(got, want);
}

TEST(InputProblems, SyntaxFormatAndIoHaveNoElement) {
    auto one = [](const std::vector<InputError>& errors) { return errors.empty() ? std::string("none") : fields(errors[0]); };
    EXPECT_EQ(one(load_errors("<case xmlns='urn:barnetslov:case:1' id='c1'><child")), "syntax |  #-1 id= attr= @1:50");
    EXPECT_EQ(one(load_errors("<case xmlns='urn:barnetslov:case:2' id='c1'/>")), "format |  #-1 id= attr= @1:1");
    EXPECT_EQ(one(load_errors("")), "syntax |  #-1 id= attr= @0:0");
    EXPECT_EQ(one(load_case_file("/nonexistent/case.xml", engine().calendar()).errors), "io |  #-1 id= attr= @0:0");
}

TEST(InputProblems, BuilderCountsEveryBeginEventCallAndFillsTheIdGivenLater) {
    CaseBuilder b("rows", engine().calendar());
    b.case_attribute("id", "c1");
    b.begin_child();
    b.child_attribute("birth-date", "2015-02-01");
    b.begin_event("no-such-event");  // row 0: refused, but it is a row
    b.event_attribute("id", "x");
    b.begin_event("kvittering");     // row 1
    b.event_attribute("at", "2024-02-30");
    b.event_attribute("ref", "u1");
    b.event_attribute("id", "k1");
    b.begin_event("underretning");   // row 2
    b.event_attribute("id", "u1");
    b.event_attribute("received-at", "2024-01-05");
    b.event_attribute("notifier", "010203-1234");  // a CPR number: the attribute is named, the value never
    EXPECT_EQ(b.finish(), nullptr);
    std::vector<std::string> got;
    for (const InputError& e : b.errors()) got.push_back(fields(e));
    const std::vector<std::string> want = {
        "unknown_element | no-such-event #0 id= attr= @0:0",
        "invalid_value | kvittering #1 id=k1 attr=at @0:0",
        "cpr_elsewhere | underretning #2 id=u1 attr=notifier @0:0",
    };
    EXPECT_EQ(got, want);
    for (const InputError& e : b.errors()) EXPECT_EQ(e.message.find("010203"), std::string::npos) << e.message;
}

TEST(InputProblems, CprLikeNamesAreMaskedInTheRecordAsInTheMessage) {
    CaseBuilder b("rows", engine().calendar());
    b.begin_event("kvittering");
    b.event_attribute("010203-1234", "x");
    ASSERT_FALSE(b.errors().empty());
    const InputError& e = b.errors()[0];
    EXPECT_EQ(e.code, input_error_code::unknown_attribute);
    EXPECT_EQ(e.attribute.find("010203"), std::string::npos) << e.attribute;
    EXPECT_NE(e.attribute.find('#'), std::string::npos) << e.attribute;
}

// The whole bad-input corpus: every problem has a documented code, and what is said about an
// event in the message is said in the record too.
TEST(InputProblems, EveryProblemOfTheBadInputCorpusHasADocumentedCodeAndItsSubject) {
    const fs::path corpus = fs::path(BARNETSLOV_SOURCE_DIR) / "tests" / "bad-inputs";
    std::size_t problems = 0;
    for (const auto& entry : fs::directory_iterator(corpus)) {
        if (entry.path().extension() != ".xml") continue;
        for (const InputError& e : load_case_file(entry.path(), engine().calendar()).errors) {
            ++problems;
            EXPECT_TRUE(documented_codes.count(e.code)) << entry.path() << ": " << e.code << ": " << e.message;
            if (e.message.rfind("event '", 0) == 0) {
                EXPECT_GE(e.event_index, 0) << entry.path() << ": " << e.message;
                EXPECT_EQ(e.message.substr(7, e.element.size()), e.element) << entry.path() << ": " << e.message;
            }
            if (e.code == input_error_code::invalid_value || e.code == input_error_code::unknown_attribute ||
                e.code == input_error_code::duplicate_attribute || e.code == input_error_code::missing_attribute) {
                EXPECT_FALSE(e.attribute.empty()) << entry.path() << ": " << e.message;
            }
        }
    }
    EXPECT_GT(problems, 50u);
}

}  // namespace
