// JSON case files (include/barnetslov/loader.hpp): good ones load as their XML twins do; bad ones
// give exactly the errors listed, in order, each with the line and column of what it is about
// (checked against the text there, by test::text_at) and its JSON pointer. JSON Lines: each line
// a case, positioned by the file's own lines.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>

#include "barnetslov/engine.hpp"
#include "barnetslov/report.hpp"
#include "loader_support.hpp"

using namespace barnetslov;
using test::BadCase;

namespace {

LoadResult load_json(std::string_view text, const Limits& limits = {}) {
    return load_case_json_buffer(text, "case.json", test::calendar(), limits);
}

// Lines 1-8 of every document jdoc() builds; the event lines given to it start on line 9.
constexpr std::string_view jhead =
    "{\n"                                                                                                                 // 1
    "  \"format\": \"urn:barnetslov:case:1\",\n"                                                                         // 2
    "  \"id\": \"2024-0117\", \"municipality\": \"Eksempel Kommune\",\n"                                               // 3
    "  \"child\": {\"id\": \"barn\", \"birth-date\": \"2015-06-01\"},\n"                                               // 4
    "  \"parties\": [{\"id\": \"mor\", \"role\": \"custody-holder\"}, {\"id\": \"far\", \"role\": \"parent\"}],\n"   // 5
    "  \"siblings\": [{\"id\": \"sib1\", \"birth-date\": \"2012-02-03\", \"in-household\": true}],\n"                 // 6
    "  \"events\": [\n"                                                                                                   // 7
    "    {\"type\": \"underretning\", \"id\": \"u1\", \"received-at\": \"2024-03-28T14:30\", \"notifier\": \"professional\", "
    "\"channel\": \"phone\"}";                                                                                             // 8

// The standard document with `lines` (each without its comma or newline) as events from line 9 on.
std::string jdoc(std::initializer_list<std::string_view> lines = {}) {
    std::string out(jhead);
    for (std::string_view l : lines) out.append(",\n").append(l);
    return out + "\n  ]\n}\n";
}

// A document of the format with `members` after "format" (one line, so columns are easy to count).
std::string one_line(std::string_view members) {
    return "{\"format\": \"urn:barnetslov:case:1\", " + std::string(members) + "}\n";
}

std::vector<BadCase> bad_cases() {
    std::vector<BadCase> c;
    auto add = [&](std::string name, std::string text, std::vector<std::string> errors, std::optional<std::string> anchor) {
        c.push_back(BadCase{std::move(name), std::move(text), std::move(errors), std::move(anchor)});
    };
    const std::string k1 = R"(    {"type": "kvittering", "id": "k1", "at": "2024-04-04", "ref": "u1"})";

    // ---- the text as a whole ----
    add("empty", "", {"case.json: the file is empty"}, std::nullopt);
    add("whitespace_only", " \n\t \r\n  ", {"case.json: the file is empty"}, std::nullopt);
    add("byte_order_mark", "\xEF\xBB\xBF" + jdoc(),
        {"case.json:1:1: the file begins with a byte-order mark, which JSON does not allow (RFC 8259 8.1); save it as UTF-8 without one"},
        "{");
    add("utf16le_bom", std::string("\xFF\xFE{\0}\0", 6), {"case.json: the file is UTF-16 (byte-order mark FF FE); case files are UTF-8"},
        std::nullopt);
    add("utf16le_without_bom", std::string("{\0\"\0f\0\"\0", 8), {"case.json: the file is UTF-16 without a byte-order mark; case files are UTF-8"},
        std::nullopt);
    add("latin1_byte", jdoc({"    {\"type\": \"flytning\", \"id\": \"f1\", \"at\": \"2024-11-01\", \"to-municipality\": \"K\xF8ge\"}"}),
        {"case.json:9:79: the file is not valid UTF-8"}, "\xF8ge\"}");
    add("nul_byte", jdoc() + std::string("\0", 1), {"case.json:11:1: not well-formed JSON: the file contains a NUL character"},
        std::string("\0", 1));
    add("raw_control_character", one_line("\"id\": \"a\x01\", \"child\": {}"),
        {"case.json:1:45: control character U+0001 (a case file may not contain control characters)"}, "\x01\"");
    add("raw_c1_control_character", one_line("\"id\": \"a\xC2\x85\", \"child\": {}"),
        {"case.json:1:45: control character U+0085 (a case file may not contain control characters)"}, "\xC2\x85\"");
    add("escaped_control_character", one_line("\"id\": \"a\\u0007\", \"child\": {}"),
        {"case.json:1:37: /id: control character U+0007 (a case file may not contain control characters)"}, "\"id\": \"a\\u0007");
    add("escaped_noncharacter", one_line("\"id\": \"a\\uFFFF\", \"child\": {}"),
        {"case.json:1:37: /id: U+FFFF is not a character"}, "\"id\"");

    // ---- not well-formed ----
    add("missing_comma", jdoc({R"(    {"type": "kvittering" "id": "k1", "at": "2024-04-04", "ref": "u1"})"}),
        {"case.json:9:27: /events/1: not well-formed JSON: unexpected string literal; expected '}'"}, "\"id\": \"k1\"");
    add("trailing_comma", jdoc({R"(    {"type": "kvittering", "id": "k1", "at": "2024-04-04", "ref": "u1",})"}),
        {"case.json:9:72: /events/1: not well-formed JSON: unexpected '}'; expected string literal"}, "}");
    add("single_quotes", one_line("'id': 'x'"), {"case.json:1:37: not well-formed JSON: invalid literal"}, "'id'");
    add("truncated", jdoc().substr(0, jdoc().find("\"channel\"")),
        {"case.json:8:105: /events/0: not well-formed JSON: unexpected end of input; expected string literal"}, "");
    add("unclosed_string", one_line("\"id\": \"x"), {"case.json:1:46: /id: not well-formed JSON: invalid string: control character U+000A (LF) must be escaped to \\u000A or \\n"}, "");
    add("comment", "// a case\n" + jdoc(), {"case.json:1:1: not well-formed JSON: invalid literal"}, "// a case");
    add("text_after_the_case", jdoc() + "{}\n", {"case.json:11:1: not well-formed JSON: unexpected '{'; expected end of input"}, "{}");
    add("invalid_surrogate_escape", one_line("\"id\": \"\\uD800x\""),
        {"case.json:1:50: /id: not well-formed JSON: invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF"}, "x\"");
    add("number_too_large", one_line("\"id\": 1e999"), {"case.json:1:43: /id: a number too large to read"}, "1e999");

    // ---- the document: one object of the format ----
    add("top_level_array", "[" + jdoc() + "]",
        {"case.json:1:1: the document is an array, not an object: a JSON case file is one object (a JSON Lines file, .jsonl, is one "
         "object a line)"},
        "[{");
    add("top_level_string", "\"urn:barnetslov:case:1\"\n",
        {"case.json:1:1: the document is a string, not an object: a JSON case file is one object (a JSON Lines file, .jsonl, is one "
         "object a line)"},
        "\"urn");
    add("missing_format", "{\"id\": \"x\", \"child\": {}}\n",
        {"case.json:1:1: the case has no key 'format' (a JSON case file says \"format\": \"urn:barnetslov:case:1\")"}, "{\"id\"");
    add("future_format", "{\"format\": \"urn:barnetslov:case:2\", \"id\": \"x\", \"child\": {}}\n",
        {"case.json:1:2: /format: case-file format 'urn:barnetslov:case:2' is not supported (this version reads urn:barnetslov:case:1)"},
        "\"format\"");
    add("other_format", "{\"id\": \"x\", \"format\": \"urn:example:sag\", \"child\": {}, \"colour\": 1}\n",
        {"case.json:1:13: /format: 'urn:example:sag' is not the format of a case file (expected urn:barnetslov:case:1)"}, "\"format\"");
    add("format_not_a_string", "{\"format\": 1, \"id\": \"x\", \"child\": {}}\n",
        {"case.json:1:2: /format: expected the string urn:barnetslov:case:1, not a number"}, "\"format\"");
    add("format_given_twice", one_line("\"format\": \"urn:barnetslov:case:1\", \"id\": \"x\", \"child\": {}"),
        {"case.json:1:37: /format: key 'format' given twice"}, "\"format\": \"urn:barnetslov:case:1\", \"id\"");

    // ---- the case object ----
    add("unknown_key", one_line("\"id\": \"x\", \"child\": {}, \"status\": \"open\""),
        {"case.json:1:61: /status: case has no key 'status' (expected format, $schema, child, parties, siblings, events, id, "
         "municipality, unit)"},
        "\"status\"");
    add("case_id_number", one_line("\"id\": 2024117, \"child\": {}"),
        {"case.json:1:37: /id: case attribute 'id': expected a string, not a number"}, "\"id\"");
    add("case_id_twice", one_line("\"id\": \"a\", \"child\": {}, \"id\": \"b\""), {"case.json:1:61: /id: case attribute 'id' given twice"},
        "\"id\": \"b\"");
    add("case_without_id", one_line("\"child\": {}"), {"case.json: case lacks required attribute 'id'"}, std::nullopt);
    add("no_child", one_line("\"id\": \"x\""), {"case.json: case lacks a child element"}, std::nullopt);
    add("child_twice", one_line("\"id\": \"x\", \"child\": {}, \"child\": {\"id\": \"b\"}"),
        {"case.json:1:61: /child: key 'child' given twice"}, "\"child\": {\"id\"");
    add("events_twice", one_line("\"id\": \"x\", \"child\": {}, \"events\": [], \"events\": []"),
        {"case.json:1:75: /events: key 'events' given twice"}, "\"events\": []}");
    add("events_not_an_array", one_line("\"id\": \"x\", \"child\": {}, \"events\": {}"),
        {"case.json:1:61: /events: expected an array, not an object"}, "\"events\"");
    add("parties_not_an_array", one_line("\"id\": \"x\", \"child\": {}, \"parties\": \"mor\""),
        {"case.json:1:61: /parties: expected an array, not a string"}, "\"parties\"");
    add("schema_not_a_string", one_line("\"$schema\": true, \"id\": \"x\", \"child\": {}"),
        {"case.json:1:37: /$schema: expected a string, not true"}, "\"$schema\"");

    // ---- the child and the people around it ----
    add("child_unknown_key", one_line("\"id\": \"x\", \"child\": {\"id\": \"barn\", \"name\": \"Emil\"}"),
        {"case.json:1:72: /child/name: child has no attribute 'name' (expected id, birth-date, cpr, due-date)"}, "\"name\"");
    add("child_birth_date_a_number", one_line("\"id\": \"x\", \"child\": {\"birth-date\": 20150601}"),
        {"case.json:1:58: /child/birth-date: child attribute 'birth-date': expected a string, not a number"}, "\"birth-date\"");
    add("child_birth_date_not_a_date", one_line("\"id\": \"x\", \"child\": {\"birth-date\": \"2015-06-31\"}"),
        {"case.json:1:58: /child/birth-date: child attribute 'birth-date': '2015-06-31' is not a date"}, "\"birth-date\"");
    add("child_not_an_object", one_line("\"id\": \"x\", \"child\": [\"barn\"]"),
        {"case.json:1:48: /child: expected an object, not an array", "case.json: case lacks a child element"}, "\"child\"");
    add("party_without_id", one_line("\"id\": \"x\", \"child\": {}, \"parties\": [{\"role\": \"parent\"}]"),
        {"case.json:1:73: /parties/0: party lacks required attribute 'id'"}, "{\"role\"");
    add("party_not_an_object", one_line("\"id\": \"x\", \"child\": {}, \"parties\": [\"mor\"]"),
        {"case.json:1:73: /parties/0: expected an object (party), not a string"}, "\"mor\"");
    add("party_role_null", one_line("\"id\": \"x\", \"child\": {}, \"parties\": [{\"id\": \"mor\", \"role\": null}]"),
        {"case.json:1:87: /parties/0/role: party attribute 'role': expected a string, not null"}, "\"role\"");
    add("sibling_in_household_yes", one_line("\"id\": \"x\", \"child\": {}, \"siblings\": [{\"id\": \"s\", \"in-household\": \"yes\"}]"),
        {"case.json:1:86: /siblings/0/in-household: sibling attribute 'in-household': 'yes' is not one of: true, false"}, "\"in-household\"");
    add("sibling_in_household_a_number", one_line("\"id\": \"x\", \"child\": {}, \"siblings\": [{\"id\": \"s\", \"in-household\": 1}]"),
        {"case.json:1:86: /siblings/0/in-household: sibling attribute 'in-household': expected true, false or a string, not a number"},
        "\"in-household\"");
    add("party_id_used_twice", one_line("\"id\": \"x\", \"child\": {}, \"parties\": [{\"id\": \"mor\"},\n{\"id\": \"mor\"}]"),
        {"case.json:2:2: /parties/1/id: duplicate id 'mor' (first used at line 1)"}, "\"id\": \"mor\"}]");
    add("too_many_persons", jdoc(), {"case.json:5:56: /parties/1: more than 1 parties and siblings (limit)"}, "{\"id\": \"far\"");
    c.back().limits.max_persons = 1;

    // ---- events ----
    add("event_without_type", jdoc({R"(    {"id": "k1", "at": "2024-04-04", "ref": "u1"})"}),
        {"case.json:9:5: /events/1: the event has no key 'type' (its element name, e.g. 'underretning')"}, "{\"id\": \"k1\"");
    add("event_type_not_a_string", jdoc({R"(    {"type": ["kvittering"], "id": "k1"})"}),
        {"case.json:9:6: /events/1/type: expected an event type (a string), not an array"}, "\"type\"");
    add("event_type_twice", jdoc({R"(    {"type": "kvittering", "id": "k1", "at": "2024-04-04", "ref": "u1", "type": "notat"})"}),
        {"case.json:9:73: /events/1/type: key 'type' given twice"}, "\"type\": \"notat\"");
    add("unknown_event_type", jdoc({R"(    {"type": "telefonnotat", "id": "t1", "at": "2024-04-01"})"}),
        {"case.json:9:5: /events/1: unknown event type 'telefonnotat'"}, "{\"type\": \"telefonnotat\"");
    add("event_not_an_object", jdoc({"    \"kvittering\""}), {"case.json:9:5: /events/1: expected an object (an event), not a string"},
        "\"kvittering\"");
    add("unknown_attribute", jdoc({R"(    {"type": "kvittering", "id": "k1", "at": "2024-04-04", "ref": "u1", "colour": {"r": 255}})"}),
        {"case.json:9:73: /events/1/colour: event 'kvittering' has no attribute 'colour'"}, "\"colour\"");
    add("attribute_given_twice", jdoc({R"(    {"type": "kvittering", "id": "k1", "at": "2024-04-04", "ref": "u1", "ref": "u1"})"}),
        {"case.json:9:73: /events/1/ref: event 'kvittering' attribute 'ref': given twice"}, "\"ref\": \"u1\"}");
    add("bad_date", jdoc({R"(    {"type": "kvittering", "id": "k1", "at": "2024-13-01", "ref": "u1"})"}),
        {"case.json:9:40: /events/1/at: event 'kvittering' attribute 'at': '2024-13-01' is not a date"}, "\"at\"");
    add("date_a_number", jdoc({R"(    {"type": "kvittering", "id": "k1", "at": 20240404, "ref": "u1"})"}),
        {"case.json:9:40: /events/1/at: event 'kvittering' attribute 'at': expected a string, not a number"}, "\"at\"");
    add("date_null", jdoc({R"(    {"type": "kvittering", "id": "k1", "at": null, "ref": "u1"})"}),
        {"case.json:9:40: /events/1/at: event 'kvittering' attribute 'at': expected a string, not null"}, "\"at\"");
    add("boolean_a_number", jdoc({R"(    {"type": "akutvurdering", "id": "a1", "at": "2024-03-29", "ref": "u1", "danger": 0})"}),
        {"case.json:9:76: /events/1/danger: event 'akutvurdering' attribute 'danger': expected true, false or a string, not a number"},
        "\"danger\"");
    add("count_a_fraction",
        jdoc({R"(    {"type": "afgoerelse", "id": "d1", "at": "2024-05-01", "kind": "placement-without-consent", "renewal-years-stated": 1.5})"}),
        {"case.json:9:97: /events/1/renewal-years-stated: event 'afgoerelse' attribute 'renewal-years-stated': expected a whole number "
         "or a string, not a number with a fraction or an exponent"},
        "\"renewal-years-stated\"");
    add("count_negative",
        jdoc({R"(    {"type": "afgoerelse", "id": "d1", "at": "2024-05-01", "kind": "placement-without-consent", "renewal-years-stated": -1})"}),
        {"case.json:9:97: /events/1/renewal-years-stated: event 'afgoerelse' attribute 'renewal-years-stated': '-1' is not a whole number "
         "from 0 to 999999999"},
        "\"renewal-years-stated\"");
    add("count_beyond_64_bits",
        jdoc({R"(    {"type": "afgoerelse", "id": "d1", "at": "2024-05-01", "kind": "placement-without-consent", "renewal-years-stated": 123456789012345678901234567890})"}),
        {"case.json:9:97: /events/1/renewal-years-stated: event 'afgoerelse' attribute 'renewal-years-stated': "
         "'##############################' is not a whole number from 0 to 999999999"},
        "\"renewal-years-stated\"");
    add("text_an_object", jdoc({R"(    {"type": "notat", "id": "n1", "at": "2024-05-05", "topic": {"da": "netværksmøde"}})"}),
        {"case.json:9:55: /events/1/topic: event 'notat' attribute 'topic': expected a string, not an object"}, "\"topic\"");
    add("ref_array_with_a_number", jdoc({R"(    {"type": "kvittering", "id": "k1", "at": "2024-04-04", "ref": ["u1", 2]})"}),
        {"case.json:9:74: /events/1/ref/1: event 'kvittering' attribute 'ref': expected an id (a string), not a number"}, "2]");
    add("ref_array_with_spaces", jdoc({R"(    {"type": "kvittering", "id": "k1", "at": "2024-04-04", "ref": ["u1 u2"]})"}),
        {"case.json:9:68: /events/1/ref/0: event 'kvittering' attribute 'ref': 'u1 u2' is not a valid id"}, "\"u1 u2\"");
    add("ref_empty_array", jdoc({R"(    {"type": "kvittering", "id": "k1", "at": "2024-04-04", "ref": []})"}),
        {"case.json:9:60: /events/1/ref: event 'kvittering' attribute 'ref': names no event id"}, "\"ref\"");
    add("array_where_one_id_belongs", jdoc({R"(    {"type": "kontakt", "id": "c1", "at": "2024-04-04", "party": ["mor"]})"}),
        {"case.json:9:57: /events/1/party: event 'kontakt' attribute 'party': expected a string, not an array"}, "\"party\"");
    add("missing_required_ref", jdoc({R"(    {"type": "kvittering", "id": "k1", "at": "2024-04-04"})"}),
        {"case.json:9:5: /events/1: event 'kvittering' (id 'k1') lacks required attribute 'ref'"}, "{\"type\": \"kvittering\"");
    add("ref_to_no_event", jdoc({R"(    {"type": "kvittering", "id": "k1", "at": "2024-04-04", "ref": ["u1", "u9"]})"}),
        {"case.json:9:60: /events/1/ref: event 'kvittering' attribute 'ref': no event has id 'u9'"}, "\"ref\"");
    // Every problem in one round: a value refused and a reference to no event together, each with
    // its pointer; the reference to the event refused for its value (k1) is no second error.
    add("bad_value_and_unknown_ref_in_one_round",
        jdoc({R"(    {"type": "kvittering", "id": "k1", "at": "2024-13-04", "ref": "u1"})",
              R"(    {"type": "tilbagemelding", "id": "t1", "at": "2024-05-01", "ref": "u9"})",
              R"(    {"type": "screening", "id": "s1", "at": "2024-04-05", "ref": "k1"})"}),
        {"case.json:9:40: /events/1/at: event 'kvittering' attribute 'at': '2024-13-04' is not a date",
         "case.json:10:64: /events/2/ref: event 'tilbagemelding' attribute 'ref': no event has id 'u9'"},
        "\"at\"");
    add("party_of_no_one", jdoc({R"(    {"type": "kontakt", "id": "c1", "at": "2024-04-04", "party": "moster"})"}),
        {"case.json:9:57: /events/1/party: event 'kontakt' attribute 'party': no child, party or sibling has id 'moster'"}, "\"party\"");
    add("duplicate_event_id", jdoc({k1, R"(    {"type": "kvittering", "id": "k1", "at": "2024-04-05", "ref": "u1"})"}),
        {"case.json:10:5: /events/2: duplicate id 'k1' (first used at line 9)"}, "{\"type\": \"kvittering\", \"id\": \"k1\", \"at\": \"2024-04-05\"");
    add("too_many_events", jdoc({k1}), {"case.json:9:5: /events/1: more than 1 events in one case (limit)"}, "{\"type\": \"kvittering\"");
    c.back().limits.max_events = 1;

    // ---- keys a pointer must escape, and what it may not show ----
    add("key_with_slash_and_tilde", jdoc({R"(    {"type": "notat", "id": "n1", "at": "2024-05-05", "a/b~c": "x"})"}),
        {"case.json:9:55: /events/1/a~1b~0c: event 'notat' has no attribute 'a/b~c'"}, "\"a/b~c\"");
    add("cpr_in_a_value", jdoc({R"(    {"type": "notat", "id": "n1", "at": "2024-05-05", "topic": "150610-4321"})"}),
        {"case.json:9:55: /events/1/topic: event 'notat' attribute 'topic': looks like a CPR number, which belongs only in the cpr "
         "attribute of the child or a sibling (the value is not shown)"},
        "\"topic\"");
    c.back().absent = {"150610", "4321"};
    add("caseworker_cpr", jdoc({R"(    {"type": "notat", "id": "n1", "at": "2024-05-05", "caseworker": "1506104321"})"}),
        {"case.json:9:55: /events/1/caseworker: event 'notat' attribute 'caseworker': looks like a CPR number, which a caseworker "
         "id (a pseudonym: 1 to 64 letters, digits, '_', '-', '.') may not hold (the value is not shown)"},
        "\"caseworker\"");
    c.back().absent = {"150610", "4321"};
    add("caseworker_a_name", jdoc({R"(    {"type": "notat", "id": "n1", "at": "2024-05-05", "caseworker": "Jens Hansen"})"}),
        {"case.json:9:55: /events/1/caseworker: event 'notat' attribute 'caseworker': has a character other than those allowed at "
         "position 5; a caseworker id is a pseudonym of 1 to 64 letters (A-Z, a-z), digits, '_', '-', '.' (the value is not shown)"},
        "\"caseworker\"");
    c.back().absent = {"Jens", "Hansen"};
    add("caseworker_a_number", jdoc({R"(    {"type": "notat", "id": "n1", "at": "2024-05-05", "caseworker": 17})"}),
        {"case.json:9:55: /events/1/caseworker: event 'notat' attribute 'caseworker': expected a string, not a number"},
        "\"caseworker\"");
    add("goal_names_no_goal", jdoc({R"(    {"type": "maal-status", "id": "gs1", "at": "2024-05-05", "ref": "u1", "goal": "u1", "status": "reached"})"}),
        {"case.json:9:75: /events/1/goal: event 'maal-status' attribute 'goal': event 'u1' is a 'underretning', not a 'maal'"},
        "\"goal\"");
    add("grounds_element_not_a_value",
        jdoc({R"(    {"type": "afgoerelse", "id": "d1", "at": "2024-05-05", "kind": "youth-order", "grounds": ["behaviour", "truancy"]})"}),
        {"case.json:9:83: /events/1/grounds: event 'afgoerelse' attribute 'grounds': 'truancy' is not one of: school-absence, "
         "crime-suspicion, public-insecurity, behaviour, non-cooperation"},
        "\"grounds\"");
    add("cpr_as_a_key", jdoc({R"(    {"type": "notat", "id": "n1", "at": "2024-05-05", "150610-4321": "x"})"}),
        {"case.json:9:55: /events/1/######-####: event 'notat' has no attribute '######-####'"}, "\"150610-4321\"");
    c.back().absent = {"150610", "4321"};
    add("cpr_as_a_number", one_line("\"id\": \"x\", \"child\": {\"cpr\": 1506104321}"),
        {"case.json:1:58: /child/cpr: child attribute 'cpr': expected a string, not a number"}, "\"cpr\"");
    c.back().absent = {"150610", "4321"};
    add("cpr_in_a_syntax_error", one_line("\"id\": \"x\", \"child\": {\"cpr\": 150610-4321}"),
        {"case.json:1:71: /child: not well-formed JSON: unexpected number literal; expected '}'"}, "-4321}");
    c.back().absent = {"150610", "4321"};

    // ---- limits ----
    add("too_big", jdoc(), {"case.json: file of " + std::to_string(jdoc().size()) + " bytes exceeds the limit of 100 bytes"}, std::nullopt);
    c.back().limits.max_file_bytes = 100;
    add("too_deep", jdoc({R"(    {"type": "kvittering", "id": "k1", "at": "2024-04-04", "ref": ["u1"]})"}),
        {"case.json:9:67: /events/1/ref: an array nested more than 3 levels deep (limit)"}, "[\"u1\"]");
    c.back().limits.max_depth = 3;
    add("deep_nesting_under_an_unknown_key", one_line("\"id\": \"x\", \"child\": {}, \"x\": " + std::string(100000, '[') + std::string(100000, ']')),
        {"case.json:1:73: /x/0/0/0/0/0/0: an array nested more than 8 levels deep (limit)"}, "[[[");
    add("value_too_long", one_line("\"id\": \"x\", \"child\": {}, \"unit\": \"" + std::string(5000, 'a') + "\""),
        {"case.json:1:61: /unit: case attribute 'unit': value of 5000 bytes exceeds the limit of 4096 bytes"}, "\"unit\"");
    return c;
}

class BadJson : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadJson, GivesExactlyTheseErrors) {
    const BadCase& bc = GetParam();
    const auto start = std::chrono::steady_clock::now();
    const LoadResult r = load_json(bc.text, bc.limits);
    test::expect_bad_case(bc, r, "case.json", std::chrono::steady_clock::now() - start);
}

