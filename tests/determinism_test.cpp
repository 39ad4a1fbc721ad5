// Deterministic and side-effect free (issue 8):
//  - the same case and as-of give the same report, byte for byte: evaluated twice, by a fresh
//    engine, in another order among other cases, from a file or from a buffer, and by several
//    threads sharing one engine at once (tools/sanitize.sh thread runs this under TSan);
//  - the library's sources (src/, capi/, include/) call nothing that writes files, reads the
//    environment or the clock, runs programs or draws random numbers. A grep over the sources is
//    a blunt check, but it is exact for what it lists, and the list says what would need a
//    documented exception. What the library does read: the case files it is asked to, and the
//    OS time-zone database (/usr/share/zoneinfo, through date-tz, which reads no variable: the
//    zone is always Europe/Copenhagen, never TZ or the machine's zone).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/report.hpp"

using namespace barnetslov;
namespace fs = std::filesystem;

namespace {

const fs::path source_dir = BARNETSLOV_SOURCE_DIR;

std::vector<fs::path> examples() {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(source_dir / "examples"))
        if (e.path().extension() == ".xml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The as-of of examples/expected (2025-01-15 12:00 Copenhagen).
Instant as_of(const Calendar& cal) {
    const ParsedMoment m = parse_moment("2025-01-15T12:00", cal);
    return m.moment.instant;
}

// Everything a report can be written as: text in both languages and JSON.
std::string outputs(const Engine& engine, const std::shared_ptr<const Case>& kase) {
    const Report r = engine.evaluate(kase, as_of(engine.calendar()));
    std::string out;
    write_text(out, engine, r, Lang::en);
    write_text(out, engine, r, Lang::da);
    out += case_to_json(engine, r);
    return out;
}

std::shared_ptr<const Case> load(const fs::path& p, const Calendar& cal) {
    LoadResult r = load_case_file(p, cal);
    EXPECT_TRUE(r.ok()) << p;
    return r.kase;
}

TEST(Determinism, SameReportTwiceFreshEngineAndOtherOrder) {
    const Engine engine;
    const auto files = examples();
    ASSERT_GE(files.size(), 10u);
    std::vector<std::string> first;
    for (const auto& f : files) first.push_back(outputs(engine, load(f, engine.calendar())));
    // Again, in reverse order, with the same engine and with a fresh one.
    const Engine fresh;
    for (std::size_t i = files.size(); i-- > 0;) {
        EXPECT_EQ(outputs(engine, load(files[i], engine.calendar())), first[i]) << files[i];
        EXPECT_EQ(outputs(fresh, load(files[i], fresh.calendar())), first[i]) << files[i];
    }
    // One loaded case evaluated twice; the same bytes loaded from a buffer under the same name.
    const auto kase = load(files.front(), engine.calendar());
    EXPECT_EQ(outputs(engine, kase), outputs(engine, kase));
    const LoadResult from_buffer = load_case_buffer(read(files.front()), files.front().string(), engine.calendar());
    ASSERT_TRUE(from_buffer.ok());
    EXPECT_EQ(outputs(engine, from_buffer.kase), first.front());
}

TEST(Determinism, ThreadsSharingOneEngineGetTheSameReports) {
    const Engine engine;
    const auto files = examples();
    std::vector<std::shared_ptr<const Case>> cases;
    std::vector<std::string> want;
    for (const auto& f : files) {
        cases.push_back(load(f, engine.calendar()));
        want.push_back(outputs(engine, cases.back()));
    }
    constexpr int threads = 4;
    std::vector<std::vector<std::string>> got(threads, std::vector<std::string>(files.size()));
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            // Each thread starts at a different case and loads half of them itself.
            for (std::size_t k = 0; k < files.size(); ++k) {
                const std::size_t i = (k + std::size_t(t) * 5) % files.size();
                const auto kase = (i + std::size_t(t)) % 2 == 0 ? cases[i] : load_case_file(files[i], engine.calendar()).kase;
                got[std::size_t(t)][i] = kase ? outputs(engine, kase) : "<failed>";
            }
        });
    }
    for (auto& th : pool) th.join();
    for (int t = 0; t < threads; ++t)
        for (std::size_t i = 0; i < files.size(); ++i) EXPECT_EQ(got[std::size_t(t)][i], want[i]) << "thread " << t << ", " << files[i];
}

// Calls the library must not make, with the one use each exception is for.
struct Forbidden {
    const char* pattern;
    const char* why;
};
const Forbidden forbidden[] = {
    {R"(\b(secure_)?getenv\s*\(|\benviron\b|\b(setenv|putenv|unsetenv)\s*\()", "reads or changes the environment"},
    {R"(\bofstream\b|\bfstream\b|\bfwrite\s*\(|\bfputs\s*\(|\bfprintf\s*\(|\bprintf\s*\(|\bputs\s*\(|std::cout|std::cerr)", "writes a file or prints"},
    {R"(\bfopen\s*\([^;]*"[wa+]|\bfopen\s*\([^;]*"r[+])", "opens a file for writing"},
    {R"(\b(create_director(y|ies)|remove_all|remove|rename|copy_file|copy|resize_file|permissions|create_symlink)\s*\()", "changes the file system"},
    {R"(\b(system|popen|fork|exec[lv]p?e?)\s*\()", "runs a program"},
    {R"(system_clock::now|steady_clock::now|high_resolution_clock::now|\btime\s*\(\s*(NULL|nullptr|0)?\s*\)|gettimeofday|clock_gettime|current_zone)", "reads the clock or the machine's time zone"},
    {R"(\brand\s*\(|random_device|\bmt19937)", "draws random numbers"},
};

TEST(SideEffects, LibrarySourcesCallNothingThatWritesReadsTheEnvironmentOrTheClock) {
    std::vector<std::pair<std::regex, const char*>> checks;
    for (const Forbidden& f : forbidden) checks.emplace_back(std::regex(f.pattern), f.why);
    std::vector<std::string> problems;
    std::size_t files = 0;
    for (const char* dir : {"src", "capi", "include"}) {
        for (const auto& e : fs::recursive_directory_iterator(source_dir / dir)) {
            const auto ext = e.path().extension();
            if (ext != ".cpp" && ext != ".hpp" && ext != ".h") continue;
            ++files;
            std::istringstream in(read(e.path()));
            int n = 0;
            for (std::string line; std::getline(in, line);) {
                ++n;
                // Comments may name what the code must not do (and the C header's examples do).
                const std::string code = line.substr(0, line.find("//"));
                const auto first = code.find_first_not_of(" \t");
                if (first == std::string::npos || code.compare(first, 1, "*") == 0 || code.compare(first, 2, "/*") == 0) continue;
                for (const auto& [re, why] : checks)
                    if (std::regex_search(code, re))
                        problems.push_back(fs::relative(e.path(), source_dir).string() + ":" + std::to_string(n) + ": " + why + ": " + line);
            }
        }
    }
    EXPECT_GT(files, 40u);
    for (const auto& p : problems) ADD_FAILURE() << p;
}

}  // namespace
