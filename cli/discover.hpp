// Expanding the CLI's FILE|DIR arguments into case files, in a stable order.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace barnetslov::cli {

struct Discovered {
    // Case files, in argument order, folders sorted. Plain strings: a batch of 100,000 files keeps
    // this list for the whole run, and a std::filesystem::path costs several times its text.
    std::vector<std::string> files;
    std::vector<std::string> problems;         // arguments that could not be read
};

// A file argument is taken as given; a folder contributes every *.xml below it, recursively,
// sorted by path so that output never depends on directory order.
Discovered discover(const std::vector<std::string>& args);

}  // namespace barnetslov::cli
