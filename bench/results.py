#!/usr/bin/env python3
"""Writes bench/RESULTS.md (to stdout) from what bench/run.sh measured (environment + JSON files)."""
import datetime
import json
import os

E = os.environ
f = lambda k: float(E[k])
WORK = E["WORK"]


def medians(path):
    """run_name -> median entry of a Google Benchmark JSON file."""
    with open(path) as fh:
        data = json.load(fh)
    return {b["run_name"]: b for b in data["benchmarks"] if b.get("aggregate_name") == "median"}


def us(b, key="real_time"):
    scale = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}[b["time_unit"]]
    return b[key] * scale


def verdict(ok):
    return "**met**" if ok else "**not met**"


bench = medians(f"{WORK}/bench.json")
capi = medians(f"{WORK}/bench_capi.json")
rules = int(bench["BM_Evaluate/50"]["rules"])

# Instructions of the per-file work: the start-up (engine, time-zone database) taken out.
base_work = f("I_BASE") - f("I_BASE0")
check_work = f("I_CHECK") - f("I_CHECK0")
summary_work = f("I_SUMMARY") - f("I_CHECK0")
rules_report = f("P_EVAL") + f("P_TEXT") + f("P_AGG")
eval50 = bench["BM_Evaluate/50"]
pe = {n: us(bench[f"BM_Evaluate/{n}"], "cpu_time") / n for n in (10, 50, 1000, 10000)}
ie = {n: int(E[f"I_EVAL_{n}"]) for n in (10, 50, 1000, 10000)}
w = {k: f(f"WALL_{k}") for k in ("base1", "base2", "check1", "check2", "summary1", "summary2")}
def bound(total, serial):
    """Amdahl: what 2 CPUs can give at most when `serial` instructions run on the calling thread only
    (start-up, finding the files, handing results on in order) and the rest divides as threads come free."""
    return total / (serial + (total - serial) / 2)


serial_text = f("I_CHECK0") + f("P_DISCOVER") + f("P_SINK")
serial_summary = f("I_CHECK0") + f("P_DISCOVER") + f("P_SINK_S")
bound_text = bound(f("I_CHECK"), serial_text)
bound_summary = bound(f("I_SUMMARY"), serial_summary)
rss_ratio = f("RSS_BIG") / f("RSS_N")
rss_sum_ratio = f("RSS_SUM_BIG") / f("RSS_SUM_N")

out = []
p = out.append
p("# Benchmark results (issue 7)\n")
p("Written by `bench/run.sh`; do not edit by hand. Instruction counts (callgrind) are the repeatable figures; "
  "wall-clock figures are medians of %s runs on a shared machine and move with its load.\n" % E["REPS"])
p(f"- Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; commit {E['COMMIT']} "
  f"(+{E['DIRTY']} uncommitted files in the worktree)")
p(f"- Machine: {E['CPU_MODEL']}; {E['CPU_LINE']} (the two CPUs are two cores of one socket, no SMT siblings)")
p(f"- Load average (1/5/15 min): {E['LOAD_BEFORE']} before the wall-clock runs, {E['LOAD_AFTER']} after them, "
  f"{E['LOAD_END']} at the end")
p(f"- Corpus: {E['CORPUS_KIND']} (N = {E['N']}, {E['BIG']} for memory, {E['CG']} for callgrind); `--as-of {E['AS_OF']}`")
p("- Google Benchmark 1.7.1 (Debian's build says `Library was built as DEBUG`; that is the harness, "
  "our code is `-O3`)\n")

p("Where the time goes and the library changes that would meet the missed targets: [ANALYSIS.md](ANALYSIS.md).\n")
p("## Targets\n")
p("| Target | Measured | Result |")
p("|---|---|---|")
p(f"| End-to-end `check` throughput ≥ 80 % of the parse-only baseline | instructions per file: baseline / check = "
  f"{base_work / check_work:.1%} (text report), {base_work / summary_work:.1%} (`--summary`); wall, 1 thread: "
  f"{w['base1'] / w['check1']:.1%} (text), {w['base1'] / w['summary1']:.1%} (`--summary`) | {verdict(base_work / check_work >= 0.8)} |")
