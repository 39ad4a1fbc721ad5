#include <gtest/gtest.h>
#include "barnetslov/calendar.hpp"
TEST(Calendar, Placeholder) { barnetslov::Calendar c; EXPECT_TRUE(c.is_hverdag(barnetslov::local_day(2024,4,2))); }
