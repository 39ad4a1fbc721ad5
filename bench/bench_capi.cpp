// The C API round trip a vendor makes per case: load (or build) -> evaluate -> walk the findings
// -> free. Linked against libbarnetslov.so, so the figure includes the ABI boundary.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "barnetslov.h"
#include "synthetic.hpp"

namespace {

bl_engine* engine() {
    static bl_engine* e = [] {
        bl_engine* out = nullptr;
        if (bl_engine_new(&out, nullptr) != BL_OK) std::abort();
        return out;
    }();
    return e;
}

const std::int64_t as_of = std::chrono::duration_cast<std::chrono::seconds>(
                               barnetslov::bench::synthetic_as_of().time_since_epoch()).count();

// Walks every finding through an iterator; with `text`, also asks for its English message.
std::size_t walk(const bl_report* report, bool text) {
    bl_finding_iter* it = nullptr;
    if (bl_report_findings(&it, report, nullptr) != BL_OK) std::abort();
    std::size_t n = 0;
    for (const bl_finding* f; bl_finding_iter_next(&f, it) == BL_OK && f != nullptr;) {
        n += bl_finding_rule_id(f)[0] + static_cast<std::size_t>(bl_finding_status_of(f));
        if (text) n += bl_finding_message(f, BL_LANG_EN)[0];
    }
    bl_finding_iter_free(it);
    return n;
}

void finish(benchmark::State& state, bl_case* kase, bool text) {
    bl_report* report = nullptr;
    if (bl_evaluate(&report, engine(), kase, as_of) != BL_OK) {
        state.SkipWithError(bl_last_error_message());
        return;
    }
    benchmark::DoNotOptimize(walk(report, text));
    state.counters["findings"] = static_cast<double>(bl_report_count(report));
    bl_report_free(report);
    bl_case_free(kase);
}

// Arg 0: with the message text of each finding (1) or without (0).
void BM_CapiLoadEvaluateWalk(benchmark::State& state) {
    std::ifstream in(BARNETSLOV_EXAMPLES_DIR "/13-committee-placement-without-consent.xml", std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    const std::string xml = s.str();
    for (auto _ : state) {
        bl_case* kase = nullptr;
        if (bl_case_load_buffer(&kase, engine(), xml.data(), xml.size(), "bench.xml") != BL_OK) {
            state.SkipWithError(bl_last_error_message());
            return;
        }
        finish(state, kase, state.range(0) != 0);
    }
    state.counters["rules"] = static_cast<double>(bl_engine_rule_count(engine()));
}
BENCHMARK(BM_CapiLoadEvaluateWalk)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// The same with the 50-event synthetic case built call by call (bl_builder_*).
void BM_CapiBuildEvaluateWalk(benchmark::State& state) {
    const auto c = barnetslov::bench::synthetic_case(50);
    for (auto _ : state) {
        bl_builder* b = nullptr;
        bl_builder_new(&b, engine(), "bench");
        for (const auto& [n, v] : c.case_attributes) bl_builder_case_attribute(b, n.c_str(), v.c_str());
        bl_builder_begin_child(b);
        for (const auto& [n, v] : c.child) bl_builder_child_attribute(b, n.c_str(), v.c_str());
        for (const auto& [element, attrs] : c.persons) {
            bl_builder_begin_person(b, element.c_str());
            for (const auto& [n, v] : attrs) bl_builder_person_attribute(b, n.c_str(), v.c_str());
        }
        for (const auto& e : c.events) {
            bl_builder_begin_event(b, e.element.c_str());
            for (const auto& [n, v] : e.attributes) bl_builder_event_attribute(b, n.c_str(), v.c_str());
        }
        bl_case* kase = nullptr;
        const bl_status st = bl_builder_finish(&kase, b);
        bl_builder_free(b);
        if (st != BL_OK) {
            state.SkipWithError(bl_last_error_message());
            return;
        }
        finish(state, kase, state.range(0) != 0);
    }
    state.counters["rules"] = static_cast<double>(bl_engine_rule_count(engine()));
    state.counters["events"] = static_cast<double>(c.events.size());
}
BENCHMARK(BM_CapiBuildEvaluateWalk)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace
