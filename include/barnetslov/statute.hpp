// The statute behind each implemented rule, as read in December 2026: which source was read, what
// it confirmed, and where it conflicts with the rule's reading or the catalog's marker
// (../shared/law/statute-notes.md; the law README's "Readings settled after the statute and
// authority review" holds where the two differ).
//
// Each rule's record is beside it, in its source file (RuleMeta::statute): reading the statute is part
// of writing the rule. tests/statute_test.cpp checks every rule has one naming it, and that no
// paragraph the statute notes list as not found is recorded as read.
#pragma once

#include <span>
#include <string_view>

namespace barnetslov {

struct StatuteRecord {
    std::string_view rule;  // "BL-UND-24H"
    // Paragraphs as "§ 5 stk. 3", "§ 47 stk. 1-2", "§§ 113-116", "forvaltningsloven § 22", "RSL § 66";
    // several, or several stk. of one paragraph, are separated by "; ". A paragraph without a law is
    // barnets lov (LBK 282 af 17/03/2025). The fields with a default may be left out of a record.
    std::string_view read{};       // whose current text was read; empty when none was
    std::string_view not_found{};  // that the rule rests on and whose current text could not be read
    std::string_view source;       // the address of each text read; for what was not found, "not found" and the best secondary source
    std::string_view noted_in;     // where the reading is written down: statute-notes.md, the part C catalog, or the issue 14 lookup
    std::string_view read_on;      // "December 2026"
    std::string_view confirms;     // what the source confirmed, paraphrased (never quoted at length)
    std::string_view conflict{};   // where the text contradicts the rule's reading or the catalog's marker; empty when it does not
};

enum class StatuteCheck : unsigned char { read, partly_read, not_found };

// The records of the standard rulebook's rules, in its order.
[[nodiscard]] std::span<const StatuteRecord> statute_records();
// The record of the standard rulebook's rule `rule`; nullptr for an id it does not implement.
[[nodiscard]] const StatuteRecord* find_statute_record(std::string_view rule);
// read: every paragraph the record names was read; not_found: none was; partly_read: some were.
[[nodiscard]] StatuteCheck statute_check(const StatuteRecord& r);
[[nodiscard]] std::string_view to_string(StatuteCheck c);  // "read", "partly read", "not found"

}  // namespace barnetslov
