// The JSON Schema of JSON case files and the vocabulary as JSON, generated from the vocabulary
// tables (`barnetslov schema json-schema`, `barnetslov schema vocabulary`). Keys are written in a
// fixed order (ordered_json), so the same vocabulary always gives the same bytes.
#include "barnetslov/schema.hpp"

#include <string>

#include <nlohmann/json.hpp>

#include "barnetslov/vocabulary.hpp"
#include "schema/value_types.hpp"

namespace barnetslov {

namespace {

using Json = nlohmann::ordered_json;
using namespace schema;

Json value_list(std::span<const Value> values) {
    Json out = Json::array();
    for (Value v : values) out.push_back(value_name(v));
    return out;
}

std::string anchored(std::string_view pattern) { return "^(" + std::string(pattern) + ")$"; }

// ---- the vocabulary ----

Json attribute(std::string_view name, const TypeInfo& type, bool required, std::span<const Value> values, std::string_view doc) {
    Json a = {{"name", name}, {"type", type.name}, {"required", required}};
    if (!values.empty()) a["values"] = value_list(values);
    a["description"] = doc;
    return a;
}

Json value_types() {
    Json out = Json::object();
    for (const TypeInfo& t : all_types) {
        Json j = {{"description", t.doc}};
        if (!t.pattern.empty()) j["pattern"] = anchored(t.pattern);
        // What a JSON case file may give besides a string, which every type takes.
        if (t.name == boolean_type.name) j["json"] = {"string", "boolean"};
        else if (t.name == count_type.name) j["json"] = {"string", "integer"};
        else if (t.name == event_refs_type.name || t.name == enumeration_list_type.name) j["json"] = {"string", "array of strings"};
        else j["json"] = {"string"};
        out[std::string(t.name)] = std::move(j);
    }
    return out;
}

// Where each element of the XML lives in a JSON case file, as a JSON pointer (* for any index).
std::string_view json_place(std::string_view element) {
    if (element == "case") return "";
    if (element == "child") return "/child";
    if (element == "party") return "/parties/*";
    return "/siblings/*";
}

// ---- the JSON Schema ----

Json def_ref(std::string_view def) { return {{"$ref", "#/$defs/" + std::string(def)}}; }

// The schema of a value of `type`: a string of its pattern, or what JSON may give instead.
Json value_schema(const TypeInfo& type, std::span<const Value> values) {
    if (type.name == enumeration_type.name) return {{"enum", value_list(values)}};
    if (type.name == enumeration_list_type.name) {
        // As XML gives it, values separated by spaces, or an array of them.
        std::string one = "(";
        for (std::size_t i = 0; i < values.size(); ++i) (one += i ? "|" : "") += value_name(values[i]);
        one += ")";
        return {{"anyOf", {{{"type", "string"}, {"pattern", "^ *" + one + "( +" + one + ")* *$"}},
                           {{"type", "array"}, {"minItems", 1}, {"items", {{"enum", value_list(values)}}}}}}};
    }
    return def_ref(type.name);
}

Json type_defs() {
    Json defs = Json::object();
    for (const TypeInfo& t : all_types) {
        if (t.name == enumeration_type.name || t.name == enumeration_list_type.name) continue;  // inline at each attribute: its values differ
        Json text = {{"type", "string"}};
        if (!t.pattern.empty()) text["pattern"] = anchored(t.pattern);
        Json d = {{"description", t.doc}};
        if (t.name == boolean_type.name) {
            d["anyOf"] = {{{"type", "boolean"}}, text};
        } else if (t.name == count_type.name) {
            d["anyOf"] = {{{"type", "integer"}, {"minimum", 0}, {"maximum", 999999999}}, text};
        } else if (t.name == event_refs_type.name) {
            // A string of ids separated by spaces, as in XML, or an array of them.
            text["pattern"] = "^ *" + std::string(id_type.pattern) + "( +" + std::string(id_type.pattern) + ")* *$";
            d["anyOf"] = {text, {{"type", "array"}, {"minItems", 1}, {"items", def_ref(id_type.name)}}};
        } else if (t.name == person_ref_type.name || t.name == event_ref_type.name) {
            d["$ref"] = "#/$defs/id";
        } else {
            d.update(text);
        }
        defs[std::string(t.name)] = std::move(d);
    }
    return defs;
}

Json element_schema(const CaseElementSpec& e) {
    Json properties = Json::object(), required = Json::array();
    for (const CaseAttrSpec& a : e.attrs) {
        properties[std::string(a.name)] = value_schema(type_info(a.type), a.values);
        if (a.required) required.push_back(a.name);
    }
    Json s = {{"description", e.doc}, {"type", "object"}};
    if (!required.empty()) s["required"] = required;
    s["properties"] = properties;
    s["additionalProperties"] = false;
    return s;
}

std::string event_def(const EventSpec& e) { return "event-" + std::string(e.element); }

Json event_schema(const EventSpec& e) {
    Json properties = {{"type", {{"const", e.element}}}, {"id", def_ref(id_type.name)}};
    Json required = {"type", "id"};
    for (const AttrSpec& a : e.attrs) {
        properties[std::string(attr_name(a.attr))] = value_schema(type_info(a.type), a.values);
        if (a.required) required.push_back(attr_name(a.attr));
    }
    return {{"title", e.title_en}, {"description", e.doc}, {"type", "object"}, {"required", required},
            {"properties", properties}, {"additionalProperties", false}};
}

}  // namespace

std::string vocabulary_json() {
    Json elements = Json::array();
    for (const CaseElementSpec& e : case_element_specs()) {
        Json attrs = Json::array();
        for (const CaseAttrSpec& a : e.attrs) attrs.push_back(attribute(a.name, type_info(a.type), a.required, a.values, a.doc));
        elements.push_back({{"element", e.element}, {"json-pointer", json_place(e.element)}, {"description", e.doc}, {"attributes", attrs}});
    }
    Json events = Json::array();
    for (const EventSpec& e : event_specs()) {
        Json attrs = Json::array();
        attrs.push_back(attribute("id", id_type, true, {}, "unique in the case; other events name it in ref"));
        for (const AttrSpec& a : e.attrs) attrs.push_back(attribute(attr_name(a.attr), type_info(a.type), a.required, a.values, a.doc));
        events.push_back({{"element", e.element}, {"title-en", e.title_en}, {"title-da", e.title_da}, {"description", e.doc},
                          {"dated-by", attr_name(e.primary)}, {"attributes", attrs}, {"example-xml", e.example}});
    }
    const Json doc = {
        {"format", case_namespace_v1},
        {"description", "The vocabulary of barnetslov case files, generated from the library's vocabulary table by "
                        "`barnetslov schema vocabulary`. Elements, attributes and values are the same in XML (elements and "
                        "attributes) and JSON (objects and keys; an event's element name is its \"type\")."},
        {"value-types", value_types()},
        {"elements", elements},
        {"json-events-pointer", "/events/*"},
        {"events", events},
    };
    return doc.dump(2) + "\n";
}

std::string case_json_schema() {
    Json defs = type_defs();
    Json one_of_types = Json::array();
    Json dispatch = Json::array();
    for (const EventSpec& e : event_specs()) {
        one_of_types.push_back(e.element);
        dispatch.push_back({{"if", {{"properties", {{"type", {{"const", e.element}}}}}}}, {"then", def_ref(event_def(e))}});
    }
    for (const CaseElementSpec& e : case_element_specs())
        if (e.element != "case") defs[std::string(e.element)] = element_schema(e);
    // An event names its type, then is checked by that type's schema (if/then: a validator's
    // messages then speak of the one type, not of all of them).
    defs["event"] = {{"type", "object"}, {"required", {"type"}}, {"properties", {{"type", {{"enum", one_of_types}}}}}, {"allOf", dispatch}};
    for (const EventSpec& e : event_specs()) defs[event_def(e)] = event_schema(e);

    const CaseElementSpec& kase = case_element_spec("case");
    Json properties = {{"$schema", {{"type", "string"}, {"description", "where an editor may find this schema; not read"}}},
                       {"format", {{"const", case_namespace_v1}}}};
    Json required = {"format"};
    for (const CaseAttrSpec& a : kase.attrs) {
        Json p = value_schema(type_info(a.type), a.values);
        if (a.name == "id") p = {{"type", "string"}, {"minLength", 1}};  // text, but the builder refuses an empty case id
        properties[std::string(a.name)] = p;
        if (a.required) required.push_back(a.name);
    }
    required.push_back("child");
    properties["child"] = def_ref("child");
    properties["parties"] = {{"type", "array"}, {"items", def_ref("party")}};
    properties["siblings"] = {{"type", "array"}, {"items", def_ref("sibling")}};
    properties["events"] = {{"type", "array"}, {"items", def_ref("event")}};
    const Json doc = {
        {"$schema", "https://json-schema.org/draft/2020-12/schema"},
        {"title", "barnetslov case file (JSON), format " + std::string(case_namespace_v1)},
        {"description", "One child's case as a JSON document: the same vocabulary as the XML format, attributes as keys, each event "
                        "an object whose \"type\" is its element name. Generated by `barnetslov schema json-schema` from the "
                        "vocabulary table; do not edit by hand. The loader checks more than this schema can (references between "
                        "ids, DST gaps, CPR numbers, duplicate keys); a file valid here may still be refused there, never the "
                        "other way round."},
        {"type", "object"},
        {"required", required},
        {"properties", properties},
        {"additionalProperties", false},
        {"$defs", defs},
    };
    return doc.dump(2) + "\n";
}

}  // namespace barnetslov
