// The deadline list of `barnetslov deadlines`: the undone duties whose deadline has passed, most
// overdue first; the pending deadlines by due time; the open duties the law sets no deadline for.
// Written as text, CSV, JSON (format "barnetslov-deadlines", docs/report-json.md) or an
// iCalendar file (RFC 5545) of the due dates, to import into the calendar a caseworker already uses.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "barnetslov/aggregate.hpp"
#include "barnetslov/report.hpp"
#include "formats.hpp"

namespace barnetslov::cli {

// Which part of the list a row is in.
enum class DeadlinePart : std::uint8_t {
    overdue,  // status missed: not done, the deadline has passed
    pending,  // status pending with a deadline ahead
    open,     // status pending without a deadline (the law sets none, e.g. BL-UND-FEEDBACK)
};

// One finding on the list, with what every format needs of it: the report it came from is gone
// once the row is made (a batch keeps no reports).
struct DeadlineRow {
    DeadlinePart part = DeadlinePart::pending;
    Status status = Status::pending;
    const RuleMeta* meta = nullptr;
    std::string law, section;  // of the rule version applied; empty without one
    const Reason* reason = nullptr;
    std::string source, case_id, municipality, unit;  // as the case holds them (source already shown_name); unit: responsible on the trigger day
    std::string event_id;                             // the subject event, the duty's trigger
    std::string_view event_type;
    Moment event_at;
    std::uint32_t line = 0, column = 0;
    std::optional<Deadline> deadline;
    std::optional<std::int64_t> margin;  // signed as in the report: < 0 overdue by, > 0 left
    MarginUnit margin_unit = MarginUnit::seconds;
    FindingText text_en, text_da;
};

struct DeadlineRows {
    std::vector<DeadlineRow> overdue, pending, open;
    std::size_t cases = 0;  // cases read
};

// Adds the rows of one report (the findings `filter` passes; pending deadlines due after
// `pending_until` left out). Call in file order, then sort_deadlines().
void add_deadlines(DeadlineRows& rows, const Engine& engine, const Report& report, const AggregateFilter& filter,
                   Instant pending_until);
// Overdue: by due time, the earliest (most overdue) first; pending: by due time; open: by the time
// the duty arose, oldest first. Stable: ties keep file order, so any --jobs gives the same list.
void sort_deadlines(DeadlineRows& rows);

// What a list says besides its rows.
struct DeadlineListInfo {
    Instant as_of{};
    std::optional<std::int64_t> within_days;  // --within, in days
    Lang lang = Lang::en;
    std::optional<Incomplete> incomplete;       // the batch gave up (--max-failures)
    std::span<const InputError> errors;         // inputs that could not be read (JSON lists them)
    CsvDialect csv{};                           // --csv-dialect
};

std::string deadlines_text(const Engine& engine, const DeadlineRows& rows, const DeadlineListInfo& info);
std::string deadlines_csv(const Engine& engine, const DeadlineRows& rows, const DeadlineListInfo& info);
std::string deadlines_json(const Engine& engine, const DeadlineRows& rows, const DeadlineListInfo& info);
std::string deadlines_ics(const Engine& engine, const DeadlineRows& rows, const DeadlineListInfo& info);

}  // namespace barnetslov::cli
