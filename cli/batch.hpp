// Checking many files on a pool of threads that share one engine, handing each file's result on
// in file order, so that the output never depends on the number of threads.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "barnetslov/aggregate.hpp"
#include "barnetslov/engine.hpp"
#include "barnetslov/file_reader.hpp"
#include "barnetslov/loader.hpp"
#include "discover.hpp"

namespace barnetslov::cli {

struct FileResult {
    FileResult() = default;
    // A loaded file whose figures are made in place from `args` (CaseFigures' constructor's).
    template <class... Args>
    explicit FileResult(std::in_place_t, Args&&... args) : loaded(true), figures(std::forward<Args>(args)...) {}

    std::optional<Report> report;     // set when the file loaded (and BatchOptions::keep_report)
    std::vector<InputError> errors;   // set when it did not
    bool loaded = false;              // the file loaded, whether or not the report is kept
    std::string rendered;             // what BatchOptions::render wrote for it
    std::array<std::uint64_t, status_count> statuses{};  // its findings per Status, when render counts them (JSON)
    // What BatchOptions::render counted, for a sink that no longer has the report.
    bool problems = false;            // a late, missed, violated or indeterminate finding
    std::size_t findings = 0, failures = 0, skipped = 0;
    std::array<std::uint64_t, status_count> by_status{};  // the findings counted, by status
    CaseFigures figures;              // added to the batch's figures in file order

    // Counts findings, given by status, into the counts above.
    void count(const std::array<std::uint64_t, status_count>& taken);
};

struct BatchOptions {
    unsigned jobs = 1;
    std::size_t max_failures = 0;  // stop after this many unreadable files (0: never)
    std::size_t failed_before = 0; // inputs that already failed (found unreadable before the batch), counted towards max_failures
    bool progress = false;         // a progress line on stderr
    // Called on the thread that checked the file, before the sink sees it: formatting and counting
    // are most of a batch's work and would otherwise all fall on the sink's thread. With jobs 1 it is
    // called on the sink's thread, for file i after the sink has returned for file i - 1 and before
    // it sees file i: in file order, so it may write where the sink writes.
    std::function<void(FileResult&)> render;
    // Set: the file is evaluated by Engine::evaluate_each_rule and each batch of findings (several rules'
    // at a time, rule after rule) is taken by the file's figures (CaseFigures::add with this filter) on the thread that checked it; no
    // report is made and `render` is not called. For what only counts the findings (--summary): a case at
    // the event limit can have millions of them. Called straight, not through a std::function of the
    // caller's: ~20 calls a file.
    const AggregateFilter* figures_only = nullptr;
    // False: the report is dropped after render, on the thread that built it. A case is a few
    // hundred small blocks, and freeing them on another thread contends for that thread's malloc
    // arena (bench/ANALYSIS.md).
    bool keep_report = true;
    // Set: each case's records for the indicators are taken with its figures (--summary, HTML).
    const IndicatorSettings* indicators = nullptr;
    // Set: each case's figures read the rules' evidence through it (made once for the engine), not rule by rule.
    const EvidenceIndex* evidence = nullptr;
    // What each case's figures keep of its findings (with `figures_only`): counts per rule suffice for figures by rule alone.
    CaseFigures::Detail figures_detail = CaseFigures::Detail::rows;
    // The rules evaluated (--rules): the others are not run at all. Empty: every rule.
    RuleSelection rules;
    // What the input named "-" holds (read from standard input before the batch), as JSON or XML.
    const std::string* standard_input = nullptr;
    bool standard_input_json = false;
};

struct BatchOutcome {
    std::size_t failures = 0;  // files that could not be read
    std::size_t unread = 0;    // files not checked because max_failures was reached
    bool stopped = false;      // the sink stopped the batch (its report could not be written)
};

// Whether a file of this name is read as a JSON case file: case_file_form(name) == CaseFileForm::json
// (its extension is ".json" in any case), without making a std::filesystem::path (~950 instructions
// a file, as much as reading it).
[[nodiscard]] bool json_case_name(std::string_view name);

// Loads and evaluates every file; `sink(i, result)` is called on the calling thread for file i, in
// order 0, 1, 2, ..., and returns false to stop the batch there. Workers run at most a bounded
// window ahead of the sink, so memory stays flat. Which files count as failures before giving up
// is decided in file order, as one thread would.
BatchOutcome run_batch(const FileList& files, const Engine& engine, Instant as_of,
                       const BatchOptions& options, const std::function<bool(std::size_t, FileResult&)>& sink);

}  // namespace barnetslov::cli
