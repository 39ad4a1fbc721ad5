// Findings (engine/rule_interface.hpp), the sink rules write to: a finding takes its place in the
// order of the add() calls, whatever the order its handle ends in, and the sink's batches still flush
// with no handle open. Findings are made in place: the vector must not move under an open handle,
// so up to max_open may be added while one is open, and more is refused.
#include <gtest/gtest.h>

#include <vector>

#include "engine/rule_interface.hpp"

namespace barnetslov {
namespace {

TEST(FindingsSink, OneHandleAtATimeInAddOrder) {
    std::vector<Finding> out;
    Findings sink(out);
    sink.set_rule(3);
    for (std::uint32_t i = 0; i < 5; ++i) {
        auto f = sink.add();
        f->subject = i;
        f->events.push_back({i, EventRole::trigger});
    }
    ASSERT_EQ(out.size(), 5u);
    for (std::uint32_t i = 0; i < 5; ++i) {
        EXPECT_EQ(out[i].subject, i);
        EXPECT_EQ(out[i].rule, 3);
        ASSERT_EQ(out[i].events.size(), 1u);
        EXPECT_EQ(out[i].events[0].event, i);
    }
}

TEST(FindingsSink, NestedHandlesKeepAddOrderWhicheverEndsFirst) {
    std::vector<Finding> out;
    Findings sink(out);
    {
        auto a = sink.add();
        Finding& fa = *a;
        {
            auto b = sink.add();
            b->subject = 11;
        }
        auto c = sink.add();
        c->subject = 12;
        fa.subject = 10;  // a ends after b and c, and is still where add() made it
    }
    ASSERT_EQ(out.size(), 3u);
    EXPECT_EQ(out[0].subject, 10u);
    EXPECT_EQ(out[1].subject, 11u);
    EXPECT_EQ(out[2].subject, 12u);
}

TEST(FindingsSink, BatchesFlushWithNoHandleOpenAndRestartEmpty) {
    std::vector<Finding> out;
    std::vector<std::uint32_t> flushed;
    struct To {
        std::vector<std::uint32_t>& flushed;
    } to{flushed};
    const auto flush = [](void* context, std::vector<Finding>& batch) {
        for (const Finding& f : batch) static_cast<To*>(context)->flushed.push_back(f.subject);
    };
    Findings sink(out, 2, flush, &to);
    for (std::uint32_t i = 0; i < 5; ++i) {
        auto f = sink.add();
        f->subject = i;
    }
    EXPECT_EQ(flushed, (std::vector<std::uint32_t>{0, 1, 2, 3}));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].subject, 4u);
    out.clear();  // as Engine::evaluate_each_rule does between rules
    {
        auto f = sink.add();
        f->subject = 7;
    }
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].subject, 7u);
}

// A vector with no room left when the first handle opens is grown then, not under it.
TEST(FindingsSink, OpenHandlesStayPutWhileOthersAreAdded) {
    std::vector<Finding> out(3);
    out.shrink_to_fit();
    out.clear();
    Findings sink(out);
    auto a = sink.add();
    Finding* const where = &*a;
    for (std::uint32_t i = 1; i < Findings::max_open; ++i) {
        auto b = sink.add();
        b->subject = i;
    }
    EXPECT_EQ(&*a, where);
    EXPECT_EQ(&out[0], where);
    ASSERT_EQ(out.size(), Findings::max_open);
    EXPECT_EQ(out.back().subject, Findings::max_open - 1);
}

TEST(FindingsSink, MoreThanMaxOpenAddedWhileOneIsOpenIsRefused) {
    std::vector<Finding> out;
    Findings sink(out);
    auto a = sink.add();
    for (std::size_t i = 1; i < Findings::max_open; ++i) auto b = sink.add();
    EXPECT_THROW(auto b = sink.add(), std::logic_error);
}

}  // namespace
}  // namespace barnetslov
