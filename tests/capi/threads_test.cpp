// One engine shared by 8 threads, each evaluating different example cases through the C API in
// its own order, gives byte-identical JSON to one thread alone; errors stay in their thread. The
// threads also read one shared report's texts, which are made on first use (bl_finding_texts):
// whoever comes first makes them, the others get the same words.
// Built with -DBARNETSLOV_SANITIZE=thread by tools/sanitize.sh, it is also the ThreadSanitizer test.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "barnetslov.h"

namespace {

constexpr int thread_count = 8;
constexpr int rounds = 3;
constexpr std::int64_t as_of = 1736938800;  // examples/expected/AS_OF: 2025-01-15 12:00 Copenhagen

std::string evaluate(const bl_engine* engine, const bl_case* kase) {
    bl_report* report = nullptr;
    char* json = nullptr;
    std::size_t size = 0;
    std::string out = "<failed>";
    if (bl_evaluate(&report, engine, kase, as_of) == BL_OK && bl_report_to_json(&json, &size, report) == BL_OK) out.assign(json, size);
    bl_string_free(json);
    bl_report_free(report);
    return out;
}

// Every text of every finding of `report` in both languages, joined.
std::string all_texts(const bl_report* report) {
    std::string out;
    for (std::size_t i = 0; i < bl_report_count(report); ++i) {
        const bl_finding* f = nullptr;
        bl_report_finding(&f, report, i);
        for (const bl_lang lang : {BL_LANG_DA, BL_LANG_EN})
            for (int part = BL_TEXT_TITLE; part >= BL_TEXT_MESSAGE; --part) {
                const char* text = nullptr;
                if (bl_finding_text(&text, f, static_cast<bl_text>(part), lang) != BL_OK) return "<failed>";
                out += text;
                out += '\n';
            }
    }
    return out;
}

}  // namespace

int main() {
    std::vector<std::string> paths;
    for (const auto& entry : std::filesystem::directory_iterator(BARNETSLOV_SOURCE_DIR "/examples"))
        if (entry.path().extension() == ".xml") paths.push_back(entry.path().string());
    std::sort(paths.begin(), paths.end());

    bl_engine* engine = nullptr;
    if (bl_engine_new(&engine, nullptr) != BL_OK || paths.size() < 2) return 1;
    std::vector<bl_case*> cases(paths.size(), nullptr);
    std::vector<std::string> expected(paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) {
        if (bl_case_load_file(&cases[i], engine, paths[i].c_str()) != BL_OK) {
            std::fprintf(stderr, "%s\n", bl_last_error_message());
            return 1;
        }
        expected[i] = evaluate(engine, cases[i]);
    }

    // One report shared by all threads, its texts not yet made; and the words one thread alone
    // reads from another report of the same case.
    bl_report* shared = nullptr;
    bl_report* alone = nullptr;
    if (bl_evaluate(&shared, engine, cases.back(), as_of) != BL_OK || bl_evaluate(&alone, engine, cases.back(), as_of) != BL_OK) return 1;
    const std::string texts_alone = all_texts(alone);
    bl_report_free(alone);

    // Each thread starts at another case, and one in two loads its own copies from the files, so
    // that cases are built, evaluated and freed at the same time as others are read.
    std::atomic<int> mismatches{0}, error_leaks{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t) {
        threads.emplace_back([&, t] {
            if (all_texts(shared) != texts_alone) ++mismatches;
            for (int r = 0; r < rounds; ++r) {
                for (std::size_t k = 0; k < paths.size(); ++k) {
                    const std::size_t i = (k + static_cast<std::size_t>(t)) % paths.size();
                    bl_case* own = nullptr;
                    if (t % 2 == 1 && bl_case_load_file(&own, engine, paths[i].c_str()) != BL_OK) ++mismatches;
                    if (evaluate(engine, own ? own : cases[i]) != expected[i]) ++mismatches;
                    bl_case_free(own);
                    // A failure in this thread is this thread's error only.
                    if (bl_evaluate(nullptr, engine, nullptr, 0) != BL_ERROR_ARGUMENT ||
                        std::strstr(bl_last_error_message(), "bl_evaluate") == nullptr)
                        ++error_leaks;
                    const bl_finding* f = nullptr;
                    bl_report* report = nullptr;
                    if (bl_evaluate(&report, engine, cases[i], as_of) != BL_OK || bl_last_error_message()[0] != '\0') ++error_leaks;
                    bl_report_finding(&f, report, 0);
                    bl_report_free(report);
                }
            }
        });
    }
    for (std::thread& th : threads) th.join();
    bl_report_free(shared);

    for (bl_case* c : cases) bl_case_free(c);
    bl_engine_free(engine);
    std::printf("%d threads x %d rounds x %zu cases: %d mismatches, %d error leaks\n", thread_count, rounds, paths.size(),
                mismatches.load(), error_leaks.load());
    return mismatches == 0 && error_leaks == 0 ? 0 : 1;
}
