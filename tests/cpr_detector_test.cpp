// The one CPR detector (include/barnetslov/echo.hpp: find_cpr) and what shows text (printable, shown_name,
// echo): every disguise of a CPR number is found, a case number is not, and what comes out is
// valid UTF-8 with no control character and no CPR digit in it.
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "barnetslov/loader.hpp"
#include "barnetslov/echo.hpp"
#include "case/echo_detail.hpp"

using namespace barnetslov;

namespace {

// 15 June 2010 (seventh digit 4: 20YY for YY <= 36), the number the tests disguise.
const std::string cpr = "150610-4321";

// The CPR number written in every way the detector must see through.
std::vector<std::pair<std::string, std::string>> disguises() {
    return {
        {"plain", "1506104321"},
        {"dash", "150610-4321"},
        {"space", "150610 4321"},
        {"dot", "150610.4321"},
        {"slash", "150610/4321"},
        {"colon", "150610:4321"},
        {"two separators", "150610 -4321"},
        {"underscore", "150610_4321"},
        {"NBSP", "150610\u00A04321"},
        {"narrow NBSP", "150610\u202F4321"},
        {"en dash", "150610\u20134321"},
        {"em dash", "150610\u20144321"},
        {"minus sign", "150610\u22124321"},
        {"fullwidth hyphen", "150610\uFF0D4321"},
        {"ideographic space", "150610\u30004321"},
        {"soft hyphen", "150610\u00AD4321"},
        {"soft hyphen and dash", "150610\u00AD-\u00AD4321"},
        {"zero-width space inside", "1506\u200B104321"},
        {"zero-width joiners", "1\u200C5\u200D0610-4321"},
        {"word joiner", "150610\u20604321"},
        {"BOM inside", "15061\uFEFF04321"},
        {"bidi override", "\u202E150610-4321\u202C"},
        {"combining underline", "1\u03325\u03320\u03326\u03321\u03320\u0332-4321"},
        {"fullwidth digits", "\uFF11\uFF15\uFF10\uFF16\uFF11\uFF10\uFF0D\uFF14\uFF13\uFF12\uFF11"},
        {"mixed fullwidth", "15\uFF10610-43\uFF121"},
        {"mathematical bold", "\U0001D7CF\U0001D7D3\U0001D7CE\U0001D7D4\U0001D7CF\U0001D7CE4321"},
        {"Arabic-Indic", "\u0661\u0665\u0660\u0666\u0661\u0660-\u0664\u0663\u0662\u0661"},
        {"superscripts", "\u00B9\u2075\u2070\u2076\u00B9\u2070-\u2074\u00B3\u00B2\u00B9"},
        {"circled", "\u2460\u2464\u24EA\u2465\u2460\u24EA-\u2463\u2462\u2461\u2460"},
        {"character reference dash", "150610&#45;4321"},
        {"hex character reference", "150610&#x2D;4321"},
        {"character reference digits", "&#49;&#53;0610-4321"},
        {"named reference", "150610&amp;4321"},
        // Tamil digits 4 by a hex reference of letters only (no ASCII digit in it): 040404-4444.
        {"hex references without digits", "0&#xBEA;0&#xBEA;0&#xBEA;-&#xBEA;&#xBEA;&#xBEA;&#xBEA;"},
        {"in words", "barnet 150610-4321 bor hos"},
        {"after a letter", "x1506104321"},
        {"before a letter", "1506104321y"},
        {"after other digits and a space", "2024 150610-4321"},
        {"inside brackets", "(150610-4321)"},
    };
}

TEST(CprDetector, FindsEveryDisguise) {
    for (const auto& [what, text] : disguises()) {
        SCOPED_TRACE(what);
        EXPECT_TRUE(looks_like_cpr(text)) << text;
    }
}

TEST(CprDetector, MatchSpansTheDigits) {
    const auto m = find_cpr("id 150610 4321 x");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->begin, 3u);
    EXPECT_EQ(m->end, 14u);
}