INSTANTIATE_TEST_SUITE_P(JsonLoader, BadJson, ::testing::ValuesIn(bad_cases()),
                         [](const ::testing::TestParamInfo<BadCase>& p) { return p.param.name; });

TEST(BadJsonTable, HasManyDistinctInputs) {
    const auto cases = bad_cases();
    std::set<std::string> names;
    for (const BadCase& c : cases) names.insert(c.name);
    EXPECT_EQ(names.size(), cases.size());
    EXPECT_GE(cases.size(), 60u);
}

// Each JSON error carries the code a case system maps (InputError::code, issue 16 item 4): the
// loader's own as XML's are coded, the builder's as the builder codes them.
TEST(BadJsonCodes, AsTheXmlLoaderCodesItsErrors) {
    const std::vector<std::pair<std::string, std::string_view>> cases{
        {"", input_error_code::syntax},
        {"\xEF\xBB\xBF{}", input_error_code::encoding},
        {one_line("\"id\": \"x\",, \"child\": {}"), input_error_code::syntax},
        {"[]", input_error_code::format},
        {"{\"id\": \"x\", \"child\": {}}", input_error_code::format},
        {one_line("\"id\": \"x\", \"child\": {}, \"colour\": 1"), input_error_code::unknown_attribute},
        {one_line("\"id\": \"x\", \"child\": [], \"events\": []"), input_error_code::structure},
        {one_line("\"id\": \"x\", \"child\": {}, \"events\": [], \"events\": []"), input_error_code::duplicate_attribute},
        {one_line("\"id\": 1, \"child\": {}"), input_error_code::invalid_value},
        {one_line("\"id\": \"x\", \"child\": {\"birth-date\": null}"), input_error_code::invalid_value},
        {one_line("\"id\": \"x\", \"child\": {}, \"x\": [[[[[[[[[]]]]]]]]]"), input_error_code::limit},
        {jdoc({R"(    {"type": "kvittering", "id": "k1", "at": "2024-04-04", "ref": "u9"})"}), input_error_code::unknown_ref},
    };
    for (const auto& [text, code] : cases) {
        const LoadResult r = load_json(text);
        ASSERT_FALSE(r.errors.empty()) << text;
        EXPECT_EQ(r.errors.front().code, code) << r.errors.front().to_string();
    }
    const LoadResult refused = load_json(jdoc({R"(    {"type": "kvittering", "id": "k1", "at": 20240404, "ref": "u1"})"}));
    ASSERT_EQ(refused.errors.size(), 1u);
    EXPECT_EQ(refused.errors[0].element, "kvittering");
    EXPECT_EQ(refused.errors[0].attribute, "at");
}

