// The calendar functions every deadline goes through: hverdage, months, holidays, time zone.
#include <benchmark/benchmark.h>

#include "barnetslov/calendar.hpp"

namespace {

using namespace barnetslov;

const Calendar& calendar() {
    static const Calendar cal;
    return cal;
}

// Start days spread over a year, so that holidays and weekends are met at every offset.
LocalDay day_of(std::int64_t i) { return local_day(2024, 1, 1) + date::days{static_cast<int>(i % 366)}; }

void BM_HverdageAfter(benchmark::State& state) {
    const Calendar& cal = calendar();
    const int n = static_cast<int>(state.range(0));
    std::int64_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(cal.hverdage_after(day_of(i++), n));
}
BENCHMARK(BM_HverdageAfter)->Arg(6)->Arg(30);

void BM_HverdageBetween(benchmark::State& state) {
    const Calendar& cal = calendar();
    std::int64_t i = 0;
    for (auto _ : state) {
        const LocalDay from = day_of(i++);
        benchmark::DoNotOptimize(cal.hverdage_between(from, from + date::days{state.range(0)}));
    }
}
BENCHMARK(BM_HverdageBetween)->Arg(14)->Arg(120);

void BM_MonthsAfter(benchmark::State& state) {
    std::int64_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(months_after(day_of(i++), 4));
}
BENCHMARK(BM_MonthsAfter);

void BM_HolidaysOfYear(benchmark::State& state) {
    const Calendar& cal = calendar();
    int year = 2000;
    for (auto _ : state) {
        benchmark::DoNotOptimize(cal.holidays_of_year(year));
        year = year == 2100 ? 2000 : year + 1;
    }
}
BENCHMARK(BM_HolidaysOfYear);

void BM_IsHverdag(benchmark::State& state) {
    const Calendar& cal = calendar();
    std::int64_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(cal.is_hverdag(day_of(i++)));
}
BENCHMARK(BM_IsHverdag);

// Instant -> Copenhagen day: every event's `at` and every deadline pass through it.
void BM_LocalDay(benchmark::State& state) {
    const Calendar& cal = calendar();
    Instant t = date::sys_days{date::year{2024} / 1 / 1};
    for (auto _ : state) {
        benchmark::DoNotOptimize(cal.local_day(t));
        t += std::chrono::hours{7};
    }
}
BENCHMARK(BM_LocalDay);

}  // namespace