TEST(CprDetector, TheCenturyRuleDecidesTheDate) {
    // 29 February exists only in leap years, and the seventh digit says which century YY is in.
    EXPECT_TRUE(looks_like_cpr("290296-1000"));   // 0-3: 1996
    EXPECT_FALSE(looks_like_cpr("290297-1000"));  // 1997 has none
    EXPECT_FALSE(looks_like_cpr("290200-1000"));  // 1900 was not a leap year
    EXPECT_TRUE(looks_like_cpr("290200-4000"));   // 4 and 9: 20YY if YY <= 36, so 2000
    EXPECT_TRUE(looks_like_cpr("290236-9000"));   // 2036
    EXPECT_FALSE(looks_like_cpr("290237-4000"));  // else 19YY: 1937
    EXPECT_TRUE(looks_like_cpr("290256-5000"));   // 5-8: 20YY if YY <= 57, so 2056
    EXPECT_FALSE(looks_like_cpr("290258-8000"));  // else 18YY: 1858
    EXPECT_TRUE(looks_like_cpr("290260-6000"));   // 1860 was a leap year
}

TEST(CprDetector, DateChecks) {
    EXPECT_FALSE(looks_like_cpr("320110-4321"));  // day 32
    EXPECT_FALSE(looks_like_cpr("001010-4321"));  // day 0
    EXPECT_FALSE(looks_like_cpr("151310-4321"));  // month 13
    EXPECT_FALSE(looks_like_cpr("310410-4321"));  // 31 April
    EXPECT_TRUE(looks_like_cpr("150658-8000"));   // 1858: a CPR number's date all the same
    EXPECT_TRUE(looks_like_cpr("1506104322"));    // modulus 11 is not applied
}

TEST(CprDetector, WhatIsNotACprNumber) {
    for (const char* text : {
             "2024011500001",      // a case number: its digits are one longer run
             "15061043210",        // eleven digits
             "915061043210",       // twelve
             "150610-43210",       // five after the separator
             "1150610-4321",       // seven before it
             "150610 - 4321",      // three separators
             "150610a4321",        // a letter between
             "150610\u00F84321",   // a Danish letter between
             "150610\u03B14321",   // a Greek one
             "150610--\u00AD-4321",  // three separators; the soft hyphen is not one
             "2024-03-28T14:30",   // a timestamp
             "2024-0117",
             "123456789",
             "15-06-10-4321",
             "",
         }) {
        EXPECT_FALSE(looks_like_cpr(text)) << text;
    }
}

TEST(CprDetector, BytesThatAreNotUtf8AreSeparators) {
    EXPECT_TRUE(looks_like_cpr("150610\xF8" "4321"));
    EXPECT_FALSE(looks_like_cpr("\xF8\xF8\xF8"));
}

// ---- shown_name: file and source names ----

TEST(ShownName, MasksEveryDisguiseAndNothingElse) {
    for (const auto& [what, text] : disguises()) {
        SCOPED_TRACE(what);
        const std::string shown = shown_name("sager/" + text + ".xml");
        EXPECT_FALSE(looks_like_cpr(shown)) << shown;
        EXPECT_NE(shown.find("#"), std::string::npos) << shown;
        EXPECT_TRUE(valid_utf8(shown));
    }
    EXPECT_EQ(shown_name("sager/150610-4321.xml"), "sager/######-####.xml");
    EXPECT_EQ(shown_name("150610 4321.xml"), "###### ####.xml");
    EXPECT_EQ(shown_name("\uFF11\uFF15\uFF10\uFF16\uFF11\uFF10\uFF14\uFF13\uFF12\uFF11.xml"), "##########.xml");
    EXPECT_EQ(shown_name("150610\u00AD4321.xml"), "######\\u00AD####.xml");
    EXPECT_EQ(shown_name("150610&#45;4321.xml"), "######&#45;####.xml");
    EXPECT_EQ(shown_name("&#49;50610-4321.xml"), "######-####.xml");
    // Names are not refused, so a CPR number inside a longer run of digits, or with three
    // separators, is masked too.
    EXPECT_EQ(shown_name("x1506104321001.xml"), "x#############.xml");
    EXPECT_EQ(shown_name("1150610-4321.xml"), "#######-####.xml");
    EXPECT_EQ(shown_name("150610 - 4321.xml"), "###### - ####.xml");
    // Long numbers that hold no CPR date, dates and times stay.
    for (const char* name : {"/tmp/run_4765256693755/case.xml", "export-1718000000000.xml", "2024-03-28T14:30.xml",
                             "sag 2024-0117.xml", "K\u00F8ge/sag-17.xml", "320110-4321.xml"})
        EXPECT_EQ(shown_name(name), name);
}