// ---- good documents ----

// The findings of a case as the JSON report gives them, without where the case came from.
std::string findings(const LoadResult& r) {
    static const Engine engine;
    EXPECT_TRUE(r.ok()) << testing::PrintToString(test::messages(r));
    if (!r.ok()) return {};
    std::string json = case_to_json(engine, engine.evaluate(r.kase, engine.calendar().start_of_local_day(local_day(2025, 1, 15))));
    // Positions differ between the forms; so does the source name.
    for (const char* key : {"\"line\":", "\"column\":"})
        for (auto i = json.find(key); i != std::string::npos; i = json.find(key, i + 1)) {
            const auto end = json.find_first_of(",}", i);
            json.replace(i, end - i, std::string(key) + "0");
        }
    const auto source = json.find("\"source\":");
    if (source != std::string::npos) json.erase(source, json.find(',', source) + 1 - source);
    return json;
}

TEST(JsonGood, StandardDocumentLoadsAsItsXmlTwin) {
    const LoadResult j = load_json(jdoc({R"(    {"type": "akutvurdering", "id": "a1", "at": "2024-03-29T09:10", "ref": "u1", "danger": false})"}));
    const LoadResult x = test::load(test::doc({R"(    <akutvurdering id="a1" at="2024-03-29T09:10" ref="u1" danger="false"/>)"}));
    EXPECT_EQ(findings(j), findings(x));
    ASSERT_TRUE(j.ok());
    EXPECT_EQ(j.kase->source(), "case.json");
    EXPECT_EQ(j.kase->id(), "2024-0117");
    // An event is where its object starts.
    EXPECT_EQ(j.kase->events().back().location().line, 9u);
    EXPECT_EQ(j.kase->events().back().location().column, 5u);
}

