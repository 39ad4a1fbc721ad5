// The value types of the vocabulary as the descriptions of the format name them: one name and
// one pattern each, shared by the XSD, the JSON Schema and the vocabulary JSON.
#pragma once

#include <string_view>

#include "barnetslov/vocabulary.hpp"

namespace barnetslov::schema {

struct TypeInfo {
    std::string_view name;     // "moment"; the JSON Schema's $defs and the vocabulary JSON use it
    std::string_view pattern;  // of the text, without anchors, in the common part of XSD and ECMA-262 regexes; "" for none
    std::string_view doc;
};

// Digits are [0-9], not \d, which in XSD and in some regex engines matches any Unicode digit.
inline constexpr TypeInfo moment_type{"moment",
                                      "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+\\-][0-9]{2}:[0-9]{2})?)?",
                                      "a date (a local day in Copenhagen), or a date and time: Copenhagen time without an offset"};
inline constexpr TypeInfo date_type{"date", "[0-9]{4}-[0-9]{2}-[0-9]{2}", "a date, YYYY-MM-DD"};
inline constexpr TypeInfo boolean_type{"boolean", "true|false", "true or false"};
inline constexpr TypeInfo count_type{"count", "[0-9]{1,9}", "a whole number from 0 to 999999999"};
inline constexpr TypeInfo text_type{"text", "", "free text"};
inline constexpr TypeInfo id_type{"id", "[A-Za-z0-9_.:\\-]{1,64}", "an id: 1 to 64 letters, digits, '-', '_', '.', ':'"};
inline constexpr TypeInfo event_refs_type{"event-refs", "",
                                          "the ids of one or more events of the case (in XML separated by spaces; in JSON also an array)"};
inline constexpr TypeInfo person_ref_type{"person-ref", "", "the id of the child, a party or a sibling"};
inline constexpr TypeInfo cpr_type{"cpr", "[0-9]{6}-?[0-9]{4}", "a CPR number, DDMMYY-SSSS or DDMMYYSSSS; never shown"};
inline constexpr TypeInfo enumeration_type{"enumeration", "", "one of the values listed with the attribute"};
inline constexpr TypeInfo enumeration_list_type{"enumeration-list", "",
                                                "one or more of the values listed with the attribute (in XML separated by spaces; in "
                                                "JSON also an array)"};
inline constexpr TypeInfo pseudonym_type{"pseudonym", "[A-Za-z0-9_.\\-]{1,64}",
                                         "a pseudonymous id: 1 to 64 letters, digits, '_', '-', '.'; never a CPR number"};
inline constexpr TypeInfo event_ref_type{"event-ref", "", "the id of one event of the case, of the type the attribute names"};

inline constexpr TypeInfo all_types[] = {moment_type, date_type, boolean_type, count_type, text_type, id_type,
                                         event_refs_type, person_ref_type, cpr_type, enumeration_type,
                                         enumeration_list_type, pseudonym_type, event_ref_type};

inline const TypeInfo& type_info(ValueType t) {
    switch (t) {
        case ValueType::moment: return moment_type;
        case ValueType::date: return date_type;
        case ValueType::boolean: return boolean_type;
        case ValueType::integer: return count_type;
        case ValueType::text: return text_type;
        case ValueType::id_refs: return event_refs_type;
        case ValueType::party_ref: return person_ref_type;
        case ValueType::enumeration: return enumeration_type;
        case ValueType::enumeration_list: return enumeration_list_type;
        case ValueType::pseudonym: return pseudonym_type;
        case ValueType::event_ref: return event_ref_type;
    }
    return text_type;
}

inline const TypeInfo& type_info(CaseAttrType t) {
    switch (t) {
        case CaseAttrType::text: return text_type;
        case CaseAttrType::id: return id_type;
        case CaseAttrType::date: return date_type;
        case CaseAttrType::cpr: return cpr_type;
        case CaseAttrType::boolean: return boolean_type;
        case CaseAttrType::enumeration: return enumeration_type;
    }
    return text_type;
}

}  // namespace barnetslov::schema
