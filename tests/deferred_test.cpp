// Deferred<T> (src/rules/deferred.hpp), the rules' "built on first need" holder in place of
// std::optional<T>: empty until emplace(), then holding exactly one T, destroyed once, also when
// made again. (Why it exists, that declaring one does not clear T's storage as std::optional<T> does
// under GCC 12, is a matter of instructions, measured with callgrind: bench/ANALYSIS.md, session 31.)
#include "rules/deferred.hpp"

#include <vector>

#include <gtest/gtest.h>

namespace {

using barnetslov::rules_detail::Deferred;

struct Counted {
    static inline int alive = 0;
    static inline int made = 0;
    std::vector<int> items;
    explicit Counted(int n) : items(static_cast<std::size_t>(n), n) { ++alive, ++made; }
    ~Counted() { --alive; }
};

TEST(Deferred, EmptyUntilMadeAndDestroyedOnce) {
    Counted::alive = Counted::made = 0;
    {
        Deferred<Counted> d;
        EXPECT_FALSE(d);
        EXPECT_FALSE(d.has_value());
        EXPECT_EQ(Counted::made, 0);
        Counted& c = d.emplace(3);
        EXPECT_TRUE(d);
        EXPECT_EQ(&c, &*d);
        EXPECT_EQ(d->items, (std::vector<int>{3, 3, 3}));
        EXPECT_EQ(Counted::alive, 1);
        d.emplace(2);  // the first is destroyed before the second is made
        EXPECT_EQ(Counted::alive, 1);
        EXPECT_EQ(Counted::made, 2);
        EXPECT_EQ((*d).items, (std::vector<int>{2, 2}));
        const Deferred<Counted>& read = d;
        EXPECT_EQ(read->items.size(), 2u);
    }
    EXPECT_EQ(Counted::alive, 0);
    {
        Deferred<Counted> never;  // never made: nothing to destroy
    }
    EXPECT_EQ(Counted::alive, 0);
}

TEST(Deferred, GetOrMakeMakesOnlyTheFirstTime) {
    Counted::alive = Counted::made = 0;
    {
        Deferred<Counted> d;
        Counted& first = d.get_or_make(4);
        Counted& again = d.get_or_make(7);  // already made: the arguments are not used
        EXPECT_EQ(&first, &again);
        EXPECT_EQ(again.items.size(), 4u);
        EXPECT_EQ(Counted::made, 1);
    }
    EXPECT_EQ(Counted::alive, 0);
}

}  // namespace