p(f"| Rules + report ≤ 25 % of the parse cost | (evaluate + write_text + aggregates) / baseline = "
  f"{rules_report / base_work:.0%} (instructions) | {verdict(rules_report / base_work <= 0.25)} |")
p(f"| In-memory case of 50 events against the whole rulebook ({rules} rules) ≤ 5 µs median | "
  f"{us(eval50):.2f} µs wall, {us(eval50, 'cpu_time'):.2f} µs CPU, {int(eval50['findings'])} findings; "
  f"{ie[50] * 50:,} instructions | {verdict(us(eval50, 'cpu_time') <= 5)} |")
p(f"| Time per event flat within 2× from 10 to 10,000 events ({rules} rules) | CPU per event "
  f"{pe[10] * 1000:.0f} ns → {pe[10000] * 1000:.0f} ns ({pe[10000] / pe[10]:.1f}×); instructions per event "
  f"{ie[10]:,} → {ie[10000]:,} ({ie[10000] / ie[10]:.1f}×) | {verdict(ie[10000] / ie[10] <= 2 and pe[10000] / pe[10] <= 2)} |")
p(f"| 2 threads ≥ 1.6× one thread on the batch | `check`: {w['check1'] / w['check2']:.2f}× (text), "
  f"{w['summary1'] / w['summary2']:.2f}× (`--summary`); parse-only baseline on the same machine: "
  f"{w['base1'] / w['base2']:.2f}× (what this shared machine gave two threads at the time); upper bound from instructions "
  f"(Amdahl, the calling thread's serial part from callgrind of `-j 1`): {bound_text:.2f}× (text), {bound_summary:.2f}× (`--summary`) | "
  f"{verdict(w['check1'] / w['check2'] >= 1.6)}; by instructions {verdict(bound_text >= 1.6)} (text), "
  f"{verdict(bound_summary >= 1.6)} (`--summary`) |")
p(f"| Peak RSS for {int(E['BIG']):,} files within 1.5× of {int(E['N']):,} | text: {int(E['RSS_N']) / 1024:.1f} MiB → "
  f"{int(E['RSS_BIG']) / 1024:.1f} MiB ({rss_ratio:.2f}×); `--summary`: {int(E['RSS_SUM_N']) / 1024:.1f} MiB → "
  f"{int(E['RSS_SUM_BIG']) / 1024:.1f} MiB ({rss_sum_ratio:.2f}×); parse-only baseline, which holds the same list of "
  f"paths: {int(E['RSS_BASE_N']) / 1024:.1f} MiB → {int(E['RSS_BASE_BIG']) / 1024:.1f} MiB | {verdict(rss_ratio <= 1.5 and rss_sum_ratio <= 1.5)} |")
p("")

p("## Whole program, wall clock\n")
p(f"Median seconds on {int(E['N']):,} files (`-q -o /dev/null --as-of {E['AS_OF']}`; check exits 1 on findings):\n")
p("| Command | 1 thread | 2 threads | speed-up |")
p("|---|---|---|---|")
for label, a, b in (("`barnetslov_parse_baseline -j N DIR`", "base1", "base2"),
                    ("`barnetslov check -j N DIR`", "check1", "check2"),
                    ("`barnetslov check --summary -j N DIR`", "summary1", "summary2")):
    p(f"| {label} | {w[a]:.2f} s ({int(E['N']) / w[a]:,.0f} files/s) | {w[b]:.2f} s | {w[a] / w[b]:.2f}× |")
p("")

