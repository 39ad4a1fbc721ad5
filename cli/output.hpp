// Where check and deadlines write their report: standard output, or --output FILE written as a
// temporary file beside FILE and renamed over it only when the report is complete and flushed.
// Every write is checked: a full disk, a closed pipe (with SIGPIPE ignored), a folder that cannot
// be written are reported with their reason, never lost without a word.
#pragma once

#include <string>
#include <string_view>

namespace barnetslov::cli {

class ReportOutput {
public:
    ReportOutput() = default;  // standard output
    ReportOutput(const ReportOutput&) = delete;
    ReportOutput& operator=(const ReportOutput&) = delete;
    ~ReportOutput();  // removes a temporary file not committed

    // Writes to `path` instead of standard output: creates the temporary file beside it now, so
    // that a folder that is missing or cannot be written is reported before any work. A path that
    // is not a regular file (a device such as /dev/null or /dev/full, a FIFO) is written in place.
    // False, with error() set, on failure.
    bool open(const std::string& path);

    // Writes `s` unless an earlier write failed; false once one has.
    bool write(std::string_view s);
    [[nodiscard]] bool failed() const { return errno_ != 0; }

    // The report is complete: for a file, flush it to the disk, close it and rename it over the
    // path given to open(). False, with error() set, on failure; the temporary file is removed.
    bool commit();

    // "cannot write the report to 'x.html': No space left on device"; "" when nothing failed.
    [[nodiscard]] std::string error() const;

    // A part of the report was lost before it reached the output (a temporary file that could not
    // be written): the report is not committed, and error() says why (`what` in brackets).
    void fail(int err, std::string what);

private:
    void remove_temporary();

    int fd_ = 1;
    std::string shown_;  // the path as the user gave it ("" for standard output)
    std::string target_, temporary_;
    std::string what_;   // the step that failed, when it is not a plain write
    int errno_ = 0;
};

// Standard output for the short outputs (help, rules, explain, version, schema): written at once,
// unbuffered; the first failure is kept for print_error().
void print(std::string_view s);
// "cannot write to standard output: Broken pipe", or "" when every print() was written.
[[nodiscard]] std::string print_error();

}  // namespace barnetslov::cli
