// The figures' text against the fmt::format it replaced (issue 20). cli::fixed_text, the shares, intervals, ratios
// and CSV numbers, against "{:.Nf}": over every share part / n of the counts a summary prints, Wilson intervals,
// exact ties (k / 1024), random values of every magnitude and sign, and the values that are not finite or too long
// for its buffer. cli::table_row against "{:>N}" a cell: numbers, the headings in both languages (å, é, ø), cells
// wider than their column, empty cells.
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "formats.hpp"

namespace {

using barnetslov::cli::Column;
using barnetslov::cli::fixed_text;
using barnetslov::cli::table_row;

std::string by_fmt(double v, int decimals, char mark) {
    std::string s = fmt::format("{:.{}f}", v, decimals);
    std::replace(s.begin(), s.end(), '.', mark);
    return s;
}

void expect_as_fmt(double v, int decimals) {
    for (const char mark : {'.', ','}) ASSERT_EQ(fixed_text(v, decimals, mark), by_fmt(v, decimals, mark)) << fmt::format("{:a} {}", v, decimals);
}

TEST(FixedText, SharesOfCountsAsFmt) {
    for (std::uint64_t n = 1; n <= 700; ++n)
        for (std::uint64_t part = 0; part <= n; ++part) {
            const double share = static_cast<double>(part) / static_cast<double>(n);
            expect_as_fmt(100.0 * share, 1);
            expect_as_fmt(share * 100, 1);
            expect_as_fmt(share, 4);
            expect_as_fmt(share * 7, 2);
        }
}

TEST(FixedText, WilsonIntervalsAsFmt) {
    for (std::uint64_t n = 1; n <= 400; ++n)
        for (std::uint64_t s = 0; s <= n; ++s) {
            const barnetslov::Interval i = barnetslov::wilson_interval(s, n);
            expect_as_fmt(i.low * 100, 1);
            expect_as_fmt(i.high * 100, 1);
        }
}

TEST(FixedText, ExactTiesRoundAsFmt) {
    for (int k = -20'000; k <= 20'000; ++k)
        for (int decimals = 0; decimals <= 4; ++decimals) expect_as_fmt(k / 1024.0, decimals);
}

TEST(FixedText, RandomValuesAsFmt) {
    std::mt19937_64 random(20);
    std::uniform_real_distribution<double> unit(0, 1), exponent(-12, 18);
    for (int i = 0; i < 200'000; ++i) {
        const double v = (i % 2 ? -1 : 1) * unit(random) * std::pow(10.0, exponent(random));
        expect_as_fmt(v, i % 6);
        expect_as_fmt(unit(random) * 100, 1);
    }
}

TEST(FixedText, SpecialValuesAsFmt) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    for (const double v : {0.0, -0.0, inf, -inf, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::max(),
                           -std::numeric_limits<double>::max(), std::numeric_limits<double>::denorm_min(), 1e300, 1e60, 9.5, 0.05})
        for (int decimals = 0; decimals <= 17; ++decimals) expect_as_fmt(v, decimals);
}

TEST(TableRow, CellsRightAlignedAsFmt) {
    const std::vector<std::string> words{"", "n", "-", "åbne", "rådg./barn", "én rådg.", "børn", "netværk", "95 %-interval", "ingen data",
                                         "83,1 %", "[76.4-88.6]", "12/40", "overdue d", "andel én", "u. rådg.", "tilsides", "æøåÆØÅ"};
    std::mt19937_64 random(36);
    for (int i = 0; i < 20'000; ++i) {
        std::vector<Column> columns(5);
        std::vector<std::string> cells(5);
        std::string expected;
        for (std::size_t k = 0; k < cells.size(); ++k) {
            columns[k] = {static_cast<std::uint8_t>(random() % 3), static_cast<std::uint8_t>(random() % 14)};
            cells[k] = random() % 2 ? std::to_string(random() >> (random() % 64)) : words[random() % words.size()];
            expected += std::string(columns[k].gap, ' ') + fmt::format("{:>{}}", cells[k], columns[k].width);
        }
        std::string row = "before";
        table_row(row, columns, {cells[0], cells[1], cells[2], cells[3], cells[4]});
        ASSERT_EQ(row, "before" + expected);
    }
}

}  // namespace