TEST(JsonGood, KeysInAnyOrderAndValuesAsJsonOrAsText) {
    // "type" last and "format" last, as a serializer sorting its keys writes them; a boolean as
    // text, a count as a number, refs as an array and as text; the $schema key for editors.
    const std::string sorted =
        "{\"$schema\": \"../../schema/case-1.schema.json\", \"child\": {\"birth-date\": \"2015-06-01\", \"id\": \"barn\"},\n"
        " \"events\": [{\"channel\": \"phone\", \"id\": \"u1\", \"received-at\": \"2024-03-28T14:30\", \"type\": \"underretning\"},\n"
        "  {\"at\": \"2024-03-29\", \"danger\": \"true\", \"id\": \"a1\", \"ref\": [\"u1\"], \"type\": \"akutvurdering\"},\n"
        "  {\"at\": \"2024-05-01\", \"id\": \"d1\", \"kind\": \"placement-without-consent\", \"ref\": \"u1 a1\", \"renewal-years-stated\": 3, "
        "\"type\": \"afgoerelse\"}],\n"
        " \"format\": \"urn:barnetslov:case:1\", \"id\": \"2024-0117\"}\n";
    const std::string xml =
        "<case xmlns=\"urn:barnetslov:case:1\" id=\"2024-0117\">\n  <child id=\"barn\" birth-date=\"2015-06-01\"/>\n  <events>\n"
        "    <underretning id=\"u1\" received-at=\"2024-03-28T14:30\" channel=\"phone\"/>\n"
        "    <akutvurdering id=\"a1\" at=\"2024-03-29\" ref=\"u1\" danger=\"true\"/>\n"
        "    <afgoerelse id=\"d1\" at=\"2024-05-01\" kind=\"placement-without-consent\" ref=\"u1 a1\" renewal-years-stated=\"3\"/>\n"
        "  </events>\n</case>\n";
    EXPECT_EQ(findings(load_json(sorted)), findings(test::load(xml)));
}

