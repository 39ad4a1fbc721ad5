// Reading a case file whole (or one line of a JSON Lines file) for the loaders, with the errors
// every loader reports the same way.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "barnetslov/loader.hpp"

namespace barnetslov::detail {

// The error of a file over Limits::max_file_bytes (or a JSON Lines line over it).
LoadResult too_big(std::string source, std::uintmax_t size, const Limits& limits);

// Reads the regular file at `path` into `content`; or the error to report, `source` naming it
// (a file that does not exist, is not a regular file, is over max_file_bytes, cannot be read).
std::optional<LoadResult> read_case_file(const std::filesystem::path& path, const std::string& source, const Limits& limits,
                                         std::string& content);

// Reads `size` bytes from `offset` of the regular file at `path` into `content`; or the error.
std::optional<LoadResult> read_file_range(const std::filesystem::path& path, const std::string& source, std::uint64_t offset,
                                          std::uint64_t size, std::string& content);

}  // namespace barnetslov::detail
