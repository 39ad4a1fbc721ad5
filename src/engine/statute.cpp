// What reading the statute in December 2026 showed for each implemented rule. The source of truth is
// ../shared/law/statute-notes.md with the law README's settled readings; paragraphs the notes do not
// cover were looked up for issue 14 on 2 December 2026 (lovguiden.dk's page per paragraph of
// LBK 282, or the named page), and those records say so in noted_in. Everything is paraphrased.
#include "barnetslov/statute.hpp"

#include <vector>

#include "barnetslov/engine.hpp"

namespace barnetslov {

std::span<const StatuteRecord> statute_records() {
    static const std::vector<StatuteRecord> records = [] {
        const Rulebook book = Rulebook::standard();
        std::vector<StatuteRecord> out;
        for (const Rule* r : book.rules())
            if (r->meta().statute) out.push_back(*r->meta().statute);
        return out;
    }();
    return records;
}

const StatuteRecord* find_statute_record(std::string_view rule) {
    static const Rulebook book = Rulebook::standard();
    const Rule* r = book.find(rule);
    return r ? r->meta().statute : nullptr;
}

StatuteCheck statute_check(const StatuteRecord& r) {
    if (r.not_found.empty()) return StatuteCheck::read;
    return r.read.empty() ? StatuteCheck::not_found : StatuteCheck::partly_read;
}

std::string_view to_string(StatuteCheck c) {
    switch (c) {
        case StatuteCheck::read: return "read";
        case StatuteCheck::partly_read: return "partly read";
        case StatuteCheck::not_found: return "not found";
    }
    return "?";
}

}  // namespace barnetslov