TEST(JsonGood, UnicodeEscapesAndColumnsInCharacters) {
    // "ø" written raw is one character (two bytes): the column after it counts characters.
    const LoadResult r = load_json(one_line("\"id\": \"s\\u00e6g\", \"unit\": \"Børn\", \"child\": {\"due-date\": \"x\"}"));
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_EQ(r.errors[0].to_string(), "case.json:1:81: /child/due-date: child attribute 'due-date': 'x' is not a date");
    const LoadResult ok = load_json(one_line("\"id\": \"s\\u00e6g\", \"child\": {}"));
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok.kase->id(), "s\xC3\xA6g");
}

TEST(JsonGood, CallersBufferIsNotModifiedAndAFileLoads) {
    const std::string text = jdoc();
    const std::string copy = text;
    EXPECT_TRUE(load_json(text).ok());
    EXPECT_EQ(text, copy);
    const auto path = std::filesystem::temp_directory_path() / ("barnetslov-json-" + std::to_string(::getpid()) + ".json");
    std::ofstream(path, std::ios::binary) << text;
    const LoadResult r = load_case_json_file(path, test::calendar());
    std::filesystem::remove(path);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.kase->source(), path.string());
    const LoadResult missing = load_case_json_file(path, test::calendar());
    ASSERT_EQ(missing.errors.size(), 1u);
    EXPECT_EQ(missing.errors[0].to_string(), path.string() + ": cannot open the file: it does not exist");
}

