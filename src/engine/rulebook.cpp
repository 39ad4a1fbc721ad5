#include "barnetslov/engine.hpp"

namespace barnetslov {

namespace rules {
#define RULE(factory) const Rule& factory();
#include "rules/rules.def"
#undef RULE
}  // namespace rules

Rulebook Rulebook::standard() {
    Rulebook b;
    b.rules_ = {
#define RULE(factory) &rules::factory(),
#include "rules/rules.def"
#undef RULE
    };
    return b;
}

const Rule* Rulebook::find(std::string_view id) const {
    const auto i = index_of(id);
    return i ? rules_[*i] : nullptr;
}

std::optional<std::uint16_t> Rulebook::index_of(std::string_view id) const {
    for (std::size_t i = 0; i < rules_.size(); ++i)
        if (rules_[i]->meta().id == id) return static_cast<std::uint16_t>(i);
    return std::nullopt;
}

}  // namespace barnetslov
