// Privacy (issue 8): no CPR number from a case appears in any output or message, through every
// way in: the C++ loader and writers, the C API (reports, findings, JSON, iterators, pre-checks)
// and every error path (loader errors, builder errors, calls out of order, wrong arguments).
// The one way to get a CPR number out is to ask for it: Case::cpr() in C++ (the C API has none).
// tests/privacy_cli_test.sh does the same for every output of the CLI.
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "barnetslov.h"
#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/report.hpp"

namespace fs = std::filesystem;

namespace {

// The CPR numbers these cases use: the child's, a sibling's, and ones put where they do not belong.
const char* const cprs[] = {"150610-4321", "010112-4001", "311299-1234"};

// Every spelling of every CPR number above: with and without the dash, and its two halves.
std::vector<std::string> secrets() {
    std::vector<std::string> out;
    for (std::string c : cprs) {
        out.push_back(c);
        out.push_back(c.substr(0, 6) + c.substr(7));
        out.push_back(c.substr(0, 6));
        out.push_back(c.substr(7) + "\"");  // the serial alone is too common a number; quoted it is a value
    }
    return out;
}

class Seen {
public:
    void add(std::string what, std::string text) { texts_.emplace_back(std::move(what), std::move(text)); }
    void add(std::string what, const char* text) { add(std::move(what), std::string(text ? text : "<NULL>")); }
    ~Seen() {
        EXPECT_GT(texts_.size(), 0u);
        for (const auto& [what, text] : texts_)
            for (const std::string& s : secrets()) EXPECT_EQ(text.find(s), std::string::npos) << what << " shows '" << s << "':\n" << text;
    }

private:
    std::vector<std::pair<std::string, std::string>> texts_;
};

const std::string good_case =
    "<case xmlns=\"urn:barnetslov:case:1\" id=\"2024-0117\" municipality=\"Eksempel Kommune\">\n"
    "  <child id=\"barn\" cpr=\"150610-4321\"/>\n"
    "  <sibling id=\"sib1\" cpr=\"010112-4001\" in-household=\"true\"/>\n"
    "  <party id=\"mor\" role=\"custody-holder\"/>\n"
    "  <events>\n"
    "    <underretning id=\"u1\" received-at=\"2024-03-28T14:30\" notifier=\"professional\" channel=\"phone\"/>\n"
    "    <akutvurdering id=\"a1\" at=\"2024-03-30T09:10\" ref=\"u1\"/>\n"
    "    <afgoerelse id=\"d1\" at=\"2024-06-27\" kind=\"placement-without-consent\" body=\"committee\"/>\n"
    "  </events>\n"
    "</case>\n";

// The good case with one line changed: a CPR number in a wrong place, or a malformed one.
std::vector<std::string> bad_cases() {
    auto with = [](std::string from, std::string to) {
        std::string t = good_case;
        t.replace(t.find(from), from.size(), to);
        return t;
    };
    return {
        with("id=\"2024-0117\"", "id=\"150610-4321\""),
        with("municipality=\"Eksempel Kommune\"", "municipality=\"Kommune 1506104321\""),
        with("cpr=\"150610-4321\"", "cpr=\"150610-43210\""),
        with("cpr=\"150610-4321\"", "cpr=\"150610-4321\" birth-date=\"2015-01-01\""),
        with("id=\"barn\" cpr", "id=\"150610-4321\" cpr"),
        with("cpr=\"010112-4001\"", "cpr=\"010112-400\""),
        with("id=\"u1\"", "id=\"311299-1234\""),
        with("ref=\"u1\"", "ref=\"311299-1234\""),
        with("at=\"2024-03-30T09:10\"", "at=\"311299-1234\""),
        with("body=\"committee\"", "body=\"311299-1234\""),
        with("<akutvurdering", "<x311299-1234"),
        with("received-at=", "x150610-4321=\"1\" received-at="),
        with("</events>", "311299-1234</events>"),
        with("<party id=\"mor\"", "<party id=\"mor\" cpr=\"311299-1234\""),
        // Free text (deviation-reason, § 21 stk. 5) is refused like any other value that holds a CPR number.
        with("</events>", "<undersoegelse id=\"bfu9\" at=\"2024-04-02\" two-caseworkers=\"false\" "
                          "deviation-reason=\"kun en raadgiver, jf. 311299-1234\"/></events>"),
    };
}

TEST(Privacy, CxxLoaderWritersAndErrors) {
    Seen seen;
    const barnetslov::Engine engine;
    const auto loaded = barnetslov::load_case_buffer(good_case, "case.xml", engine.calendar());
    ASSERT_TRUE(loaded.ok());
    // Asked for explicitly, it is there; nothing else shows it.
    EXPECT_EQ(loaded.kase->cpr(), "150610-4321");
    for (const auto as_of : {"2024-04-01T12:00", "2025-01-15T12:00"}) {
        const auto report = engine.evaluate(loaded.kase, barnetslov::parse_moment(as_of, engine.calendar()).moment.instant);
        std::string text;
        barnetslov::write_text(text, engine, report, barnetslov::Lang::en);
        barnetslov::write_text(text, engine, report, barnetslov::Lang::da);
        seen.add("text report", text);
        seen.add("JSON report", barnetslov::case_to_json(engine, report));
        const std::vector<barnetslov::Report> reports{report};
        seen.add("JSON document", barnetslov::to_json(engine, reports, {}, report.as_of));
    }
    for (const std::string& bad : bad_cases()) {
        const auto r = barnetslov::load_case_buffer(bad, "case.xml", engine.calendar());
        EXPECT_FALSE(r.ok()) << bad;
        std::string errors;
        for (const auto& e : r.errors) barnetslov::write_text_error(errors, e);
        seen.add("loader errors of\n" + bad, errors);
        seen.add("JSON errors", barnetslov::to_json(engine, {}, r.errors, {}));
    }
}

// Runs a C API call and records its status name and message.
void call(Seen& seen, const std::string& what, bl_status s) {
    seen.add(what, std::string(bl_status_name(s)) + ": " + bl_last_error_message());
}

TEST(Privacy, CApiOutputsAndErrors) {
    Seen seen;
    bl_engine* engine = nullptr;
    ASSERT_EQ(bl_engine_new(&engine, nullptr), BL_OK);
    bl_case* kase = nullptr;
    ASSERT_EQ(bl_case_load_buffer(&kase, engine, good_case.data(), good_case.size(), "case.xml"), BL_OK);
    seen.add("case id", bl_case_id(kase));

    bl_report* report = nullptr;
    ASSERT_EQ(bl_evaluate(&report, engine, kase, 1736938800), BL_OK);
    char* json = nullptr;
    ASSERT_EQ(bl_report_to_json(&json, nullptr, report), BL_OK);
    seen.add("bl_report_to_json", json);
    bl_string_free(json);
    for (std::size_t i = 0; i < bl_report_count(report); ++i) {
        const bl_finding* f = nullptr;
        ASSERT_EQ(bl_report_finding(&f, report, i), BL_OK);
        std::string all = std::string(bl_finding_rule_id(f)) + bl_finding_section(f) + bl_finding_subject_id(f) + bl_finding_reason(f) +
                          bl_finding_basis(f) + bl_finding_status_name(f) + bl_finding_severity(f);
        for (int lang = 0; lang < 2; ++lang)
            for (int part = 0; part < 6; ++part) {
                const char* t = nullptr;
                if (bl_finding_text(&t, f, static_cast<bl_text>(part), static_cast<bl_lang>(lang)) == BL_OK) all += t;
            }
        for (std::size_t k = 0; k < bl_finding_event_count(f); ++k) {
            const char *id = nullptr, *element = nullptr;
            if (bl_finding_event(&id, &element, nullptr, nullptr, f, k) == BL_OK) all += std::string(id) + element;
        }
        seen.add("finding", all);
    }

    // Error paths: a rule filter, a pre-check and builders given CPR numbers where they do not belong.
    bl_finding_iter* it = nullptr;
    bl_finding_filter filter = BL_FINDING_FILTER_INIT;
    filter.rule_id = "150610-4321";
    call(seen, "bl_report_findings", bl_report_findings(&it, report, &filter));
    bl_finding_iter_free(it);

    const char* const attrs[] = {"section", "150610-4321", nullptr};
    for (const char* kind : {"150610-4321", "placement-without-consent"}) {
        bl_proposed_decision d = BL_PROPOSED_DECISION_INIT;
        d.at = 1736938800;
        d.kind = kind;
        d.refs = "u1 010112-4001";
        d.attributes = attrs;
        bl_report* pre = nullptr;
        call(seen, "bl_precheck_decision", bl_precheck_decision(&pre, engine, kase, &d, 1736938800));
        bl_report_free(pre);
    }

    for (const std::string& bad : bad_cases()) {
        bl_case* c = nullptr;
        call(seen, "bl_case_load_buffer", bl_case_load_buffer(&c, engine, bad.data(), bad.size(), "case.xml"));
        bl_case_free(c);
    }

    bl_builder* b = nullptr;
    ASSERT_EQ(bl_builder_new(&b, engine, "case 2024-0117"), BL_OK);
    call(seen, "case id", bl_builder_case_attribute(b, "id", "150610-4321"));
    call(seen, "case attribute name", bl_builder_case_attribute(b, "150610-4321", "x"));
    call(seen, "child attribute before child", bl_builder_child_attribute(b, "cpr", "150610-4321"));
    call(seen, "begin child", bl_builder_begin_child(b));
    call(seen, "child cpr malformed", bl_builder_child_attribute(b, "cpr", "1506104321x"));
    call(seen, "child cpr", bl_builder_child_attribute(b, "cpr", "150610-4321"));
    call(seen, "child cpr twice", bl_builder_child_attribute(b, "cpr", "150610-4321"));
    call(seen, "child birth-date", bl_builder_child_attribute(b, "birth-date", "150610-4321"));
    call(seen, "person element", bl_builder_begin_person(b, "150610-4321"));
    call(seen, "begin sibling", bl_builder_begin_person(b, "sibling"));
    call(seen, "sibling cpr", bl_builder_person_attribute(b, "cpr", "3112991234"));
    call(seen, "sibling id", bl_builder_person_attribute(b, "id", "311299-1234"));
    call(seen, "event element", bl_builder_begin_event(b, "150610-4321"));
    call(seen, "begin event", bl_builder_begin_event(b, "underretning"));
    call(seen, "event id", bl_builder_event_attribute(b, "id", "1506104321"));
    call(seen, "event attribute name", bl_builder_event_attribute(b, "010112-4001", "x"));
    call(seen, "event date", bl_builder_event_attribute(b, "received-at", "010112-4001"));
    call(seen, "begin undersoegelse", bl_builder_begin_event(b, "undersoegelse"));
    call(seen, "event free text", bl_builder_event_attribute(b, "deviation-reason", "kun en raadgiver, jf. 311299-1234"));
    bl_case* built = nullptr;
    call(seen, "bl_builder_finish", bl_builder_finish(&built, b));
    call(seen, "after finish", bl_builder_case_attribute(b, "unit", "150610-4321"));
    bl_case_free(built);
    bl_builder_free(b);

    bl_report_free(report);
    bl_case_free(kase);
    bl_engine_free(engine);
}

}  // namespace