TEST(ShownName, EscapesBytesThatAreNotUtf8AndControlCharacters) {
    EXPECT_EQ(shown_name("K\xF8ge.xml"), "K\\xF8ge.xml");            // Latin-1 ø
    EXPECT_EQ(shown_name("\xC3\x28.xml"), "\\xC3(.xml");             // a bad continuation byte
    EXPECT_EQ(shown_name("a\nb\tc\rd\x1B[31m\x7F.xml"), "a\\x0Ab\\x09c\\x0Dd\\x1B[31m\\x7F.xml");
    EXPECT_EQ(shown_name("a\u0085b\u2028c\u202Ed.xml"), "a\\u0085b\\u2028c\\u202Ed.xml");
    EXPECT_EQ(shown_name("\xF8" "150610-4321\xF8"), "\\xF8######-####\\xF8");
    EXPECT_EQ(shown_name("tag\U000E0041.xml"), "tag\\U000E0041.xml");
    // An escape is digits too: what it makes with the digits after it is masked as well.
    EXPECT_EQ(shown_name("\x01" "50610-4321.xml"), "\\x#######-####.xml");
    EXPECT_EQ(echo("\x01" "50610-4321"), "\\x#######-####");
    // Shown twice, it stays the same.
    for (const char* name : {"K\xF8ge\n150610-4321.xml", "a\u202Eb", "x\x01y"}) EXPECT_EQ(shown_name(shown_name(name)), shown_name(name));
}

// shown_name and echo show printable ASCII as it is when a word-wise first test finds no '&' and
// fewer than ten ASCII digits or no six in a row (issue 20, session 33: a batch's paths such as
// "corpus-10000/case-00001.xml"); everything else goes on to the exact test. Against the exact test
// alone, over random paths of bench-like names, CPR numbers in every separator and place, digit
// runs across the eight-byte words, '&', control characters and bytes beyond ASCII.
TEST(ShownName, TheWordWiseFirstTestShowsWhatTheExactTestShows) {
    std::mt19937 rng(20261204);
    const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    const std::vector<std::string> pieces = {
        "/", "-", ".", " ", "_", ":", "xml", ".xml", "case-", "corpus-", "sager", "/tmp/", "a", "Z", "&", "&#49;", "&amp;",
        "\t", "\x01", "\x7F", "\xF8", "\u00A0", "\uFF11", "\u0661", "150610", "4321", "1506104321", "150610-4321",
        "320110-4321", "010190", "99", "0", "7"};
    for (int round = 0; round < 200000; ++round) {
        std::string s;
        const std::size_t parts = 1 + pick(12);
        for (std::size_t k = 0; k < parts; ++k) {
            switch (pick(4)) {
                case 0: s += pieces[pick(pieces.size())]; break;
                case 1: s += std::string(1 + pick(9), static_cast<char>('0' + pick(10))); break;
                case 2:
                    for (std::size_t d = 1 + pick(12); d > 0; --d) s += static_cast<char>('0' + pick(10));
                    break;
                default: s += static_cast<char>(0x20 + pick(0x60)); break;
            }
        }
        // Any byte at all, somewhere.
        if (pick(8) == 0) s.insert(pick(s.size() + 1), 1, static_cast<char>(pick(256)));
        ASSERT_EQ(shown_name(s), detail::shown_name_exact(s)) << s;
        const std::size_t max = pick(4) == 0 ? pick(s.size() + 2) : std::string::npos;
        ASSERT_EQ(echo(s, max), detail::echo_exact(s, max)) << s << " " << max;
    }
    // A bench's paths, numbered up to 100,000 files, and a CPR number in place of each number.
    for (std::size_t i = 1; i <= 100000; i += 1 + pick(40)) {
        char name[64];
        std::snprintf(name, sizeof name, "/tmp/barnetslov-bench/corpus-%zu/case-%05zu.xml", 1 + pick(200000), i);
        ASSERT_EQ(shown_name(name), detail::shown_name_exact(name)) << name;
        EXPECT_EQ(shown_name(name), name);
    }
    for (const char* name : {"corpus-150610/case-4321.xml", "corpus-1506104321/case-1.xml", "c/150610-4321.xml", "c/x150610_4321y.xml",
                             "c/150610&#45;4321.xml", "corpus-10000/case-150610.4321.xml", "corpus-15061/04321.xml"}) {
        EXPECT_EQ(shown_name(name), detail::shown_name_exact(name)) << name;
    }
    EXPECT_EQ(shown_name("corpus-10000/case-150610-4321.xml"), "corpus-10000/case-######-####.xml");
    EXPECT_EQ(shown_name("corpus-10000/case-1506104321.xml"), "corpus-10000/case-##########.xml");
}