TEST(JsonGood, OneLongLineIsFast) {
    // 20,000 events on one line: positions are counted forward, never from the start again.
    std::string line = "{\"format\": \"urn:barnetslov:case:1\", \"id\": \"x\", \"child\": {}, \"events\": [";
    for (int i = 0; i < 20000; ++i)
        line += (i ? ", " : "") + std::string("{\"type\": \"notat\", \"id\": \"n") + std::to_string(i) + "\", \"at\": \"2024-05-05\"}";
    line += ", {\"type\": \"notat\", \"id\": \"n0\", \"at\": \"2024-05-05\"}]}";
    const auto start = std::chrono::steady_clock::now();
    const LoadResult r = load_json(line);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
    ASSERT_EQ(r.errors.size(), 1u);
    const std::string last = "{\"type\": \"notat\", \"id\": \"n0\", \"at\": \"2024-05-05\"}]}";
    EXPECT_EQ(r.errors[0].to_string(),
              "case.json:1:" + std::to_string(line.size() - last.size() + 1) + ": /events/20000: duplicate id 'n0' (first used at line 1)");
}

// ---- JSON Lines ----

std::vector<std::string> lines_messages(std::string_view data, const Limits& limits = {}) {
    std::vector<std::string> out;
    load_cases_json_lines_buffer(data, "batch.jsonl", test::calendar(), [&](LoadResult&& r) {
        if (r.ok()) out.push_back("case " + r.kase->id());
        for (const InputError& e : r.errors) out.push_back(e.to_string());
        return true;
    }, limits);
    return out;
}

