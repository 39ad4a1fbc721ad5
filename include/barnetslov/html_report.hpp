// The auditor's report as one self-contained HTML file: inline CSS and SVG, no script, no font or
// image from the network. An aggregate table, a bar chart of the share on time per rule, and per
// case its findings and a timeline of events and deadlines (met green, late amber, missed and
// violated red, pending grey). Nothing here prints a CPR number.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "barnetslov/aggregate.hpp"
#include "barnetslov/report.hpp"

namespace barnetslov {

// Which cases get a section of their own (--cases). A problem case has at least one finding that
// is late, missed, violated or indeterminate (is_problem); a case shown shows all its findings.
enum class HtmlCases { all, problems, none };

// Where the problem index of a large report waits until finish(). The library writes no files of
// its own, so the storage is the caller's: without a store the rows stay in memory (fine up to a
// few thousand problem cases); the CLI passes one backed by temporary files, so that memory does
// not grow with the batch. Called from the thread that adds the cases.
class HtmlIndexStore {
public:
    virtual ~HtmlIndexStore() = default;
    // Keeps `rows` after what was kept for rule `rule` (a rulebook index) before; false if it cannot.
    virtual bool append(std::size_t rule, std::string_view rows) = 0;
    // Calls `sink` with everything kept for `rule`, in order, in pieces of any size.
    virtual void read(std::size_t rule, const std::function<void(std::string_view)>& sink) = 0;
};

struct HtmlOptions {
    // Unset: all up to html_all_cases_limit cases, problems only above (decided when the batch
    // passes the limit; the sections before it are held until then, at most that many).
    std::optional<HtmlCases> cases;
    // The index of the problem cases, per rule. Unset: on above html_index_limit cases.
    std::optional<bool> index;
    // Storage for the index rows of a large batch (HtmlIndexStore); not owned, outlives the report.
    HtmlIndexStore* index_store = nullptr;
};
inline constexpr std::size_t html_all_cases_limit = 300;
inline constexpr std::size_t html_index_limit = 500;

// The id of a rule's part of the problem index: "problems-BL-UND-24H". The figures table links
// its row of a rule to "#" + this when HtmlReport::indexed(rule) says the part is there.
[[nodiscard]] std::string html_problems_anchor(std::string_view rule_id);

// Streaming, memory independent of the batch size: add every case (and
// every file that could not be read) in the order they should appear; take what ready() holds
// whenever convenient and write it out; then finish() once with the batch's figures.
//
// The page's DOM order is: head, the case sections (streamed as they come), then what is known
// only at the end: the problem index, and the top part (the heading and counts, the readings, the
// legend, the unreadable files, the chart, the figures table). The CSS shows the top part first,
// then the index, then the cases (flex `order`), so the page reads as before: figures at the top.
// Each case section and each block of the index has `content-visibility: auto`: a browser lays
// out only what comes into view, which is what makes a page of 10,000 cases render in seconds.
class HtmlReport {
public:
    HtmlReport(const Engine& engine, Lang lang, Instant as_of, HtmlOptions options = {});
    ~HtmlReport() = default;
    HtmlReport(const HtmlReport&) = delete;
    HtmlReport& operator=(const HtmlReport&) = delete;

    void add_case(const Report& report, const AggregateFilter& filter = {});
    void add_error(const InputError& error);
    // Figures of the same batch by quarter (GroupBy::quarter) and by municipality: with them the report
    // draws a trend per rule and compares municipalities. Both are read by finish() and must outlive it.
    void set_breakdowns(const Aggregates* by_quarter, const Aggregates* by_municipality) {
        by_quarter_ = by_quarter;
        by_municipality_ = by_municipality;
    }
    // The markup ready to be written: the page's start and the case sections so far. A caller
    // that streams writes it out and clears it; one that does not, gets it from finish().
    [[nodiscard]] std::string& ready() { return ready_; }
    // The rest of the document (with whatever ready() still holds in front of it). `flush`, when
    // given, is called with the document so far whenever the index read back has grown it past
    // 1 MiB; it writes and clears it, so that memory does not grow with the index.
    [[nodiscard]] std::string finish(const Aggregates& figures, const std::function<void(std::string&)>& flush = {});
    // Whether the page has the index part of this rule (html_problems_anchor); known in finish()
    // before the figures are written.
    [[nodiscard]] bool indexed(std::string_view rule_id) const;

private:
    struct RuleIndex {
        std::string rows;      // rendered rows not yet handed to the store
        bool stored = false;   // earlier rows are in options_.index_store
        std::size_t cases = 0;
    };
    void show(std::string section, bool problem);
    void spill_index();
    void write_index(std::string& out, const std::function<void(std::string&)>& flush);

    const Engine* engine_;
    Lang lang_;
    Instant as_of_;
    HtmlOptions options_;
    HtmlCases cases_mode_;       // the selection in force (all while an unset one is undecided)
    std::string ready_;
    std::vector<std::pair<std::string, bool>> held_;  // sections held while the selection is undecided
    std::string errors_;         // rendered <li> elements
    std::size_t case_count_ = 0, problem_cases_ = 0, shown_cases_ = 0;
    std::vector<RuleIndex> index_;  // per rule, in rulebook order
    std::size_t index_bytes_ = 0;
    bool index_on_ = false;
    const Aggregates* by_quarter_ = nullptr;
    const Aggregates* by_municipality_ = nullptr;
};

}  // namespace barnetslov
