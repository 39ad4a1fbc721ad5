// The batch outputs beyond the library's text and JSON reports: CSV (one row per finding, or the
// aggregate table), JUnit XML for CI servers, the aggregate table as text and JSON, and the list
// of pending deadlines.
#pragma once

#include <optional>
#include <string>

#include "barnetslov/aggregate.hpp"
#include "barnetslov/report.hpp"

namespace barnetslov::cli {

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
void csv_incomplete(std::string& out, const Incomplete& g, Lang lang);
// A last JUnit suite "barnetslov" with one test case in error, type "incomplete".
void junit_incomplete(std::string& out, const Incomplete& g);
// A CSV cell holding text from a case file or a file name: escaped (printable, include/barnetslov/echo.hpp),
// and never a formula (a cell starting with = + - @ tab or CR gets a leading apostrophe);
// quoted when it needs to be, or always. Numbers the program writes do not go through it.
std::string csv_text(std::string_view s, bool always_quote = false);

void csv_findings_header(std::string& out);
void csv_findings(std::string& out, const Engine& engine, const Report& report, const AggregateFilter& filter, Lang lang);
void csv_error(std::string& out, const InputError& e);

// The text and JSON figures state the readings they were judged by; CSV has no place for them.
// Those of a batch that gave up say so: a line after the count of cases (text), "incomplete" and
// "not_checked" after "cases" (JSON), a last row "incomplete" whose "cases" are the files not
// checked (CSV).
std::string summary_text(const Engine& engine, const Aggregates& figures, Lang lang, const std::optional<Incomplete>& incomplete = {});
std::string summary_csv(const Aggregates& figures, const std::optional<Incomplete>& incomplete = {});
std::string summary_json(const Engine& engine, const Aggregates& figures, Instant as_of, const std::optional<Incomplete>& incomplete = {});

// JUnit XML: one <testsuite> per case file, one <testcase> per finding; late, missed, violated
// and indeterminate are failures, not_applicable skipped; an unreadable file is a suite with an error.
void junit_case(std::string& out, const Engine& engine, const Report& report, const AggregateFilter& filter, Lang lang);
void junit_error(std::string& out, const InputError& e);
std::string junit_document(const std::string& suites, std::size_t tests, std::size_t failures, std::size_t errors,
                           std::size_t skipped);

}  // namespace barnetslov::cli