// ---- printable: values in reports ----

TEST(Printable, EscapesButDoesNotMask) {
    EXPECT_EQ(printable("Familieafdelingen Nord"), "Familieafdelingen Nord");
    EXPECT_EQ(printable("2024011500001"), "2024011500001");
    EXPECT_EQ(printable("Kom\x1B[2Jmune\r\n"), "Kom\\x1B[2Jmune\\x0D\\x0A");
    EXPECT_EQ(printable("\xFF"), "\\xFF");
    EXPECT_EQ(printable("\u00E6\u00F8\u00E5 \u2013 \U0001F600"), "\u00E6\u00F8\u00E5 \u2013 \U0001F600");
    EXPECT_EQ(printable("&#27;"), "&#27;");  // a reference as written is no escape character
}

// printable copies runs of printable ASCII as they are and renders the rest a unit at a time: the same
// text as rendering all of it a unit at a time, whatever the mix (references, broken and cut-off
// sequences, controls, format characters and letters beside ASCII).
TEST(Printable, RunsAsRenderedUnitByUnit) {
    const std::vector<std::string> pieces = {"a", "Z", " ", "~", "&", "#", ";", "&#27;", "&#x1F600;", "&#4", "1", "\x7F",
                                             "\x01", "\x1B", "\r", "\n", "\t", "\xC3", "\xA6", "\xE2\x80", "\xF0\x9F\x98",
                                             "\u00F8", "\u2013", "\u202E", "\u200B", "\U0001F600", "\xFF", "\x80"};
    std::mt19937 rng(20);
    std::uniform_int_distribution<std::size_t> piece(0, pieces.size() - 1), length(0, 12);
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        for (std::size_t n = length(rng); n > 0; --n) s += pieces[piece(rng)];
        std::string appended = "x";
        append_printable(appended, s);
        std::string want = "x";
        want += detail::printable_exact(s);
        ASSERT_EQ(appended, want) << s;
    }
}

// ---- echo: values in messages ----

TEST(Echo, MasksAnythingCprShapedWhateverItsDate) {
    EXPECT_EQ(echo("150610-4321"), "######-####");
    EXPECT_EQ(echo("320110-4321"), "######-####");  // not a date, still masked in a message
    EXPECT_EQ(echo("1000000000"), "##########");
    EXPECT_EQ(echo("x150610 / 4321"), "x###### / ####");
    EXPECT_EQ(echo("2024-03-28T14:30"), "2024-03-28T14:30");
    EXPECT_EQ(echo("\uFF11\uFF15\uFF10\uFF16\uFF11\uFF10 4321"), "###### ####");
    EXPECT_EQ(echo("bad\x01value\xF8"), "bad\\x01value\\xF8");
}

TEST(Echo, CutsLongValuesAfterMasking) {
    // The CPR number straddles the cut: masking looked at the whole value first.
    const std::string v = std::string(55, 'a') + "150610-4321";
    EXPECT_EQ(echo(v), std::string(55, 'a') + "#####...");
    EXPECT_EQ(echo(std::string(100, 'x')), std::string(60, 'x') + "...");
    // Never half a character.
    EXPECT_EQ(echo(std::string(59, 'x') + "\u00F8\u00F8"), std::string(59, 'x') + "\u00F8...");
}

// ---- through the builder: refused in every value but cpr; the messages show none of it ----

TEST(CprDetector, TheBuilderRefusesEveryDisguiseAndShowsNone) {
    const Calendar calendar;
    for (const auto& [what, text] : disguises()) {
        SCOPED_TRACE(what);
        for (const char* attribute : {"id", "municipality", "unit"}) {
            CaseBuilder b("sag.xml", calendar);
            EXPECT_FALSE(b.case_attribute(attribute, text));
            ASSERT_EQ(b.errors().size(), 1u);
            EXPECT_EQ(b.errors()[0].message, std::string("case attribute '") + attribute +
                                                 "': looks like a CPR number, which belongs only in the cpr attribute of the "
                                                 "child or a sibling (the value is not shown)");
        }
    }
    // A case number with as many digits is a valid case id.
    CaseBuilder b("sag.xml", calendar);
    EXPECT_TRUE(b.case_attribute("id", "2024011500001"));
}

