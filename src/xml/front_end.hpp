// Which of the XML loader's two front ends reads a file: for the tests that compare them
// (tests/direct_loader_test.cpp, tests/fuzz/fuzz_loader.cpp). load_case_buffer is `automatic`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "barnetslov/loader.hpp"

namespace barnetslov::xml {

enum class FrontEnd {
    automatic,  // the one-pass front end (direct_loader.hpp), and pugixml when it gives up
    pugixml,    // pugixml and the walk over its document only, as before the one-pass front end
    direct,     // the one-pass front end only: nothing when it gives up
};

// load_case_buffer through the front end chosen; empty only for FrontEnd::direct when it gave up
// (a file refused before either front end runs, e.g. as empty or not UTF-8, is a result).
[[nodiscard]] std::optional<LoadResult> load_case_buffer_with(FrontEnd front_end, std::string_view data, std::string source,
                                                              const Calendar& calendar, const Limits& limits = {});

}  // namespace barnetslov::xml
