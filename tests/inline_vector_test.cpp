// InlineVector (include/barnetslov/inline_vector.hpp), Finding::events' container: inline up to
// its capacity, on the heap past it, and copies and moves that keep the elements either way.
#include "barnetslov/inline_vector.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "barnetslov/finding.hpp"

namespace {

using barnetslov::EventRole;
using barnetslov::EventUse;
using Uses = barnetslov::InlineVector<EventUse, 4>;

Uses make(std::uint32_t n) {
    Uses v;
    for (std::uint32_t i = 0; i < n; ++i) v.push_back({i, i == 0 ? EventRole::trigger : EventRole::related});
    return v;
}

bool same(const Uses& a, const Uses& b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](const EventUse& x, const EventUse& y) { return x.event == y.event && x.role == y.role; });
}

std::vector<std::uint32_t> events(const Uses& v) {
    std::vector<std::uint32_t> out;
    for (const EventUse& u : v) out.push_back(u.event);
    return out;
}

TEST(InlineVector, StaysInlineUpToItsCapacity) {
    Uses v = make(4);
    EXPECT_TRUE(v.is_inline());
    EXPECT_EQ(v.size(), 4u);
    EXPECT_EQ(events(v), (std::vector<std::uint32_t>{0, 1, 2, 3}));
    v.push_back({4, EventRole::fulfilment});
    EXPECT_FALSE(v.is_inline());
    EXPECT_EQ(events(v), (std::vector<std::uint32_t>{0, 1, 2, 3, 4}));
    EXPECT_EQ(v.back().role, EventRole::fulfilment);
    EXPECT_EQ(v.front().role, EventRole::trigger);
}

TEST(InlineVector, GrowsFarPastItsCapacity) {
    Uses v = make(1000);
    ASSERT_EQ(v.size(), 1000u);
    for (std::uint32_t i = 0; i < 1000; ++i) EXPECT_EQ(v[i].event, i);
}

TEST(InlineVector, CopiesAndMovesKeepTheElements) {
    for (std::uint32_t n : {0u, 3u, 4u, 5u, 17u}) {
        const Uses original = make(n);
        Uses copy = original;
        EXPECT_TRUE(same(copy, original)) << n;
        Uses moved = std::move(copy);
        EXPECT_TRUE(same(moved, original)) << n;
        EXPECT_TRUE(copy.empty()) << n;  // NOLINT(bugprone-use-after-move): moved-from is empty, documented
        Uses assigned = make(9);
        assigned = original;
        EXPECT_TRUE(same(assigned, original)) << n;
        Uses move_assigned = make(2);
        move_assigned = std::move(assigned);
        EXPECT_TRUE(same(move_assigned, original)) << n;
        const Uses& itself = move_assigned;
        move_assigned = itself;  // self-assignment keeps it
        EXPECT_TRUE(same(move_assigned, original)) << n;
    }
}

TEST(InlineVector, InAVectorOfFindings) {
    std::vector<barnetslov::Finding> findings;
    for (std::uint32_t i = 0; i < 100; ++i) {
        barnetslov::Finding& f = findings.emplace_back();
        for (std::uint32_t k = 0; k < i % 7; ++k) f.events.push_back({i * 10 + k, EventRole::related});
    }
    for (std::uint32_t i = 0; i < 100; ++i) {
        ASSERT_EQ(findings[i].events.size(), i % 7);
        for (std::uint32_t k = 0; k < i % 7; ++k) EXPECT_EQ(findings[i].events[k].event, i * 10 + k);
    }
}

TEST(InlineVector, AtIsChecked) {
    const Uses v = make(2);
    EXPECT_EQ(v.at(1).event, 1u);
    EXPECT_THROW((void)v.at(2), std::out_of_range);
}

}  // namespace