std::string case_line(std::string_view id, std::string_view at = "2024-04-04") {
    return "{\"format\": \"urn:barnetslov:case:1\", \"id\": \"" + std::string(id) +
           "\", \"child\": {}, \"events\": [{\"type\": \"notat\", \"id\": \"n1\", \"at\": \"" + std::string(at) + "\"}]}";
}

TEST(JsonLines, EachLineACaseErrorsOnTheFilesLines) {
    const std::string data = case_line("a") + "\n\n   \n" + case_line("b", "2024-13-01") + "\r\n" + case_line("c") + "\n{oops\n" + case_line("d");
    EXPECT_EQ(lines_messages(data), (std::vector<std::string>{
                                        "case a",
                                        "batch.jsonl:4:102: /events/0/at: event 'notat' attribute 'at': '2024-13-01' is not a date",
                                        "case c",
                                        "batch.jsonl:6:2: not well-formed JSON: invalid literal",
                                        "case d",
                                    }));
}

TEST(JsonLines, LimitsApplyToEachLine) {
    Limits limits;
    limits.max_file_bytes = 150;
    const std::string data = case_line("a") + "\n" + case_line("b") + std::string(200, ' ') + "\n";
    EXPECT_EQ(lines_messages(data, limits),
              (std::vector<std::string>{"case a", "batch.jsonl:2:1: line of " + std::to_string(case_line("b").size() + 200) +
                                                      " bytes exceeds the limit of 150 bytes"}));
}

