// Findings (engine/rule_interface.hpp), the sink rules write to: a finding takes its place in the
// order of the add() calls, whatever the order its handle ends in, and the sink's batches still flush
// with no handle open. The last handle is placed by its destructor (one move), an earlier one by the
// next add(): both paths are exercised here.
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
        f.subject = i;
        f.events.push_back({i, EventRole::trigger});
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
        a.subject = 10;
        {
            auto b = sink.add();  // a's slot is made now; b's by its destructor
            b.subject = 11;
        }
        auto c = sink.add();
        c.subject = 12;
        // a ends after b and c: its slot, made earlier, is assigned over.
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
        f.subject = i;
    }
    EXPECT_EQ(flushed, (std::vector<std::uint32_t>{0, 1, 2, 3}));
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].subject, 4u);
    out.clear();  // as Engine::evaluate_each_rule does between rules
    {
        auto f = sink.add();
        f.subject = 7;
    }
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].subject, 7u);
}

}  // namespace
}  // namespace barnetslov
