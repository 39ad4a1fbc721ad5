// The XSD of XML case files and the element reference of schema/README.md, generated from the
// vocabulary tables (`barnetslov schema xsd`, `barnetslov schema reference`).
#include "barnetslov/schema.hpp"

#include <iterator>

#include <fmt/format.h>

#include "barnetslov/echo.hpp"
#include "barnetslov/vocabulary.hpp"
#include "schema/value_types.hpp"

namespace barnetslov {

namespace {

std::string_view xsd_type(ValueType t) {
    switch (t) {
        case ValueType::moment: return "bl:moment";
        case ValueType::date: return "bl:date";
        case ValueType::boolean: return "bl:boolean";
        case ValueType::integer: return "bl:count";
        case ValueType::text: return "xs:string";
        case ValueType::id_refs: return "bl:idrefs";
        case ValueType::party_ref: return "bl:id";
        case ValueType::enumeration: return "";
        case ValueType::enumeration_list: return "";
        case ValueType::pseudonym: return "bl:pseudonym";
        case ValueType::event_ref: return "bl:id";
    }
    return "";
}

std::string_view xsd_type(CaseAttrType t) {
    switch (t) {
        case CaseAttrType::text: return "xs:string";
        case CaseAttrType::id: return "bl:id";
        case CaseAttrType::date: return "bl:date";
        case CaseAttrType::cpr: return "bl:cpr";
        case CaseAttrType::boolean: return "bl:boolean";
        case CaseAttrType::enumeration: return "";
    }
    return "";
}

std::string_view doc_type(ValueType t) {
    switch (t) {
        case ValueType::moment: return "date or timestamp";
        case ValueType::date: return "date";
        case ValueType::boolean: return "true / false";
        case ValueType::integer: return "whole number";
        case ValueType::text: return "text";
        case ValueType::id_refs: return "event ids";
        case ValueType::party_ref: return "person id";
        case ValueType::enumeration: return "one of";
        case ValueType::enumeration_list: return "one or more of";
        case ValueType::pseudonym: return "pseudonym";
        case ValueType::event_ref: return "event id";
    }
    return "";
}

// One xs:attribute, `indent` spaces in; an enumeration as an inline simple type. `use`: "required",
// "optional" or "" (the default, optional, left unsaid).
void attribute_xsd(std::string& out, std::size_t indent, std::string_view name, std::string_view type, std::string_view use_value,
                   std::span<const Value> values, bool list = false) {
    const std::string pad(indent, ' ');
    const std::string use = use_value.empty() ? "" : fmt::format(" use=\"{}\"", use_value);
    if (!type.empty()) {
        fmt::format_to(std::back_inserter(out), "{}<xs:attribute name=\"{}\" type=\"{}\"{}/>\n", pad, name, type, use);
        return;
    }
    if (list) {
        // One or more of the values, space separated: a list of the enumeration, not empty.
        fmt::format_to(std::back_inserter(out),
                       "{0}<xs:attribute name=\"{1}\"{2}>\n{0}  <xs:simpleType>\n{0}    <xs:restriction>\n{0}      <xs:simpleType>\n"
                       "{0}        <xs:list>\n{0}          <xs:simpleType>\n{0}            <xs:restriction base=\"xs:string\">\n",
                       pad, name, use);
        for (Value v : values) fmt::format_to(std::back_inserter(out), "{}              <xs:enumeration value=\"{}\"/>\n", pad, value_name(v));
        fmt::format_to(std::back_inserter(out),
                       "{0}            </xs:restriction>\n{0}          </xs:simpleType>\n{0}        </xs:list>\n{0}      </xs:simpleType>\n"
                       "{0}      <xs:minLength value=\"1\"/>\n{0}    </xs:restriction>\n{0}  </xs:simpleType>\n{0}</xs:attribute>\n",
                       pad);
        return;
    }
    fmt::format_to(std::back_inserter(out), "{0}<xs:attribute name=\"{1}\"{2}>\n{0}  <xs:simpleType>\n{0}    <xs:restriction base=\"xs:string\">\n",
                   pad, name, use);
    for (Value v : values) fmt::format_to(std::back_inserter(out), "{}      <xs:enumeration value=\"{}\"/>\n", pad, value_name(v));
    fmt::format_to(std::back_inserter(out), "{0}    </xs:restriction>\n{0}  </xs:simpleType>\n{0}</xs:attribute>\n", pad);
}

// The child, party or sibling element inside the case's sequence.
void person_xsd(std::string& out, std::size_t indent, const CaseElementSpec& e) {
    const std::string pad(indent, ' ');
    fmt::format_to(std::back_inserter(out), "{0}<xs:element name=\"{1}\">\n{0}  <xs:complexType>\n", pad, e.element);
    for (const CaseAttrSpec& a : e.attrs) attribute_xsd(out, indent + 4, a.name, xsd_type(a.type), a.required ? "required" : "", a.values);
    fmt::format_to(std::back_inserter(out), "{0}    <xs:anyAttribute namespace=\"##other\" processContents=\"lax\"/>\n{0}  </xs:complexType>\n{0}</xs:element>\n",
                   pad);
}

}  // namespace

std::string case_xsd() {
    using namespace schema;
    std::string out = fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- Case-file format {0}. Generated by `barnetslov schema xsd` from the vocabulary table
     (src/case/vocabulary.cpp); do not edit by hand. The loader checks more than this schema can
     (references between ids, DST gaps, CPR numbers); a file valid here may still be refused there,
     never the other way round. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:bl="{0}" targetNamespace="{0}"
           elementFormDefault="qualified" attributeFormDefault="unqualified">

  <xs:simpleType name="moment">
    <xs:annotation><xs:documentation>A date (a local day in Copenhagen), or a date and time: without an offset it is Copenhagen time.</xs:documentation></xs:annotation>
    <xs:restriction base="xs:string">
      <xs:pattern value="{1}"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="date">
    <xs:restriction base="xs:string"><xs:pattern value="{2}"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="boolean">
    <xs:restriction base="xs:string"><xs:enumeration value="true"/><xs:enumeration value="false"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="count">
    <xs:restriction base="xs:nonNegativeInteger"><xs:maxInclusive value="999999999"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="id">
    <xs:restriction base="xs:string"><xs:pattern value="{3}"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="idrefs">
    <xs:restriction>
      <xs:simpleType><xs:list itemType="bl:id"/></xs:simpleType>
      <xs:minLength value="1"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="cpr">
    <xs:restriction base="xs:string"><xs:pattern value="{4}"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="pseudonym">
    <xs:restriction base="xs:string"><xs:pattern value="{5}"/></xs:restriction>
  </xs:simpleType>

  <xs:element name="case">
    <xs:complexType>
      <xs:sequence>
)", case_namespace_v1, moment_type.pattern, date_type.pattern, id_type.pattern, cpr_type.pattern,
                                  pseudonym_type.pattern);
    person_xsd(out, 8, case_element_spec("child"));
    out += "        <xs:choice minOccurs=\"0\" maxOccurs=\"unbounded\">\n";
    person_xsd(out, 10, case_element_spec("party"));
    person_xsd(out, 10, case_element_spec("sibling"));
    out += R"(        </xs:choice>
        <xs:element name="events" minOccurs="0">
          <xs:complexType>
            <xs:choice minOccurs="0" maxOccurs="unbounded">
)";
    for (const EventSpec& e : event_specs()) fmt::format_to(std::back_inserter(out), "              <xs:element ref=\"bl:{}\"/>\n", e.element);
    out += R"(            </xs:choice>
            <xs:anyAttribute namespace="##other" processContents="lax"/>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
)";
    for (const CaseAttrSpec& a : case_element_spec("case").attrs) attribute_xsd(out, 6, a.name, xsd_type(a.type), a.required ? "required" : "", a.values);
    out += R"(      <xs:anyAttribute namespace="##other" processContents="lax"/>
    </xs:complexType>
  </xs:element>
)";
    for (const EventSpec& e : event_specs()) {
        fmt::format_to(std::back_inserter(out),
                       "\n  <xs:element name=\"{}\">\n    <xs:annotation><xs:documentation>{}</xs:documentation></xs:annotation>\n"
                       "    <xs:complexType>\n      <xs:attribute name=\"id\" type=\"bl:id\" use=\"required\"/>\n",
                       e.element, markup_escape(e.doc));
        for (const AttrSpec& a : e.attrs)
            attribute_xsd(out, 6, attr_name(a.attr), xsd_type(a.type), a.required ? "required" : "optional", a.values,
                          a.type == ValueType::enumeration_list);
        out += "      <xs:anyAttribute namespace=\"##other\" processContents=\"lax\"/>\n    </xs:complexType>\n  </xs:element>\n";
    }
    out += "</xs:schema>\n";
    return out;
}

