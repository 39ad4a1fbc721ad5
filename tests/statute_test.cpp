// The statute record of every implemented rule (src/engine/statute.cpp): one per rule, each saying
// what was read and what was not, covering the sections the rule's versions name, and never
// claiming as read a paragraph that ../shared/law/statute-notes.md lists as not found.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "barnetslov/engine.hpp"
#include "barnetslov/statute.hpp"

namespace fs = std::filesystem;
using namespace barnetslov;

namespace {

const fs::path notes_file = fs::path(BARNETSLOV_SOURCE_DIR).parent_path() / "shared" / "law" / "statute-notes.md";

// One paragraph of one law; stk 0-0 is the whole paragraph.
struct Paragraph {
    std::string law;
    int number = 0;
    int stk_from = 0, stk_to = 0;
    [[nodiscard]] bool whole() const { return stk_from == 0; }
};

std::ostream& operator<<(std::ostream& os, const Paragraph& p) {
    os << p.law << " § " << p.number;
    if (!p.whole()) os << " stk. " << p.stk_from << "-" << p.stk_to;
    return os;
}

bool overlaps(const Paragraph& a, const Paragraph& b) {
    if (a.law != b.law || a.number != b.number) return false;
    return a.whole() || b.whole() || (a.stk_from <= b.stk_to && b.stk_from <= a.stk_to);
}

std::string law_of_item(const std::string& item, const std::string& otherwise) {
    if (item.find("RSL") != std::string::npos || item.find("retssikkerhedsloven") != std::string::npos) return "RSL";
    if (item.find("forvaltningsloven") != std::string::npos) return "forvaltningsloven";
    return otherwise;
}

// The paragraphs a reference names, in the notation of StatuteRecord::read (also that of the
// versions' sections and of statute-notes.md): items separated by ';', each "[law] § N [stk. a[-b][, c]]"
// or "[law] §§ N[-M], P [stk. a], ..." (after "§§" a number following a comma is a paragraph, after
// "§" it is another stk.). Parenthesised remarks, "nr." and "N. pkt." are not paragraphs. Ranges of
// paragraphs are expanded, ranges of stk. kept.
std::vector<Paragraph> paragraphs(std::string_view text, const std::string& law = "barnets lov") {
    static const std::regex remarks(R"(\([^)]*\))"), points(R"(\d+\.\s*pkt\.)"), items(R"(nr\.\s*\d+(\s*-\s*\d+)?)");
    static const std::regex range(R"((\d+)(?:\s*-\s*(\d+))?)");
    static const std::regex one(R"((\d+)(?:\s*-\s*(\d+))?(?:\s+stk\.\s*(\d+)(?:\s*-\s*(\d+))?)?)");
    static const std::string sign = "§";
    std::vector<Paragraph> out;
    std::stringstream all{std::string(text)};
    for (std::string item; std::getline(all, item, ';');) {
        const std::string item_law = law_of_item(item, law);
        std::string s = std::regex_replace(item, remarks, " ");
        s = std::regex_replace(s, points, " ");
        s = std::regex_replace(s, items, " ");
        // One segment per "§" or "§§" and the text up to the next one.
        for (auto at = s.find(sign); at != std::string::npos;) {
            const bool several = s.compare(at + sign.size(), sign.size(), sign) == 0;
            const auto from = at + sign.size() * (several ? 2 : 1);
            const auto next = s.find(sign, from);
            const std::string seg = s.substr(from, next == std::string::npos ? std::string::npos : next - from);
            at = next;
            if (several) {
                for (std::sregex_iterator it(seg.begin(), seg.end(), one), end; it != end; ++it) {
                    const auto& m = *it;
                    const int first = std::stoi(m[1]), last = m[2].matched ? std::stoi(m[2]) : first;
                    const int stk_from = m[3].matched ? std::stoi(m[3]) : 0, stk_to = m[4].matched ? std::stoi(m[4]) : stk_from;
                    for (int n = first; n <= last; ++n) out.push_back({item_law, n, stk_from, stk_to});
                }
                continue;
            }
            std::smatch m;
            if (!std::regex_search(seg, m, range)) continue;
            const int number = std::stoi(m[1]);
            const auto stk = seg.find("stk.");
            if (stk == std::string::npos) {
                out.push_back({item_law, number, 0, 0});
                continue;
            }
            const std::string stks = seg.substr(stk);
            for (std::sregex_iterator it(stks.begin(), stks.end(), range), end; it != end; ++it) {
                const int a = std::stoi((*it)[1]);
                out.push_back({item_law, number, a, (*it)[2].matched ? std::stoi((*it)[2]) : a});
            }
        }
    }
    return out;
}

std::string law_name(Law l) {
    switch (l) {
        case Law::barnets_lov: return "barnets lov";
        case Law::retssikkerhedsloven: return "RSL";
        case Law::forvaltningsloven: return "forvaltningsloven";
        case Law::serviceloven: return "serviceloven";
    }
    return "?";
}

std::string text_of(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// What statute-notes.md says could not be read: the sentence near its top ("The current text of
// §§ ... was not readable") and the bullets of "Still to be read on retsinformation.dk".
std::vector<Paragraph> not_found_in_notes(const std::string& notes) {
    std::vector<Paragraph> out;
    static const std::regex sentence(R"(The current text of ([\s\S]*?) was not\s+readable)");
    if (std::smatch m; std::regex_search(notes, m, sentence)) out = paragraphs(m[1].str());
    const auto list = notes.find("Still to be read on retsinformation.dk");
    if (list == std::string::npos) return out;
    std::stringstream lines(notes.substr(list));
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("- ", 0) != 0) continue;
        for (const Paragraph& p : paragraphs(line)) out.push_back(p);
    }
    return out;
}

