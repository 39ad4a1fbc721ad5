// The batch outputs beyond the library's text and JSON reports: CSV (one row per finding, or the
// aggregate table), JUnit XML for CI servers, the aggregate table as text and JSON, and the list
// of pending deadlines.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "barnetslov/aggregate.hpp"
#include "barnetslov/report.hpp"

namespace barnetslov::cli {

// How a CSV file is written (--csv-dialect). rfc4180: ',' between cells, '.' in numbers, as RFC 4180
// and most programs read it. excel: what a spreadsheet set up for Danish opens as columns: a UTF-8
// byte-order mark (else it guesses another encoding), ';' between cells and a decimal comma. Both
// end rows in CRLF and quote a cell holding the separator, a quote, CR or LF, doubling quotes.
struct CsvDialect {
    std::string_view name = "rfc4180";
    char separator = ',';
    char decimal = '.';
    bool bom = false;
};
inline constexpr CsvDialect csv_rfc4180{};
inline constexpr CsvDialect csv_excel{"excel", ';', ',', true};
// The dialect of that name, or none ("rfc4180" and "excel" are the names).
std::optional<CsvDialect> csv_dialect(std::string_view name);
// What a CSV document begins with: the byte-order mark, or nothing.
std::string_view csv_start(const CsvDialect& d);

// A batch that gave up (--max-failures) before it checked every file. Every output of such a batch
// says so, with the number of files not checked; nothing is said of a batch that is complete.
struct Incomplete {
    std::size_t failed = 0;        // inputs that could not be read when it gave up
    std::size_t max_failures = 0;  // --max-failures
    std::size_t not_checked = 0;   // files never checked
};
// "gave up after 3 files could not be read (--max-failures 3); 12 files not checked"
std::string incomplete_sentence(const Incomplete& g, Lang lang);
// A line for the text outputs: "INCOMPLETE: gave up after ...\n".
std::string incomplete_line(const Incomplete& g, Lang lang);
// The HTML report gains a paragraph under its heading (class "incomplete", data-not-checked).
void html_report_incomplete(std::string& doc, const Incomplete& g, Lang lang);
// A last CSV row of status "incomplete", reason "max_failures", the sentence as its summary.
void csv_incomplete(std::string& out, const Incomplete& g, Lang lang, const CsvDialect& d = csv_rfc4180);
// A last JUnit suite "barnetslov" with one test case in error, type "incomplete".
void junit_incomplete(std::string& out, const Incomplete& g);
// What the text report of `check` closes with: a totals line and why the exit code is what it is.
struct Totals {
    std::size_t cases = 0;                          // cases checked
    std::array<std::uint64_t, status_count> by_status{};  // findings shown, by status
    std::size_t not_read = 0;                       // inputs that could not be read or were skipped
};
// "totals: 27 cases checked, 619 findings (...), 0 inputs not read\nexit code 1: 67 findings are late, ...\n"
std::string totals_text(const Totals& t, Lang lang);

// A CSV cell holding text from a case file or a file name: escaped (printable, include/barnetslov/echo.hpp),
// and never a formula (a cell starting with = + - @ tab or CR gets a leading apostrophe);
// quoted when it needs to be, or always. Numbers the program writes do not go through it.
std::string csv_text(std::string_view s, bool always_quote = false, const CsvDialect& d = csv_rfc4180);
// A cell the program writes (a key, a date, a sentence): quoted only when it needs to be.
std::string csv_field(std::string_view s, const CsvDialect& d = csv_rfc4180);
// A column of a text table: the spaces before it and the width its cells are right-aligned in.
struct Column {
    std::uint8_t gap, width;
};
// One row of a text table, each cell right-aligned in its column by its characters (UTF-8), as fmt's "{:>N}" does for
// the cells there are (headings, numbers, shares, ratios, days; no East Asian wide character, which fmt counts as two);
// the caller adds the row's tail and newline. Written by hand:
// fmt::format with a dozen padded fields took ~3-15 k instructions a row (issue 20).
void table_row(std::string& out, std::span<const Column> columns, std::initializer_list<std::string_view> cells);

// `v` with `decimals` decimals (0 to 17) and `mark` as the decimal mark: fmt::format("{:.Nf}")'s text (correctly
// rounded, ties to even), written by std::to_chars: fmt's took ~1.3-3.7 k instructions a number (issue 20).
std::string fixed_text(double v, int decimals, char mark = '.');
// The decimal mark of a text report in `lang`: the Danish comma, else the point.
constexpr char decimal_mark(Lang lang) { return lang == Lang::da ? ',' : '.'; }
// A number with `decimals` digits after the dialect's decimal mark.
std::string csv_number(double v, int decimals, const CsvDialect& d = csv_rfc4180);
// Cells joined by the dialect's separator, and the row's CRLF.
void csv_row(std::string& out, std::span<const std::string> cells, const CsvDialect& d = csv_rfc4180);
// The law and section of the rule version a finding applied ("barnets lov § 136"); "" without one.
std::string section_of(const Engine& engine, const Finding& f);
// A margin's unit as the CSV and JSON outputs name it: seconds, days, hverdage.
std::string unit_name(MarginUnit u);

// The findings CSV begins with its header (and the dialect's start).
void csv_findings_header(std::string& out, const CsvDialect& d = csv_rfc4180);
void csv_findings(std::string& out, const Engine& engine, const Report& report, const AggregateFilter& filter, Lang lang,
                  const CsvDialect& d = csv_rfc4180);
void csv_error(std::string& out, const InputError& e, const CsvDialect& d = csv_rfc4180);

// The text and JSON figures state the readings they were judged by; CSV has no place for them.
// Those of a batch that gave up say so: a line after the count of cases (text), "incomplete" and
// "not_checked" after "cases" (JSON), a last row "incomplete" whose "cases" are the files not
// checked (CSV).
std::string summary_text(const Engine& engine, const Aggregates& figures, Lang lang, const std::optional<Incomplete>& incomplete = {});
std::string summary_csv(const Aggregates& figures, const std::optional<Incomplete>& incomplete = {}, const CsvDialect& d = csv_rfc4180);
std::string summary_json(const Engine& engine, const Aggregates& figures, Instant as_of, const std::optional<Incomplete>& incomplete = {});

// JUnit XML: one <testsuite> per case file, one <testcase> per finding; late, missed, violated
// and indeterminate are failures, not_applicable skipped; an unreadable file is a suite with an error.
void junit_case(std::string& out, const Engine& engine, const Report& report, const AggregateFilter& filter, Lang lang);
void junit_error(std::string& out, const InputError& e);
std::string junit_document(const std::string& suites, std::size_t tests, std::size_t failures, std::size_t errors,
                           std::size_t skipped);

}  // namespace barnetslov::cli