std::string case_reference() {
    std::string out;
    auto it = std::back_inserter(out);
    fmt::format_to(it, "| element | English | Danish |\n|---|---|---|\n");
    for (const EventSpec& e : event_specs()) fmt::format_to(it, "| [`{0}`](#{0}) | {1} | {2} |\n", e.element, e.title_en, e.title_da);
    for (const EventSpec& e : event_specs()) {
        fmt::format_to(it, "\n### {}\n\n**{}** — *{}*. {}\n\n| attribute | type | required | meaning |\n|---|---|---|---|\n",
                       e.element, e.title_en, e.title_da, e.doc);
        fmt::format_to(it, "| `id` | id | yes | unique in the case; other events name it in `ref` |\n");
        for (const AttrSpec& a : e.attrs) {
            std::string type(doc_type(a.type));
            if (a.type == ValueType::enumeration || a.type == ValueType::enumeration_list) {
                type += ": ";
                for (std::size_t i = 0; i < a.values.size(); ++i) type += fmt::format("{}`{}`", i ? ", " : "", value_name(a.values[i]));
            }
            const bool primary = a.attr == e.primary;
            fmt::format_to(it, "| `{}` | {} | {} | {}{} |\n", attr_name(a.attr), type, a.required ? "yes" : "no", a.doc,
                           primary ? " (dates the event on the timeline)" : "");
        }
        fmt::format_to(it, "\n```xml\n{}\n```\n", e.example);
    }
    return out;
}

}  // namespace barnetslov
