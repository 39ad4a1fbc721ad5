// Every index the C++ API takes is checked (engine.hpp, "Indices"): out of range, std::out_of_range,
// never undefined behaviour.
#include <limits>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"

namespace {

using namespace barnetslov;

TEST(IndexChecks, OutOfRangeThrows) {
    const Engine engine;
    const auto loaded = load_case_file(std::string(BARNETSLOV_SOURCE_DIR) + "/examples/03-late-24-hour-assessment.xml", engine.calendar());
    ASSERT_TRUE(loaded.ok());
    const Case& kase = *loaded.kase;
    const auto n = static_cast<std::uint32_t>(kase.events().size());
    ASSERT_GT(n, 0u);

    EXPECT_NO_THROW((void)kase.event(n - 1));
    EXPECT_THROW((void)kase.event(n), std::out_of_range);
    EXPECT_THROW((void)kase.event(std::numeric_limits<std::uint32_t>::max()), std::out_of_range);
    EXPECT_NO_THROW((void)kase.referrers(n - 1));
    EXPECT_THROW((void)kase.referrers(n), std::out_of_range);
    EXPECT_THROW((void)kase.referrers(std::numeric_limits<std::uint32_t>::max()), std::out_of_range);
    EXPECT_THROW((void)kase.events_of(static_cast<EventType>(event_type_count)), std::out_of_range);

    // The vocabulary's tables, by a value outside its enum.
    EXPECT_THROW((void)event_spec(EventType::count_), std::out_of_range);
    EXPECT_THROW((void)attr_name(Attr::count_), std::out_of_range);
    EXPECT_THROW((void)value_name(Value::count_), std::out_of_range);
    EXPECT_EQ(attr_name(Attr::id), "id");

    const Report report = engine.evaluate(loaded.kase, Instant{Seconds{1736938800}});
    ASSERT_FALSE(report.findings.empty());
    EXPECT_NO_THROW((void)engine.meta(report.findings.front()));
    Finding stranger = report.findings.front();
    stranger.rule = static_cast<std::uint16_t>(engine.rulebook().rules().size());
    EXPECT_THROW((void)engine.meta(stranger), std::out_of_range);
}

}  // namespace
