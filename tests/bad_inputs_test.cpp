// The bad-input corpus (tests/bad-inputs): every file through the real loader, from disk, with
// the default limits, gives exactly the errors tests/bad-inputs/expected.txt lists for it, in
// order, file:line:column included; files listed as "loads" load. No message shows a CPR number.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "barnetslov/loader.hpp"

using namespace barnetslov;
namespace fs = std::filesystem;

namespace {

const fs::path corpus = fs::path(BARNETSLOV_SOURCE_DIR) / "tests" / "bad-inputs";

// File name -> its expected lines ("loads", or each error as printed with the name as source).
const std::map<std::string, std::vector<std::string>>& expected() {
    static const auto table = [] {
        std::map<std::string, std::vector<std::string>> t;
        std::ifstream in(corpus / "expected.txt");
        for (std::string line; std::getline(in, line);) {
            if (line.empty() || line[0] == '#') continue;
            const auto colon = line.find(':');
            if (colon == std::string::npos) continue;
            const std::string file = line.substr(0, colon);
            t[file].push_back(line == file + ": loads" ? "loads" : line);
        }
        return t;
    }();
    return table;
}

std::vector<std::string> corpus_files() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(corpus))
        if (e.path().extension() == ".xml") out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

const Calendar& calendar() {
    static const Calendar c;
    return c;
}

class BadInputFile : public ::testing::TestWithParam<std::string> {};

TEST_P(BadInputFile, GivesExactlyTheListedErrors) {
    const std::string& name = GetParam();
    const auto it = expected().find(name);
    ASSERT_NE(it, expected().end()) << name << " is not in tests/bad-inputs/expected.txt";
    const auto start = std::chrono::steady_clock::now();
    const LoadResult r = load_case_file(corpus / name, calendar());
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5)) << "a bad input must fail fast";

    std::vector<std::string> got;
    for (const InputError& e : r.errors) {
        EXPECT_EQ(e.source, (corpus / name).string());
        got.push_back(InputError{name, e.location, e.message}.to_string());
        // The CPR numbers the corpus uses, in every spelling, never appear in a message.
        for (const char* cpr : {"150610-4321", "1506104321", "150610", "320110"}) EXPECT_EQ(e.message.find(cpr), std::string::npos) << e.message;
    }
    if (it->second == std::vector<std::string>{"loads"}) {
        EXPECT_TRUE(r.ok()) << (got.empty() ? "" : got.front());
    } else {
        EXPECT_FALSE(r.ok());
        EXPECT_EQ(got, it->second);
    }
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInputFile, ::testing::ValuesIn(corpus_files()), [](const auto& p) {
    std::string n = p.param.substr(0, p.param.size() - 4);
    std::replace(n.begin(), n.end(), '-', '_');
    return n;
});

TEST(BadInputCorpus, EveryFileListedAndAtLeast100Bad) {
    const auto files = corpus_files();
    std::size_t bad = 0;
    for (const auto& [file, lines] : expected()) {
        EXPECT_TRUE(std::binary_search(files.begin(), files.end(), file)) << "expected.txt lists " << file << ", which is not there";
        bad += lines != std::vector<std::string>{"loads"};
    }
    EXPECT_EQ(expected().size(), files.size());
    EXPECT_GE(bad, 100u);
}

}  // namespace
