// Reading case files (urn:barnetslov:case:1) into a Case.
#pragma once

#include <filesystem>
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

// Reads and checks a case file. Never throws for bad input; I/O problems are errors too.
[[nodiscard]] LoadResult load_case_file(const std::filesystem::path& path, const Calendar& calendar,
                                        const Limits& limits = {});
// The same for bytes in memory; `source` names them in messages. `data` is copied, never changed.
[[nodiscard]] LoadResult load_case_buffer(std::string_view data, std::string source, const Calendar& calendar,
                                          const Limits& limits = {});

}  // namespace barnetslov
