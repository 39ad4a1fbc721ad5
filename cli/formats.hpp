// The batch outputs beyond the library's text and JSON reports: CSV (one row per finding, or the
// aggregate table), JUnit XML for CI servers, the aggregate table as text and JSON, and the list
// of pending deadlines.
#pragma once

#include <string>

#include "barnetslov/aggregate.hpp"
#include "barnetslov/report.hpp"

namespace barnetslov::cli {

void csv_findings_header(std::string& out);
void csv_findings(std::string& out, const Engine& engine, const Report& report, const AggregateFilter& filter, Lang lang);
void csv_error(std::string& out, const InputError& e);

// The text and JSON figures state the readings they were judged by; CSV has no place for them.
std::string summary_text(const Engine& engine, const Aggregates& figures, Lang lang);
std::string summary_csv(const Aggregates& figures);
std::string summary_json(const Engine& engine, const Aggregates& figures, Instant as_of);

// JUnit XML: one <testsuite> per case file, one <testcase> per finding; late, missed, violated
// and indeterminate are failures, not_applicable skipped; an unreadable file is a suite with an error.
void junit_case(std::string& out, const Engine& engine, const Report& report, const AggregateFilter& filter, Lang lang);
void junit_error(std::string& out, const InputError& e);
std::string junit_document(const std::string& suites, std::size_t tests, std::size_t failures, std::size_t errors,
                           std::size_t skipped);

}  // namespace barnetslov::cli
