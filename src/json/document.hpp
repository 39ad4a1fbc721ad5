// One JSON case document into a Case (src/json/loader.cpp), for the JSON and JSON Lines loaders.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "barnetslov/loader.hpp"

namespace barnetslov::json {

// `text` is the whole document. `line`: 0 for a file of its own; else the number of the JSON Lines
// line `text` is, whose positions are then that line of the file's (and a CR alone ends no line).
LoadResult load_document(std::string_view text, std::string source, const Calendar& calendar, const Limits& limits,
                         std::uint32_t line = 0);

}  // namespace barnetslov::json
