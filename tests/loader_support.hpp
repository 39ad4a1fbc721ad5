// Shared by the loader tests: a calendar, a standard case file to vary, and a way to read what
// sits at a reported line and column (an oracle for positions, independent of the loader's own).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "barnetslov/loader.hpp"

namespace barnetslov::test {

inline const Calendar& calendar() {
    static const Calendar c;
    return c;
}

inline LoadResult load(std::string_view text, const Limits& limits = {}) {
    return load_case_buffer(text, "case.xml", calendar(), limits);
}

// Lines 1-8 of every file doc() builds; the event lines given to doc() start on line 9.
inline constexpr std::string_view head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                                   // 1
    "<case xmlns=\"urn:barnetslov:case:1\" id=\"2024-0117\" municipality=\"Eksempel Kommune\">\n"   // 2
    "  <child id=\"barn\" birth-date=\"2015-06-01\"/>\n"                                           // 3
    "  <party id=\"mor\" role=\"custody-holder\"/>\n"                                              // 4
    "  <party id=\"far\" role=\"parent\"/>\n"                                                      // 5
    "  <sibling id=\"sib1\" birth-date=\"2012-02-03\" in-household=\"true\"/>\n"                  // 6
    "  <events>\n"                                                                                 // 7
    "    <underretning id=\"u1\" received-at=\"2024-03-28T14:30\" notifier=\"professional\" channel=\"phone\"/>\n";  // 8
inline constexpr std::string_view tail = "  </events>\n</case>\n";

// The standard file with `lines` (each without its newline) as events from line 9 on.
inline std::string doc(std::initializer_list<std::string_view> lines = {}) {
    std::string out(head);
    for (std::string_view l : lines) {
        out += l;
        out += '\n';
    }
    out += tail;
    return out;
}

// The rest of the line that starts at 1-based `line` and `column` of `text`, counting columns in
// characters (UTF-8 continuation bytes are not characters; a byte-order mark is not one either).
inline std::string text_at(std::string_view text, SourceLocation at) {
    std::size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    for (std::uint32_t l = 1; l < at.line; ++l) {
        i = text.find('\n', i);
        if (i == std::string_view::npos) return "<no such line>";
        ++i;
    }
    for (std::uint32_t c = 1; c < at.column; ++c) {
        if (i >= text.size() || text[i] == '\n') return "<no such column>";
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    }
    const std::size_t end = text.find('\n', i);
    return std::string(text.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
}

inline std::vector<std::string> messages(const LoadResult& r) {
    std::vector<std::string> out;
    for (const InputError& e : r.errors) out.push_back(e.to_string());
    return out;
}

// A bad input and exactly what it must give (loader_errors_test, json_loader_test).
struct BadCase {
    std::string name;
    std::string text;
    std::vector<std::string> errors;    // every error, in order
    std::optional<std::string> anchor;  // what the first error points at (to the end of its line); none: no position
    Limits limits{};
    std::vector<std::string> absent{};  // text that no message may contain (CPR numbers)
};

inline std::ostream& operator<<(std::ostream& os, const BadCase& c) { return os << c.name; }

// `r`, loaded from bc.text as `source` in `elapsed`, gives exactly bc's errors, the first where its
// anchor is, and no message holds what bc says must be absent.
inline void expect_bad_case(const BadCase& bc, const LoadResult& r, std::string_view source, std::chrono::steady_clock::duration elapsed) {
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.kase, nullptr);
    ASSERT_FALSE(r.errors.empty());
    EXPECT_EQ(r.errors.front().to_string(), bc.errors.front());
    EXPECT_EQ(messages(r), bc.errors);
    for (const InputError& e : r.errors) EXPECT_EQ(e.source, source);

    const SourceLocation at = r.errors.front().location;
    if (!bc.anchor) {
        EXPECT_EQ(at.line, 0u);
        EXPECT_EQ(at.column, 0u);
    } else {
        EXPECT_GT(at.line, 0u);
        const std::string there = text_at(bc.text, at);
        if (bc.anchor->empty())
            EXPECT_EQ(there, "") << "at line " << at.line << ", column " << at.column;
        else
            EXPECT_EQ(there.substr(0, bc.anchor->size()), *bc.anchor) << "at line " << at.line << ", column " << at.column;
    }
    for (const std::string& secret : bc.absent)
        for (const InputError& e : r.errors) EXPECT_EQ(e.to_string().find(secret), std::string::npos) << e.to_string();
    // Nothing here is big enough to take long; a quadratic or expanding loader would.
    EXPECT_LT(elapsed, std::chrono::seconds(5));
}

}  // namespace barnetslov::test
