// Reading a case file whole (or one line of a JSON Lines file) for the loaders, with the errors
// every loader reports the same way.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "barnetslov/loader.hpp"

namespace barnetslov::detail {

// A file open_case_file opened, closed when it goes out of scope; `size` from fstat.
struct OpenFile {
    int fd = -1;
    std::uint64_t size = 0;
    OpenFile() = default;
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;
    ~OpenFile();
};

// Opens the regular file at `path` for reading, or the error to report, `source` naming it (a
// file that does not exist, cannot be opened, is not a regular file). Without blocking, so that
// a FIFO is refused as not a regular file instead of waited on.
std::optional<LoadResult> open_case_file(const std::filesystem::path& path, const std::string& source, OpenFile& file);

// A file that could not be read, as every loader reports it (input_error_code::io).
LoadResult read_failure(const std::string& source, std::string message);

// The error of a file over Limits::max_file_bytes (or a JSON Lines line over it).
LoadResult too_big(std::string source, std::uintmax_t size, const Limits& limits);

// Reads the regular file at `path` into `content`; or the error to report, `source` naming it
// (a file that does not exist, is not a regular file, is over max_file_bytes, cannot be read).
std::optional<LoadResult> read_case_file(const std::filesystem::path& path, const std::string& source, const Limits& limits,
                                         std::string& content);

// As read_case_file, the file opened as `name` relative to the folder open as `dir` (AT_FDCWD:
// `name` is a path); `path` is the file's path as messages show it (shown_name applied here,
// only when there is an error to report). The file is content's first `size` bytes, followed by
// at least `room` more as earlier files left them: `content` is reused, and never shrunk.
std::optional<LoadResult> read_case_file_at(int dir, const char* name, std::string_view path, const Limits& limits,
                                            std::string& content, std::size_t& size, std::size_t room);

// load_case_buffer of the bytes of a file the caller has read (`path` as given, shown here), which
// are followed in memory by xml::scan_padding NULs: read where they are, without the copy
// load_case_buffer makes (src/xml/loader.cpp; CaseFileReader).
LoadResult load_case_padded(std::string_view data, std::string_view path, const Calendar& calendar, const Limits& limits);

// Reads `size` bytes from `offset` of the regular file at `path` into `content`; or the error.
std::optional<LoadResult> read_file_range(const std::filesystem::path& path, const std::string& source, std::uint64_t offset,
                                          std::uint64_t size, std::string& content);

}  // namespace barnetslov::detail
