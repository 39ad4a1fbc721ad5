// The rule catalog, as `barnetslov rules`, `barnetslov explain` and docs/rules.md show it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace barnetslov {
class Rulebook;
struct RuleMeta;
}

namespace barnetslov::cli {

struct RulesQuery {
    std::string chapter;  // empty: all
    char part = 0;        // 'A', 'B', or 0 for both
};

std::string rules_text(const Rulebook& book, const RulesQuery& q);
std::string rules_json(const Rulebook& book, const RulesQuery& q);
std::string rules_markdown(const Rulebook& book);
// The explanation of one rule id, or nullopt when the catalog has no such id.
std::optional<std::string> explain(const Rulebook& book, std::string_view id);
// The part of an explanation an implemented rule's metadata gives: titles, counting, the reading
// and its confidence, what the December 2026 review changed, versions, example.
std::string explain_implemented(const RuleMeta& m);

}  // namespace barnetslov::cli
