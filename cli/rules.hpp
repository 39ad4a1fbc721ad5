// The rule catalog, as `barnetslov rules`, `barnetslov explain` and docs/rules.md show it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace barnetslov {
class Rulebook;
struct RuleMeta;
struct CatalogEntry;
}

namespace barnetslov::cli {

struct RulesQuery {
    std::string chapter;  // empty: all
    char part = 0;        // 'A', 'B', 'C', or 0 for all three
};

std::string rules_text(const Rulebook& book, const RulesQuery& q);
std::string rules_json(const Rulebook& book, const RulesQuery& q);
std::string rules_markdown(const Rulebook& book);
// The catalog entry of a rule id as a user typed it: letter case does not matter (bl-und-24h is
// BL-UND-24H). Nullptr when the catalog has no such id.
const CatalogEntry* find_rule_id(std::string_view typed);
// What to say of an id the catalog does not have: `no rule "X" in the catalog`, then up to three
// catalog ids (any disposition) nearest by edit distance as "did you mean A, B or C?", when any is near.
std::string unknown_rule(std::string_view typed);
// The chapters of the catalog, each once, in the catalog's order: what `rules --chapter` takes.
std::vector<std::string_view> chapters();
// The explanation of one rule id (any letter case), or nullopt when the catalog has no such id.
std::optional<std::string> explain(const Rulebook& book, std::string_view id);
// The part of an explanation an implemented rule's metadata gives: titles, counting, the reading
// and its confidence, what the December 2026 review changed, versions, example.
std::string explain_implemented(const RuleMeta& m);

}  // namespace barnetslov::cli
