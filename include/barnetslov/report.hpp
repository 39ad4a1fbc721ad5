// Turning findings into words: Danish and English sentences built from a finding's structured
// fields, and the text and JSON reports. Nothing here prints a CPR number.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "barnetslov/case_builder.hpp"
#include "barnetslov/engine.hpp"

namespace barnetslov {

enum class Lang { da, en };

struct FindingText {
    std::string summary;   // what happened, one sentence
    std::string counting;  // how the deadline was counted ("6 hverdage after ..."), or empty
    std::string margin;    // "late by 1 h 30 min", "3 hverdage left", or empty
    std::string basis;     // the exception relied on, or empty
};

// A reason's stable key ("done_late"), used in JSON; "" for nullptr.
[[nodiscard]] std::string_view reason_key(const Reason* r);
// A stable key for a basis ("foreloebig_vurdering"), "" for none; used in JSON and the C API.
[[nodiscard]] std::string_view basis_key(Basis b);
// The sentence a reason gives on its own (a finding's text adds margins and attributes to it); "" for
// nullptr.
[[nodiscard]] std::string_view reason_summary(const Reason* r, Lang lang);
// How the reports name an event's part in a finding: "trigger", "fulfilment" ("udløst af", ...).
[[nodiscard]] std::string_view role_name(EventRole r, Lang lang);
// The reports' one word for a status, for people: "met", "not applicable"; "overholdt", "kan ikke
// afgøres". Text and HTML share it; JSON and CSV keep the stable key (to_string(Status)).
[[nodiscard]] std::string_view status_word(Status s, Lang lang);
// How the reports name an event's type: its element name in English ("undersoegelse"), the
// vocabulary's Danish label in Danish ("børnefaglig undersøgelse iværksat").
[[nodiscard]] std::string_view event_name(EventType t, Lang lang);

[[nodiscard]] FindingText describe(const Engine& engine, const Report& report, const Finding& f, Lang lang);
// describe() into `t`, reusing its strings: a report that describes finding after finding then
// allocates for the first few only.
void describe_into(FindingText& t, const Engine& engine, const Report& report, const Finding& f, Lang lang);

// The unit finding `f` belongs to: the one responsible for the case on the day its duty started
// (the local day of its subject event; Case::unit_on). The figures, the CSV and the JSON report use it.
[[nodiscard]] std::string_view finding_unit(const Case& kase, const Finding& f);

// "2024-03-28 14:30" (Copenhagen) or "2024-03-28" for a date without a time.
[[nodiscard]] std::string format_moment(const Moment& m, const Calendar& cal);
// ISO 8601 with the Copenhagen offset: "2024-03-28T14:30:00+01:00"; a date alone as "2024-03-28".
[[nodiscard]] std::string iso_moment(const Moment& m, const Calendar& cal);
[[nodiscard]] std::string iso_instant(Instant t, const Calendar& cal);
[[nodiscard]] std::string format_day(LocalDay d);
// format_day() and format_moment() appended to `out`.
void append_day(std::string& out, LocalDay d);
void append_moment(std::string& out, const Moment& m, const Calendar& cal);
[[nodiscard]] std::string format_margin(std::int64_t value, MarginUnit unit, Lang lang);

// The people's report: one block per case, one paragraph per finding.
void write_text(std::string& out, const Engine& engine, const Report& report, Lang lang = Lang::en);
void write_text_error(std::string& out, const InputError& e);
// The readings a report was judged by, for the head of a text report:
//   readings: supervision-year=placement, kvittering-to=professional, grundlovsdag=working
//     (default holiday), ...
// wrapped at 100 columns; a reading set away from its default names the default.
void write_readings_text(std::string& out, std::span<const ReadingValue> readings, Lang lang = Lang::en);

// The machines' report (format "barnetslov-report", version 1; see docs/report-json.md).
inline constexpr int report_json_version = 1;
[[nodiscard]] std::string to_json(const Engine& engine, std::span<const Report> reports,
                                  std::span<const InputError> errors, Instant as_of);
// The same document written case by case, memory independent of the batch size: begin(), then
// add_case() and add_error() in file order, then finish(). Its keys are those of to_json() with
// "summary" (known only after the cases) last: "format", ..., "readings", "cases", "errors",
// "summary" (docs/report-json.md). With `lines` it writes JSON Lines instead (--format jsonl):
// each case on a line of its own, exactly the object of "cases"; each input error as a line
// {"record": "error", "source", "line", "column", "message"} where it occurred; and finish()
// a closing line {"record": "summary", "format", "format_version", "library_version", "as_of",
// "readings", "summary"}, "summary" as in the document.
class JsonReportWriter {
public:
    JsonReportWriter(const Engine& engine, Instant as_of, bool lines = false);
    // The document's head, up to the opening bracket of "cases" (nothing for JSON Lines).
    void begin(std::string& out) const;
    // Appends the case's object; counts its findings' statuses for the summary.
    void add_case(std::string& out, const Report& report);
    // add_case() in two steps, so that the text can be made on the thread that checked the case:
    // write_case() (const, safe from any thread) makes it, add_written() appends it in order and
    // counts `statuses` (the case's findings per Status).
    void write_case(std::string& out, const Report& report) const;
    void add_written(std::string& out, std::string_view written, const std::array<std::uint64_t, status_count>& statuses);
    // Counts the error; JSON Lines writes its line now, the document lists it in finish().
    void add_error(std::string& out, const InputError& error);
    // The rest: the document's "errors" (`errors`, every one added) and "summary", or the
    // summary line. `not_checked`: the files a batch that gave up never checked; it adds
    // "incomplete": true and "not_checked" to the summary.
    void finish(std::string& out, std::span<const InputError> errors, std::optional<std::size_t> not_checked = {}) const;

private:
    const Engine* engine_;
    Instant as_of_;
    bool lines_;
    std::size_t cases_ = 0, errors_ = 0;
    std::array<std::uint64_t, status_count> statuses_{};
};

// One case's object of the above, as a standalone JSON document; being one, it also states the
// readings it was judged by ("readings", after "as_of").
[[nodiscard]] std::string case_to_json(const Engine& engine, const Report& report);

}  // namespace barnetslov