TEST(JsonLines, NoCaseIsAnError) {
    EXPECT_EQ(lines_messages(""), std::vector<std::string>{"batch.jsonl: the file is empty (no line holds a case)"});
    EXPECT_EQ(lines_messages("\n \r\n\t\n"), std::vector<std::string>{"batch.jsonl: the file is empty (no line holds a case)"});
}

TEST(JsonLines, AFileIndexedThenLoadedLineByLine) {
    const auto path = std::filesystem::temp_directory_path() / ("barnetslov-jsonl-" + std::to_string(::getpid()) + ".jsonl");
    std::ofstream(path, std::ios::binary) << "\n" << case_line("a") << "\n" << case_line("b", "x") << "\n\n" << case_line("c");
    const JsonLinesIndex index = index_json_lines(path);
    EXPECT_TRUE(index.errors.empty());
    ASSERT_EQ(index.lines.size(), 3u);
    EXPECT_EQ(index.lines[0].number, 2u);
    EXPECT_EQ(index.lines[1].number, 3u);
    EXPECT_EQ(index.lines[2].number, 5u);
    EXPECT_EQ(index.lines[2].size, case_line("c").size());
    const LoadResult b = load_json_line(path, index.lines[1], test::calendar());
    ASSERT_EQ(b.errors.size(), 1u);
    EXPECT_EQ(b.errors[0].to_string(), path.string() + ":3:102: /events/0/at: event 'notat' attribute 'at': 'x' is not a date");
    std::vector<std::string> ids;
    load_cases_json_lines_file(path, test::calendar(), [&](LoadResult&& r) {
        ids.push_back(r.ok() ? r.kase->id() : "error");
        return ids.size() < 2;  // stops after two
    });
    EXPECT_EQ(ids, (std::vector<std::string>{"a", "error"}));
    std::filesystem::remove(path);
    const JsonLinesIndex gone = index_json_lines(path);
    EXPECT_TRUE(gone.lines.empty());
    ASSERT_EQ(gone.errors.size(), 1u);
    EXPECT_EQ(gone.errors[0].to_string(), path.string() + ": cannot open the file: it does not exist");
}

TEST(CaseFileForm, ByExtensionInAnyCase) {
    EXPECT_EQ(case_file_form("a/b.json"), CaseFileForm::json);
    EXPECT_EQ(case_file_form("B.JSON"), CaseFileForm::json);
    EXPECT_EQ(case_file_form("batch.JsonL"), CaseFileForm::json_lines);
    EXPECT_EQ(case_file_form("case.xml"), CaseFileForm::xml);
    EXPECT_EQ(case_file_form("case"), CaseFileForm::xml);
    EXPECT_EQ(case_file_form(".json"), CaseFileForm::xml);  // a hidden file's name, no extension
}

}  // namespace
