// The case files the whole-rulebook tests run on: every example and every rule fixture, in path order.
#pragma once

#include <algorithm>
#include <filesystem>
#include <vector>

namespace barnetslov::test {

inline std::vector<std::filesystem::path> examples_and_fixtures() {
    const std::filesystem::path root(BARNETSLOV_SOURCE_DIR);
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(root / "examples"))
        if (e.is_regular_file() && e.path().extension() == ".xml") out.push_back(e.path());
    for (const auto& e : std::filesystem::recursive_directory_iterator(root / "tests" / "fixtures"))
        if (e.is_regular_file() && e.path().extension() == ".xml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace barnetslov::test
