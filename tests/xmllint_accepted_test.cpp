// schema/README.md promises that a file the loader accepts is valid against the XSD. Every file
// of the repository the loader accepts — rule fixtures, examples, the bad inputs accepted on
// purpose, the loader's fuzz regressions — goes through
//   xmllint --noout --nonet --schema schema/case-1.xsd FILE...
// (libxml2-utils, installed by tools/setup.sh), which must say "FILE validates" for each and
// nothing else: no error, and no warning or namespace error either (xmllint exits 0 on those).
// Skipped where xmllint is not installed.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "barnetslov/loader.hpp"

using namespace barnetslov;
namespace fs = std::filesystem;

namespace {

const fs::path source_dir = fs::path(BARNETSLOV_SOURCE_DIR);

std::vector<fs::path> files_under(const fs::path& dir, bool recursive, bool xml_only) {
    std::vector<fs::path> out;
    if (!fs::is_directory(dir)) return out;
    auto take = [&](const fs::directory_entry& e) {
        if (e.is_regular_file() && (!xml_only || e.path().extension() == ".xml")) out.push_back(e.path());
    };
    if (recursive)
        for (const auto& e : fs::recursive_directory_iterator(dir)) take(e);
    else
        for (const auto& e : fs::directory_iterator(dir)) take(e);
    std::sort(out.begin(), out.end());
    return out;
}

// xmllint's combined output and exit status.
std::pair<std::string, int> run(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return {"popen failed", -1};
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    return {out, ::pclose(pipe)};
}

TEST(XmllintAccepted, EveryFileTheLoaderAcceptsIsValidAgainstTheXsd) {
    if (std::system("command -v xmllint >/dev/null 2>&1") != 0) GTEST_SKIP() << "xmllint is not installed (libxml2-utils, tools/setup.sh)";
    const Calendar calendar;

    // Fixtures and examples are all meant to load: a refused one is a failure here too, so that
    // the set checked cannot shrink unnoticed.
    std::vector<fs::path> must_load = files_under(source_dir / "tests" / "fixtures", true, true);
    const auto examples = files_under(source_dir / "examples", false, true);
    must_load.insert(must_load.end(), examples.begin(), examples.end());
    std::vector<fs::path> may_load = files_under(source_dir / "tests" / "bad-inputs", false, true);
    const auto regressions = files_under(source_dir / "tests" / "fuzz" / "regressions" / "loader", true, false);
    may_load.insert(may_load.end(), regressions.begin(), regressions.end());
    ASSERT_GE(must_load.size(), 100u);

    std::vector<std::string> accepted;
    for (const fs::path& f : must_load) {
        const LoadResult r = load_case_file(f, calendar);
        EXPECT_TRUE(r.ok()) << f << ": " << (r.errors.empty() ? "" : r.errors.front().to_string());
        if (r.ok()) accepted.push_back(f.string());
    }
    std::size_t bad_inputs_accepted = 0;
    for (const fs::path& f : may_load)
        if (load_case_file(f, calendar).ok()) accepted.push_back(f.string()), ++bad_inputs_accepted;
    EXPECT_GE(bad_inputs_accepted, 4u);  // the "accepted-*" files of tests/bad-inputs

    std::string command = "xmllint --noout --nonet --schema '" + (source_dir / "schema" / "case-1.xsd").string() + "'";
    for (const std::string& f : accepted) {
        ASSERT_EQ(f.find('\''), std::string::npos) << f;
        command += " '" + f + "'";
    }
    const auto [output, status] = run(command + " 2>&1");

    std::set<std::string> validated;
    std::string other;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        constexpr std::string_view ok = " validates";
        if (line.size() > ok.size() && line.compare(line.size() - ok.size(), ok.size(), ok) == 0)
            validated.insert(line.substr(0, line.size() - ok.size()));
        else
            other += line + "\n";
    }
    EXPECT_EQ(status, 0) << output;
    EXPECT_EQ(other, "") << "xmllint has more to say about files the loader accepts";
    for (const std::string& f : accepted) EXPECT_TRUE(validated.count(f)) << f << " is accepted by the loader, not validated by xmllint";
    std::cout << accepted.size() << " files the loader accepts, " << validated.size() << " validated by xmllint\n";
}

}  // namespace