p(f"## Where the instructions go: `check -j 1` on {E['CG']} files (callgrind, inclusive)\n")
p("| Part | Instructions | Share of check | × parse-only |")
p("|---|---|---|---|")
rows = [
    ("whole `check` run", f("I_CHECK")),
    ("start-up (check of an empty folder)", f("I_CHECK0")),
    ("finding the files (`discover`: folders walked, names sorted)", f("P_DISCOVER")),
    ("`load_case_file` (read, UTF-8 check, positions, pugixml, CaseBuilder)", f("P_LOAD")),
    ("… of which pugixml `load_buffer_inplace`", f("P_PUGI")),
    ("… of which `CaseBuilder::event_attribute`", f("P_BUILDER_ATTR")),
    ("… of which `CaseBuilder::finish`", f("P_FINISH")),
    (f"`Engine::evaluate` ({rules} rules)", f("P_EVAL")),
    ("`write_text` (the text report)", f("P_TEXT")),
    ("… of which `describe_into` (summary, counting, margin of each finding)", f("P_DESCRIBE")),
    ("… of which `append_day` (dates)", f("P_FORMAT_DAY")),
    ("the figures (`CaseFigures` per case, `Aggregates::add`)", f("P_AGG")),
    ("`check --summary` run (no text report)", f("I_SUMMARY")),
    ("parse-only baseline run", f("I_BASE")),
    ("parse-only baseline start-up", f("I_BASE0")),
]
for label, v in rows:
    p(f"| {label} | {v:,.0f} | {v / f('I_CHECK'):.1%} | {v / base_work:.2f} |")
p("")

p(f"Serial part (calling thread only) of `check -j 1` on {E['CG']} files: start-up {f('I_CHECK0'):,.0f}, finding the files "
  f"{f('P_DISCOVER'):,.0f}, handing results on in order (the sink: figures, writing) {f('P_SINK'):,.0f} (text) / "
  f"{f('P_SINK_S'):,.0f} (`--summary`) instructions; the rest (reading, checking, rendering each file) runs on whichever "
  f"thread is free.\n")

p("## Google Benchmark (median of 5 repetitions)\n")
p(f"`build/bench/barnetslov_bench` and `build/bench/barnetslov_bench_capi`; every evaluation runs the whole rulebook ({rules} rules).\n")
p("| Benchmark | Wall | CPU | Counters |")
p("|---|---|---|---|")
for name, b in list(bench.items()) + list(capi.items()):
    counters = []
    for k in ("rules", "events", "findings", "bytes"):
        if k in b:
            counters.append(f"{k}={int(b[k]):,}")
    if "per_event" in b:
        counters.append(f"per event={b['per_event'] * 1e9:,.0f} ns (wall)")
    unit = b["time_unit"]
    p(f"| {name} | {b['real_time']:,.2f} {unit} | {b['cpu_time']:,.2f} {unit} | {', '.join(counters)} |")
p("")
p("Arguments: `BM_LoadCaseBuffer`/`BM_PugixmlParseOnly` 0 = examples/19 (22 events), 1 = examples/13 (35 events), "
  "50 and 1000 = the synthetic case of that many events as XML; `BM_Capi*` 0 = walk without text, 1 = with each "
  "finding's message.\n")

p("## Commands\n")
p("```")
p("bench/run.sh                      # this file")
p(f"python3 tools/generate-corpus.py --cases {E['N']} --seed 7 --out DIR")
p(f"build/barnetslov check --as-of {E['AS_OF']} --quiet -o /dev/null -j 1|2 [--summary] DIR")
p("build/bench/barnetslov_parse_baseline -j 1|2 DIR")
p(f"/usr/bin/time -f %M build/barnetslov check --as-of {E['AS_OF']} --quiet -o /dev/null -j 2 [--summary] DIR")
p(f"valgrind --tool=callgrind build/barnetslov check --as-of {E['AS_OF']} --quiet -o /dev/null -j 1 [--summary] DIR{E['CG']}")
p("valgrind --tool=callgrind --toggle-collect='barnetslov::Engine::evaluate(*EvaluateOptions) const' build/bench/barnetslov_bench "
  "--benchmark_filter='BM_Evaluate/N$' --benchmark_min_time=0 --benchmark_format=json")
p("build/bench/barnetslov_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true")
p("```")
print("\n".join(out))
