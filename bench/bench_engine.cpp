// The library in process: loading a case from memory, evaluating a case of N events against the
// whole rulebook, and turning findings into text and JSON (measured apart from evaluation).
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include <pugixml.hpp>

#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/report.hpp"
#include "synthetic.hpp"

namespace {

using namespace barnetslov;

const Engine& engine() {
    static const Engine e;
    return e;
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The inputs of the loader benchmarks: two example files and the synthetic case as XML.
std::string input(std::int64_t which) {
    switch (which) {
    case 0: return read(BARNETSLOV_EXAMPLES_DIR "/19-clean-section-32-trajectory.xml");           // 22 events
    case 1: return read(BARNETSLOV_EXAMPLES_DIR "/13-committee-placement-without-consent.xml");  // 35 events
    default: return bench::to_xml(bench::synthetic_case(static_cast<std::size_t>(which)));
    }
}

void set_labels(benchmark::State& state, std::size_t events) {
    state.counters["events"] = static_cast<double>(events);
    state.counters["rules"] = static_cast<double>(engine().rulebook().rules().size());
    // Seconds per event (shown in the time unit of the row): flat from 10 to 10,000 means no quadratic rule.
    state.counters["per_event"] = benchmark::Counter(static_cast<double>(events),
                                                     benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// load_case_buffer: UTF-8 check, copy, pugixml, CaseBuilder (vocabulary, ids, refs, time order).
void BM_LoadCaseBuffer(benchmark::State& state) {
    const std::string xml = input(state.range(0));
    std::size_t events = 0;
    for (auto _ : state) {
        LoadResult r = load_case_buffer(xml, "bench.xml", engine().calendar());
        if (!r.ok()) {
            state.SkipWithError(r.errors.front().to_string().c_str());
            return;
        }
        events = r.kase->events().size();
        benchmark::DoNotOptimize(r);
    }
    state.counters["bytes"] = static_cast<double>(xml.size());
    set_labels(state, events);
}
BENCHMARK(BM_LoadCaseBuffer)->Arg(0)->Arg(1)->Arg(50)->Arg(1000)->Unit(benchmark::kMicrosecond);

// The parse-only limit of the same bytes: copy, load_buffer_inplace, walk every element and attribute.
void BM_PugixmlParseOnly(benchmark::State& state) {
    const std::string xml = input(state.range(0));
    std::string copy;
    for (auto _ : state) {
        copy = xml;
        pugi::xml_document doc;
        doc.load_buffer_inplace(copy.data(), copy.size(), (pugi::parse_default | pugi::parse_fragment) & ~pugi::parse_doctype,
                                pugi::encoding_utf8);
        std::size_t n = 0;
        // Iterative walk, the same as bench/parse_baseline.cpp.
        for (pugi::xml_node node = doc.first_child(); node;) {
            for (const pugi::xml_attribute a : node.attributes()) n += a.name()[0] + a.value()[0];
            if (node.first_child()) { node = node.first_child(); continue; }
            while (node && !node.next_sibling()) node = node.parent();
            if (node) node = node.next_sibling();
        }
        benchmark::DoNotOptimize(n);
    }
    state.counters["bytes"] = static_cast<double>(xml.size());
}
BENCHMARK(BM_PugixmlParseOnly)->Arg(0)->Arg(1)->Arg(50)->Arg(1000)->Unit(benchmark::kMicrosecond);

// Building the same N-event case through the C++ CaseBuilder (what a vendor without XML does).
void BM_BuildCase(benchmark::State& state) {
    const bench::SyntheticCase c = bench::synthetic_case(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(bench::build(c, engine().calendar()));
    set_labels(state, c.events.size());
}
BENCHMARK(BM_BuildCase)->Arg(50)->Arg(1000)->Unit(benchmark::kMicrosecond);

// Engine::evaluate on an in-memory case: every rule, findings with their structured explanation
// (events and roles, due time, counting, margin); no text.
void BM_Evaluate(benchmark::State& state) {
    const auto kase = bench::build(bench::synthetic_case(static_cast<std::size_t>(state.range(0))), engine().calendar());
    const Instant as_of = bench::synthetic_as_of();
    std::size_t findings = 0;
    for (auto _ : state) {
        Report r = engine().evaluate(kase, as_of);
        findings = r.findings.size();
        benchmark::DoNotOptimize(r);
    }
    state.counters["findings"] = static_cast<double>(findings);
    set_labels(state, kase->events().size());
}
BENCHMARK(BM_Evaluate)->Arg(10)->Arg(50)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

// Issue 20: the cost of judging a case long after its last event. 10,000 events, judged as of the end
// of its last event's year (/0) and as of 2199-12-31 (/1).
void evaluate_as_of(benchmark::State& state, bench::SyntheticOptions options) {
    const auto kase = bench::build(bench::synthetic_case(10000, options), engine().calendar());
    const Instant as_of = state.range(0) == 0 ? bench::end_of_last_event_year(*kase, engine().calendar())
                                              : engine().calendar().end_of_local_day(local_day(2199, 12, 31)) - Seconds{1};
    std::size_t findings = 0;
    for (auto _ : state) {
        Report r = engine().evaluate(kase, as_of);
        findings = r.findings.size();
        benchmark::DoNotOptimize(r);
    }
    state.counters["findings"] = static_cast<double>(findings);
    state.counters["as_of_year"] = static_cast<double>(int(ymd(engine().calendar().local_day(as_of)).year()));
    set_labels(state, kase->events().size());
}

// Every measure and placement ended: beyond the findings whose status changes (a running duty now
// missed), nothing may depend on how far the as-of date lies from the events (target: /1 within 1.5x of /0).
void BM_EvaluateEndedAsOf(benchmark::State& state) { evaluate_as_of(state, {.measures_ended = true}); }
BENCHMARK(BM_EvaluateEndedAsOf)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// For comparison, the same trajectories with no measure ended: each running placement has a supervision
// window a year up to the as-of date (BL-TILS-2X), findings the case must produce.
void BM_EvaluateRunningAsOf(benchmark::State& state) { evaluate_as_of(state, {}); }
BENCHMARK(BM_EvaluateRunningAsOf)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// The words: describe() of every finding, the text report, the JSON of one case.
Report report_of_50() {
    static const auto kase = bench::build(bench::synthetic_case(50), engine().calendar());
    return engine().evaluate(kase, bench::synthetic_as_of());
}

void BM_DescribeAll(benchmark::State& state) {
    const Report r = report_of_50();
    for (auto _ : state)
        for (const Finding& f : r.findings) benchmark::DoNotOptimize(describe(engine(), r, f, Lang::en));
    state.counters["findings"] = static_cast<double>(r.findings.size());
}
BENCHMARK(BM_DescribeAll)->Unit(benchmark::kMicrosecond);

void BM_WriteText(benchmark::State& state) {
    const Report r = report_of_50();
    std::string out;
    for (auto _ : state) {
        out.clear();
        write_text(out, engine(), r, Lang::en);
        benchmark::DoNotOptimize(out);
    }
    state.counters["findings"] = static_cast<double>(r.findings.size());
}
BENCHMARK(BM_WriteText)->Unit(benchmark::kMicrosecond);

void BM_CaseToJson(benchmark::State& state) {
    const Report r = report_of_50();
    for (auto _ : state) benchmark::DoNotOptimize(case_to_json(engine(), r));
    state.counters["findings"] = static_cast<double>(r.findings.size());
}
BENCHMARK(BM_CaseToJson)->Unit(benchmark::kMicrosecond);

}  // namespace