TEST(Paragraphs, ReadsTheNotation) {
    const auto ps = paragraphs("§ 3; §§ 144-146; § 47 stk. 1-2; RSL § 67 stk. 1; § 137 stk. 1, 1. pkt. (L 87); § 115 or § 116; "
                               "§ 103 stk. 1, 3-5; §§ 46, 47 stk. 4");
    ASSERT_EQ(ps.size(), 13u);
    EXPECT_EQ(ps[0].number, 3);
    EXPECT_TRUE(ps[0].whole());
    EXPECT_EQ(ps[3].number, 146);
    EXPECT_EQ(ps[4].number, 47);
    EXPECT_EQ(ps[4].stk_from, 1);
    EXPECT_EQ(ps[4].stk_to, 2);
    EXPECT_EQ(ps[5].law, "RSL");
    EXPECT_EQ(ps[6].number, 137);
    EXPECT_EQ(ps[7].number, 115);
    EXPECT_EQ(ps[8].number, 116);
    EXPECT_EQ(ps[9].number, 103);  // § 103 stk. 1 and stk. 3-5
    EXPECT_EQ(ps[10].number, 103);
    EXPECT_EQ(ps[10].stk_from, 3);
    EXPECT_EQ(ps[10].stk_to, 5);
    EXPECT_EQ(ps[11].number, 46);  // §§ 46 and 47 stk. 4
    EXPECT_EQ(ps[12].number, 47);
    EXPECT_EQ(ps[12].stk_from, 4);
    EXPECT_TRUE(overlaps({"barnets lov", 47, 0, 0}, ps[4]));
    EXPECT_FALSE(overlaps({"barnets lov", 47, 5, 5}, ps[4]));
    EXPECT_FALSE(overlaps({"barnets lov", 67, 0, 0}, ps[5]));  // RSL § 67 is not barnets lov § 67
}

TEST(Statute, EveryImplementedRuleHasOneRecord) {
    const Rulebook book = Rulebook::standard();
    for (const Rule* r : book.rules()) {
        ASSERT_NE(r->meta().statute, nullptr) << r->meta().id << " has no statute record";
        EXPECT_EQ(r->meta().statute->rule, r->meta().id) << "the statute record beside " << r->meta().id << " names another rule";
        EXPECT_EQ(find_statute_record(r->meta().id), r->meta().statute);
    }
    EXPECT_EQ(statute_records().size(), book.rules().size());
    for (const StatuteRecord& s : statute_records()) {
        EXPECT_NE(book.find(s.rule), nullptr) << "statute record for " << s.rule << ", which is not an implemented rule";
        EXPECT_FALSE(s.read.empty() && s.not_found.empty()) << s.rule << " names no paragraph";
        EXPECT_FALSE(s.source.empty()) << s.rule;
        EXPECT_FALSE(s.noted_in.empty()) << s.rule;
        EXPECT_FALSE(s.read_on.empty()) << s.rule;
        EXPECT_FALSE(s.confirms.empty()) << s.rule;
        if (!s.read.empty()) {
            EXPECT_FALSE(paragraphs(s.read).empty()) << s.rule << ": cannot read '" << s.read << "'";
        }
        if (!s.not_found.empty()) {
            EXPECT_FALSE(paragraphs(s.not_found).empty()) << s.rule << ": cannot read '" << s.not_found << "'";
            // What was not found is never presented as read.
            EXPECT_NE(s.source.find("not found"), std::string_view::npos) << s.rule << "'s source does not say what was not found";
        }
    }
}

// A record accounts, as read or as not found, for every paragraph of barnets lov, forvaltningsloven
// or retssikkerhedsloven that one of the rule's versions names.
TEST(Statute, RecordCoversTheSectionsOfTheRule) {
    const Rulebook book = Rulebook::standard();
    for (const Rule* r : book.rules()) {
        const StatuteRecord* s = find_statute_record(r->meta().id);
        if (!s) continue;  // EveryImplementedRuleHasOneRecord says so
        auto recorded = paragraphs(s->read);
        for (const Paragraph& p : paragraphs(s->not_found)) recorded.push_back(p);
        for (const RuleVersion& v : r->meta().versions) {
            // The check read the law in force since barnets lov (1 January 2024), not the predecessors.
            if (v.law == Law::serviceloven || v.until <= LocalDay{date::year{2024} / 1 / 1}) continue;
            for (const Paragraph& p : paragraphs(v.section, law_name(v.law))) {
                const bool covered = std::any_of(recorded.begin(), recorded.end(),
                                                 [&](const Paragraph& q) { return q.law == p.law && q.number == p.number; });
                EXPECT_TRUE(covered) << r->meta().id << ": its version '" << v.section << "' names " << p
                                     << ", which the statute record neither read nor records as not found";
            }
        }
    }
}

TEST(Statute, ParagraphsTheNotesDidNotFindAreNotRecordedAsRead) {
    if (!fs::exists(notes_file)) GTEST_SKIP() << "the law notes are not beside the repository at " << notes_file;
    const auto missing = not_found_in_notes(text_of(notes_file));
    ASSERT_FALSE(missing.empty()) << "found no list of paragraphs not read in " << notes_file;
    for (const StatuteRecord& s : statute_records()) {
        for (const Paragraph& read : paragraphs(s.read))
            for (const Paragraph& m : missing)
                EXPECT_FALSE(overlaps(read, m)) << s.rule << " records " << read << " as read; statute-notes.md lists " << m
                                                << " as not found";
    }
}

}  // namespace
