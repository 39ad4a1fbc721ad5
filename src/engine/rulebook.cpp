#include "barnetslov/engine.hpp"

#include <algorithm>

#include "engine/deadline.hpp"

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

std::vector<const Reason*> Rulebook::reasons() const {
    const auto general = general_reasons();
    std::vector<const Reason*> all(general.begin(), general.end());
    for (const Rule* r : rules_)
        for (const Reason* reason : r->meta().reasons)
            if (std::find(all.begin(), all.end(), reason) == all.end()) all.push_back(reason);
    return all;
}

std::span<const Reason* const> general_reasons() {
    static constexpr const Reason* general[] = {&reasons::done_in_time, &reasons::done_late,     &reasons::overdue,    &reasons::due_ahead,
                                                &reasons::order_unknown, &reasons::inconsistent_dates, &reasons::before_rule};
    return general;
}

}  // namespace barnetslov