TEST(CprDetector, SourceNamesAreShownEscapedAndMasked) {
    const Calendar calendar;
    const LoadResult r = load_case_buffer("<case/>", "K\xF8ge/150610 4321\n.xml", calendar);
    ASSERT_FALSE(r.errors.empty());
    EXPECT_EQ(r.errors[0].source, "K\\xF8ge/###### ####\\x0A.xml");
    const LoadResult missing = load_case_file("/no/such/dir/K\xF8ge 150610.4321.xml", calendar);
    ASSERT_EQ(missing.errors.size(), 1u);
    EXPECT_EQ(missing.errors[0].to_string(), "/no/such/dir/K\\xF8ge ######.####.xml: cannot open the file: it does not exist");
}

}  // namespace

// The builder skips the detector for a value that is one of its attribute's enumerated values,
// true or false, or a whole number of at most nine digits (case_builder.cpp, issue 20): none of
// them may look like a CPR number, or a CPR number could pass as one.
TEST(CprDetector, NoValueTheBuilderSkipsLooksLikeOne) {
    for (std::size_t v = 0; v < static_cast<std::size_t>(Value::count_); ++v)
        EXPECT_FALSE(looks_like_cpr(value_name(static_cast<Value>(v)))) << value_name(static_cast<Value>(v));
    EXPECT_FALSE(looks_like_cpr("true"));
    EXPECT_FALSE(looks_like_cpr("false"));
    for (const char* n : {"999999999", "010190123", "311299999", "101010101"}) EXPECT_FALSE(looks_like_cpr(n)) << n;
    EXPECT_TRUE(looks_like_cpr("0101901234"));  // ten digits: the detector's case, not skipped
}

// find_cpr first refuses, eight bytes at a time, ASCII text with fewer than ten ASCII digits (issue
// 20, session 28); everything else goes on to the exact test as before. The number at every offset
// of texts of 10 to 40 bytes, so that its digits fall on each place of the eight-byte words and of
// the last, overlapping word, in every way it may be written: always found, at the same span.
TEST(CprDetector, FoundAtEveryOffsetOfTheWordWiseFirstTest) {
    const std::vector<std::string> forms = {"1506104321", "150610-4321", "150610 -4321", "150610\u00A04321", "\uFF11506104321",
                                            "15061043\uFF121", "150610432\uFF11", "&#49;506104321"};
    for (const std::string& form : forms)
        for (std::size_t length = form.size(); length <= 40; ++length)
            for (std::size_t at = 0; at + form.size() <= length; ++at) {
                const std::string text = std::string(at, 'x') + form + std::string(length - at - form.size(), 'y');
                const auto m = find_cpr(text);
                ASSERT_TRUE(m.has_value()) << text;
                EXPECT_EQ(m->begin, at) << text;
                EXPECT_EQ(m->end, at + form.size()) << text;
            }
}

// The other side of the first test: nine ASCII digits are too few wherever they stand (and a case
// number or a pseudonym with more digits is no CPR number either, as before); one more digit, in
// ASCII or beyond it, anywhere in the text, makes the exact test decide again.
TEST(CprDetector, TheWordWiseFirstTestRefusesOnlyTooFewDigits) {
    for (std::size_t length = 10; length <= 40; ++length)
        for (std::size_t at = 0; at + 9 <= length; ++at) {
            const std::string text = std::string(at, 'x') + "150610432" + std::string(length - at - 9, '-');
            EXPECT_FALSE(find_cpr(text).has_value()) << text;
        }
    for (const char* v : {"rg0461.1.05", "SYN-7-00001", "Odense Team Vest", "2024011500001", "case-2024-000123456", "a1b2c3d4e5f6g7h8i9"})
        EXPECT_FALSE(find_cpr(v).has_value()) << v;
    // The tenth digit at each place, around a CPR number split by letters (no CPR number then), and
    // a tenth that completes one: found wherever it stands relative to the words.
    for (std::size_t pad = 0; pad <= 16; ++pad) {
        const std::string before(pad, 'z');
        EXPECT_TRUE(find_cpr(before + "150610-432" + "1").has_value()) << pad;
        EXPECT_TRUE(find_cpr(before + "150610-432" + "\uFF11").has_value()) << pad;
        EXPECT_TRUE(find_cpr(before + "\u0661" + "50610-4321").has_value()) << pad;
        EXPECT_FALSE(find_cpr(before + "150610-432" + "x1").has_value()) << pad;
    }
}
