// Every rule id of the law catalog (../shared/law/), and what this library does with it:
// implemented (a Rule in the standard rulebook), informational (no finding can be given, and
// why), an alias of another id, or planned (not implemented yet). No id is silently missing:
// a test compares this list with the catalog files. "Implemented" is derived from the standard
// rulebook, so adding a rule changes no entry.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace barnetslov {

enum class Disposition : unsigned char { implemented, informational, alias, planned };

struct CatalogEntry {
    std::string_view id;
    char part;                   // 'A', 'B' or 'C'
    std::string_view chapter;    // notifications, investigation, involvement, plans, decisions,
                                 // placement, contact, supervision, aftercare, transition; part C adds
                                 // support-persons, parents, network, special-procedures,
                                 // foster-care, statistics
    std::string_view section;    // as the catalog's index gives it
    std::string_view predecessor;
    std::string_view confidence; // the catalog's marker, verbatim
    Disposition disposition;
    std::string_view note;       // informational: why; alias: the id it stands for; planned: what it will check
};

[[nodiscard]] std::span<const CatalogEntry> catalog();
[[nodiscard]] const CatalogEntry* find_catalog_entry(std::string_view id);
[[nodiscard]] std::string_view to_string(Disposition d);

}  // namespace barnetslov
