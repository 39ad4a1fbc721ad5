// Reading case files (urn:barnetslov:case:1) into a Case: XML, JSON (one case a document) and
// JSON Lines (one case a line). Every form goes through the same CaseBuilder, so the checks and
// the messages are the same; only where an error is differs:
//   case.xml:14:9: event 'kvittering' attribute 'at': '2024-13-01' is not a date
//   case.json:14:9: /events/2/at: event 'kvittering' attribute 'at': '2024-13-01' is not a date
// A JSON error names the line and column of the key (or, in an array, the element) it is about,
// and begins with its JSON pointer (RFC 6901: '~' written "~0", '/' "~1"); an error about the
// document as a whole (not well-formed, empty, no "format") has no pointer. schema/README.md
// describes the JSON form.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "barnetslov/case_builder.hpp"

namespace barnetslov {

struct LoadResult {
    std::shared_ptr<const Case> kase;  // null when errors is not empty
    std::vector<InputError> errors;    // each names file, line, column and field

    [[nodiscard]] bool ok() const { return kase != nullptr; }
};

// Reads and checks an XML case file. Never throws for bad input; I/O problems are errors too.
[[nodiscard]] LoadResult load_case_file(const std::filesystem::path& path, const Calendar& calendar,
                                        const Limits& limits = {});
// The same for bytes in memory; `source` names them in messages. `data` is copied, never changed.
[[nodiscard]] LoadResult load_case_buffer(std::string_view data, std::string source, const Calendar& calendar,
                                          const Limits& limits = {});

// ---- JSON ----

// A JSON case file: one object, {"format": "urn:barnetslov:case:1", "id": ..., "child": {...},
// "parties": [...], "siblings": [...], "events": [{"type": "underretning", ...}, ...]}. Limits
// apply as to XML (max_depth counts objects and arrays: a case needs 4).
[[nodiscard]] LoadResult load_case_json_file(const std::filesystem::path& path, const Calendar& calendar,
                                             const Limits& limits = {});
[[nodiscard]] LoadResult load_case_json_buffer(std::string_view data, std::string source, const Calendar& calendar,
                                               const Limits& limits = {});

// ---- JSON Lines ----
//
// One case a line, each line a JSON case file of its own (JSON Lines: lines end in LF, a CR
// before it is white space). Lines that are empty or white space are skipped. Each case's errors
// name the file (not the line) as source and the file's own line and column, so that
// "batch.jsonl:7:15: /events/0/at: ..." is line 7 of batch.jsonl. Limits apply to each line as
// to a file: Limits::max_file_bytes is the longest line; the file may be of any size.

// Calls `each` with the cases of the file in order, one LoadResult per non-empty line, until it
// returns false. A file that cannot be read, or has no non-empty line, is one LoadResult with
// the error.
void load_cases_json_lines_file(const std::filesystem::path& path, const Calendar& calendar,
                                const std::function<bool(LoadResult&&)>& each, const Limits& limits = {});
void load_cases_json_lines_buffer(std::string_view data, std::string source, const Calendar& calendar,
                                  const std::function<bool(LoadResult&&)>& each, const Limits& limits = {});

// For a caller that loads the lines of one file on many threads (the CLI's check): where each
// non-empty line is, found in one pass that keeps no line, and one line loaded from there.
struct JsonLine {
    std::uint64_t offset = 0;  // of its first byte in the file
    std::uint64_t size = 0;    // its bytes, without the LF
    std::uint32_t number = 0;  // 1-based, counting every line of the file
};
struct JsonLinesIndex {
    std::vector<JsonLine> lines;     // in file order
    std::vector<InputError> errors;  // set when the file cannot be read, or has no non-empty line
};
[[nodiscard]] JsonLinesIndex index_json_lines(const std::filesystem::path& path);
[[nodiscard]] LoadResult load_json_line(const std::filesystem::path& path, const JsonLine& line, const Calendar& calendar,
                                        const Limits& limits = {});

// ---- which form ----

enum class CaseFileForm { xml, json, json_lines };
// By the name's extension in any letter case: .json, .jsonl; anything else is XML.
[[nodiscard]] CaseFileForm case_file_form(const std::filesystem::path& path);

}  // namespace barnetslov
