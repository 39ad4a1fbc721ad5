// `barnetslov explain`: the reading a rule was judged by, its confidence marker, and what the
// December 2026 review changed it from, shown only where a rule says so.
#include <algorithm>
#include <cctype>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "barnetslov/engine.hpp"
#include "rules.hpp"

namespace {

using namespace barnetslov;

constexpr RuleVersion versions[] = {
    {Law::barnets_lov, "§ 136", LocalDay{date::year{2024} / 1 / 1}, LocalDay{date::year{2200} / 1 / 1}, Confidence::inferred, ""},
};

RuleMeta meta(std::string_view changed_from) {
    RuleMeta m{"BL-TEST", "notifications", "Prøve", "Test", Severity::warning, Confidence::inferred, Convention::hverdage_after, 6,
               "6 hverdage", "the reading of the test rule", "none", versions, status_bits({Status::met}), "<x/>"};
    m.changed_from = changed_from;
    return m;
}

TEST(Explain, ShowsTheReadingAndItsConfidence) {
    const std::string text = cli::explain_implemented(meta(""));
    EXPECT_NE(text.find("Reading chosen, INFERRED"), std::string::npos) << text;
    EXPECT_NE(text.find("\n  the reading of the test rule\n"), std::string::npos) << text;
}

TEST(Explain, ShowsWhatTheReviewChangedOnlyWhenSet) {
    EXPECT_EQ(cli::explain_implemented(meta("")).find("December 2026"), std::string::npos);
    const std::string text = cli::explain_implemented(meta("6 hverdage from sending"));
    EXPECT_NE(text.find("Changed by the December 2026 review, from\n  6 hverdage from sending\n"), std::string::npos) << text;
}

TEST(Explain, ShowsTheEvidenceInTheVocabularysNames) {
    static constexpr Evidence evidence[] = {{.type = EventType::kvittering}, {.type = EventType::akutvurdering, .attr = Attr::danger}};
    RuleMeta m = meta("");
    m.evidence = evidence;
    const std::string text = cli::explain_implemented(m);
    EXPECT_NE(text.find("\n  evidence            kvittering; akutvurdering (danger)\n"), std::string::npos) << text;
}

TEST(Explain, RulesJsonListsEveryRulesEvidence) {
    const Rulebook book = Rulebook::standard();
    const auto doc = nlohmann::json::parse(cli::rules_json(book, {}));
    std::size_t seen = 0;
    for (const auto& j : doc.at("rules")) {
        const Rule* r = book.find(j.at("id").get<std::string>());
        if (!r || j.at("status") != "implemented") continue;
        ++seen;
        const auto& list = j.at("evidence");
        ASSERT_EQ(list.size(), r->meta().evidence.size()) << r->meta().id;
        for (std::size_t k = 0; k < list.size(); ++k) {
            const Evidence& e = r->meta().evidence[k];
            EXPECT_EQ(list[k].at("type"), event_spec(e.type).element) << r->meta().id;
            if (e.attr == no_attr) {
                EXPECT_FALSE(list[k].contains("attribute")) << r->meta().id;
            } else {
                EXPECT_EQ(list[k].at("attribute"), attr_name(e.attr)) << r->meta().id;
            }
        }
    }
    EXPECT_EQ(seen, book.rules().size());
}

TEST(Explain, EveryRuleShowsItsReadingAndItsChangeWhereItHasOne) {
    // Every implemented rule: its reading, and the review's change exactly where it records one.
    const Rulebook book = Rulebook::standard();
    for (const Rule* r : book.rules()) {
        const auto text = cli::explain(book, r->meta().id);
        ASSERT_TRUE(text) << r->meta().id;
        EXPECT_NE(text->find("Reading chosen, "), std::string::npos) << r->meta().id;
        EXPECT_EQ(text->find("Changed by the December 2026 review") != std::string::npos, !r->meta().changed_from.empty()) << r->meta().id;
    }
}

// Issue 18: part C ids that name a duty part A or B already holds are aliases. `explain` of an alias (in
// any letter case) shows the alias and then the target rule in full; `rules` (text, JSON, markdown) shows
// the alias with its target.
TEST(Explain, AliasesResolveToTheRuleTheyStandFor) {
    const Rulebook book = Rulebook::standard();
    const std::pair<std::string_view, std::string_view> aliases[] = {
        {"BL-ANB-STOTTEPERSON-53", "BL-BARN-STOTTEPERSON"}, {"BL-OVERGREB-UNDS", "BL-UNDS-TRIG"}, {"BL-PLEJE-GODK", "BL-TILS-SPLIT"}};
    const auto json = nlohmann::json::parse(cli::rules_json(book, {}));
    const std::string text = cli::rules_text(book, {});
    const std::string markdown = cli::rules_markdown(book);
    for (const auto& [alias, target] : aliases) {
        const Rule* rule = book.find(target);
        ASSERT_NE(rule, nullptr) << target << " is not implemented";
        EXPECT_EQ(book.find(alias), nullptr) << alias << " must not be a rule of its own";
        std::string typed(alias);
        for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const auto explained = cli::explain(book, typed);
        ASSERT_TRUE(explained.has_value()) << alias;
        EXPECT_NE(explained->find("An alias of " + std::string(target)), std::string::npos) << *explained;
        EXPECT_NE(explained->find(std::string(rule->meta().title_en)), std::string::npos) << alias << ": the target's explanation is missing";
        const auto j = std::find_if(json.at("rules").begin(), json.at("rules").end(), [&](const auto& r) { return r.at("id") == alias; });
        ASSERT_NE(j, json.at("rules").end()) << alias;
        EXPECT_EQ(j->at("status"), "alias");
        EXPECT_EQ(j->at("alias_of"), target);
        EXPECT_NE(text.find("alias of " + std::string(target)), std::string::npos) << alias;
        EXPECT_NE(markdown.find("alias of [" + std::string(target) + "]"), std::string::npos) << alias;
    }
}

}  // namespace
