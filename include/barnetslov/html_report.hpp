// The auditor's report as one self-contained HTML file: inline CSS and SVG, no script, no font or
// image from the network. An aggregate table, a bar chart of the share on time per rule, and per
// case its findings and a timeline of events and deadlines (met green, late amber, missed and
// violated red, pending grey). Nothing here prints a CPR number.
#pragma once

#include <string>

#include "barnetslov/aggregate.hpp"
#include "barnetslov/report.hpp"

namespace barnetslov {

// Built by streaming: add every case (and every file that could not be read) in the order they
// should appear, then finish() once with the batch's figures.
class HtmlReport {
public:
    HtmlReport(const Engine& engine, Lang lang, Instant as_of);

    void add_case(const Report& report, const AggregateFilter& filter = {});
    void add_error(const InputError& error);
    // Figures of the same batch by quarter (GroupBy::quarter) and by municipality: with them the report
    // draws a trend per rule and compares municipalities. Both are read by finish() and must outlive it.
    void set_breakdowns(const Aggregates* by_quarter, const Aggregates* by_municipality) {
        by_quarter_ = by_quarter;
        by_municipality_ = by_municipality;
    }
    // The whole document. The cases added so far are moved into it.
    [[nodiscard]] std::string finish(const Aggregates& figures);

private:
    const Engine* engine_;
    Lang lang_;
    Instant as_of_;
    std::string cases_;   // rendered <section> elements, in order
    std::string errors_;  // rendered <li> elements
    std::size_t case_count_ = 0;
    const Aggregates* by_quarter_ = nullptr;
    const Aggregates* by_municipality_ = nullptr;
};

}  // namespace barnetslov
