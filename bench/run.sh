#!/usr/bin/env bash
# Runs every benchmark of issues 7 and 20 and writes bench/RESULTS.md, in one command:
#
#   bench/run.sh              the full run: a corpus of 10,000 files (CPU time, instructions, system
#                             calls), 100,000 for memory, then bench/stream.sh (issue 17)
#   bench/run.sh --no-big     the same without the 100,000-file part (peak RSS at 100,000 and
#                             bench/stream.sh): RESULTS.md says so and keeps the stream section it had
#   bench/run.sh --quick      small corpora (1,000 / 2,000 files): checks the script, not the targets
#
# Environment: BUILD (build dir, default build), WORK (corpora and raw outputs, default
# /tmp/barnetslov-bench), REPS (rounds of the timed runs; default 21, 1 with --quick: a 0.3 s run's
# CPU time moves ±25 % from round to round on this VM, so fewer rounds leave the medians a few % apart).
#
# The machine is shared and its load moves, so the primary figures are the ones load does not
# move: instruction counts (valgrind --tool=callgrind, exact) and CPU time (user + system, from
# getrusage of each run: a process is not charged while it waits for a CPU). Wall time is shown
# beside them with the load average at the time. Every timed command runs in rounds, one run of
# each per round (bench/rusage.py), so the runs compared are interleaved; every ratio is of runs
# of this one script, on the same corpus: the end-to-end ratio is `check` against the parse-only
# program (bench/parse_baseline.cpp), and I/O is `check` against the same program's --read-only.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${BUILD:-build}
WORK=${WORK:-/tmp/barnetslov-bench}
REPS=${REPS:-21}
N=10000 BIG=100000 MODE=full
case "${1:-}" in
  --quick) N=1000 BIG=2000 REPS=1 MODE=quick ;;
  --no-big) BIG=0 MODE=no-big ;;
  "") ;;
  *) echo "usage: bench/run.sh [--quick | --no-big]" >&2; exit 2 ;;
esac
CG=$N      # callgrind runs on the same corpus as the timed runs
AS_OF=2026-07-01   # after the generator's last event (--until defaults to 2026-06-30)
mkdir -p "$WORK"
CLI=$BUILD/barnetslov
BASE=$BUILD/bench/barnetslov_parse_baseline

log() { echo "[bench] $*" >&2; }

# The machine is shared by several engineers building at once: always build through the lock.
log "building"
flock /tmp/barnetslov-build.lock cmake --build "$BUILD" -j2 \
  --target barnetslov_cli barnetslov_bench barnetslov_bench_capi barnetslov_parse_baseline >/dev/null

# ---- corpora -------------------------------------------------------------------------------
# tools/generate-corpus.py when present (realistic trajectories, deterministic by seed); else the
# 27 files of examples/ copied round-robin with a new case id each.
corpus() {
  local n=$1 dir=$WORK/corpus-$1
  # A corpus is reused only if the generator that wrote it is the one of this checkout: a corpus
  # left by an older generator once made RESULTS.md describe files the generator no longer writes.
  local stamp="generator $(sha256sum tools/generate-corpus.py 2>/dev/null | cut -c1-16)"
  if [ -f "$dir/.done" ] && [ "$(tail -n 1 "$dir/.done")" = "$stamp" ]; then echo "$dir"; return; fi
  rm -rf "$dir"
  if [ -f tools/generate-corpus.py ]; then
    log "generating $n files with tools/generate-corpus.py --seed 7"
    python3 tools/generate-corpus.py --cases "$n" --seed 7 --out "$dir" >/dev/null
    printf '%s\n%s\n' "tools/generate-corpus.py --cases N --seed 7" "$stamp" >"$dir/.done"
  else
    log "replicating examples/ into $n files"
    python3 - "$n" "$dir" <<'EOF'
import pathlib, re, sys
n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True)
src = sorted(pathlib.Path("examples").glob("*.xml"))
for i in range(n):
    text = src[i % len(src)].read_text(encoding="utf-8")
    text = re.sub(r'(<case\b[^>]*?\sid=")[^"]*"', lambda m: f'{m.group(1)}BENCH-{i + 1:06d}"', text, count=1)
    (out / f"case-{i + 1:06d}.xml").write_text(text, encoding="utf-8")
EOF
    printf '%s\n%s\n' "examples/*.xml replicated with renamed case ids" "$stamp" >"$dir/.done"
  fi
  echo "$dir"
}
C_N=$(corpus $N); C_CG=$C_N
C_BIG=""; [ "$BIG" != 0 ] && C_BIG=$(corpus $BIG)
mkdir -p "$WORK/empty"
CORPUS_KIND=$(head -n 1 "$C_N/.done")

# What the corpus holds, measured (the generator changes): bytes and events per file.
log "measuring the corpus"
CORPUS_STATS=$(python3 - "$C_N" <<'EOF'
import pathlib, statistics, sys, xml.etree.ElementTree as ET
sizes, events = [], []
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.xml")):
    sizes.append(p.stat().st_size)
    ev = ET.parse(p).getroot().find("{urn:barnetslov:case:1}events")
    events.append(0 if ev is None else len(ev))
print(f"{statistics.mean(sizes):.0f} {statistics.median(sizes):.0f} {min(sizes)} {max(sizes)} "
      f"{statistics.mean(events):.1f} {statistics.median(events):.0f} {min(events)} {max(events)}")
EOF
)

# ---- CPU time (primary) and wall time: REPS rounds, the commands interleaved -----------------
CHECK=("$CLI" check --as-of "$AS_OF" --quiet -o /dev/null)
log "CPU time on $N files, $REPS rounds"
"$BASE" --read-only "$C_N" >/dev/null   # warm the page cache
# The same commands on one file: their start-up, taken out of the figures per file.
FIRST=("$C_N"/*.xml); ONE=$WORK/one; rm -rf "$ONE"; mkdir -p "$ONE"; cp "${FIRST[0]}" "$ONE/"
{
  printf 'ro1\t%s\n' "$BASE -j 1 --read-only $C_N"
  printf 'base1\t%s\n' "$BASE -j 1 $C_N"
  printf 'summary1\t%s\n' "${CHECK[*]} --summary -j 1 $C_N"
  printf 'check1\t%s\n' "${CHECK[*]} -j 1 $C_N"
  printf 'ro2\t%s\n' "$BASE -j 2 --read-only $C_N"
  printf 'base2\t%s\n' "$BASE -j 2 $C_N"
  printf 'summary2\t%s\n' "${CHECK[*]} --summary -j 2 $C_N"
  printf 'check2\t%s\n' "${CHECK[*]} -j 2 $C_N"
  printf 'ro0\t%s\n' "$BASE -j 1 --read-only $ONE"
  printf 'base0\t%s\n' "$BASE -j 1 $ONE"
  printf 'summary0\t%s\n' "${CHECK[*]} --summary -j 1 $ONE"
  printf 'check0\t%s\n' "${CHECK[*]} -j 1 $ONE"
} >"$WORK/commands.tsv"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
python3 bench/rusage.py "$REPS" "$WORK/commands.tsv" "$WORK/rusage.json"

# ---- system time per file, for I/O at the floor --------------------------------------------
# The kernel splits CPU time into user and system time by timer ticks, so the per-file system time
# above (a run on N files less one on one file, each a few hundred ticks) moves by a microsecond a
# file from round to round. Here the read-only program and `check --summary` each read the corpus
# IO_X times over in one run (the folder named IO_X times; both read it that many times, from the
# page cache), so each run has IO_X times the ticks and its start-up is a small part of it.
IO_X=10; [ "$MODE" = quick ] && IO_X=2
IO_DIRS=$(for _ in $(seq "$IO_X"); do printf '%s ' "$C_N"; done)
{
  printf 'io_ro\t%s\n' "$BASE -j 1 --read-only $IO_DIRS"
  printf 'io_summary\t%s\n' "${CHECK[*]} --summary -j 1 $IO_DIRS"
} >"$WORK/io-commands.tsv"
log "system time: read-only and --summary on $N files x $IO_X, $REPS rounds"
python3 bench/rusage.py "$REPS" "$WORK/io-commands.tsv" "$WORK/io-rusage.json"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- system calls per file (strace -c), for I/O at the floor ---------------------------------
# Calls of a run on N files less those of the same command on one file, over N - 1.
syscalls() {  # total system calls of "$@" (all threads)
  local f=$WORK/strace.txt
  set +e; strace -f -c -o "$f" "$@" >/dev/null 2>&1; set -e
  awk '$NF == "total" {print $(NF-2)}' "$f"
}
SC_RO=0 SC_RO0=0 SC_SUMMARY=0 SC_SUMMARY0=0 SC_CHECK=0 SC_CHECK0=0
if command -v strace >/dev/null; then
  log "strace -c on $N files"
  SC_RO=$(syscalls "$BASE" --read-only "$C_N"); SC_RO0=$(syscalls "$BASE" --read-only "$ONE")
  SC_SUMMARY=$(syscalls "${CHECK[@]}" --summary -j 1 "$C_N"); SC_SUMMARY0=$(syscalls "${CHECK[@]}" --summary -j 1 "$ONE")
  SC_CHECK=$(syscalls "${CHECK[@]}" -j 1 "$C_N"); SC_CHECK0=$(syscalls "${CHECK[@]}" -j 1 "$ONE")
fi

# ---- peak memory -----------------------------------------------------------------------------
rss() {  # peak RSS in KiB of "$@"
  local f=$WORK/time.txt
  set +e; /usr/bin/time -f '%M' -o "$f" "$@" >/dev/null 2>&1; set -e
  tail -1 "$f"
}
log "peak RSS on $N files${C_BIG:+ and $BIG}"
RSS_N=$(rss "${CHECK[@]}" -j 2 "$C_N"); RSS_SUM_N=$(rss "${CHECK[@]}" --summary -j 2 "$C_N"); RSS_BASE_N=$(rss "$BASE" -j 2 "$C_N")
RSS_BIG=0 RSS_SUM_BIG=0 RSS_BASE_BIG=0
if [ -n "$C_BIG" ]; then
  RSS_BIG=$(rss "${CHECK[@]}" -j 2 "$C_BIG"); RSS_SUM_BIG=$(rss "${CHECK[@]}" --summary -j 2 "$C_BIG")
  RSS_BASE_BIG=$(rss "$BASE" -j 2 "$C_BIG")
fi

# ---- instruction counts --------------------------------------------------------------------
# Total instructions of "$@" under callgrind; the profile stays in $WORK/cg.$1.out.
instr() {
  local tag=$1; shift
  set +e
  valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.$tag.out" "$@" >/dev/null 2>"$WORK/cg.$tag.log"
  set -e
  grep -oP 'I\s+refs:\s+\K[0-9,]+' "$WORK/cg.$tag.log" | tr -d ,
}
log "callgrind on $CG files"
rm -f "$WORK"/cg.*.txt
I_CHECK=$(instr check "${CHECK[@]}" -j 1 "$C_CG")
I_SUMMARY=$(instr summary "${CHECK[@]}" --summary -j 1 "$C_CG")
I_BASE=$(instr base "$BASE" "$C_CG")
I_RO=$(instr ro "$BASE" --read-only "$C_CG")
I_CHECK0=$(instr check0 "${CHECK[@]}" -j 1 "$WORK/empty")   # start-up: engine, time zones
I_BASE0=$(instr base0 "$BASE" "$WORK/empty")
# Inclusive instructions of the parts of check (first matching line of callgrind_annotate); 0
# when the function does not appear (renamed, or inlined away), rather than stopping the run.
part() {
  [ -f "$WORK/cg.$1.txt" ] || callgrind_annotate --inclusive=yes --threshold=100 "$WORK/cg.$1.out" >"$WORK/cg.$1.txt" 2>/dev/null
  { grep -F -m1 "$2" "$WORK/cg.$1.txt" || echo 0; } | awk '{gsub(",","",$1); print $1}'
}
P_LOAD=$(part check 'barnetslov::CaseFileReader::load(')
P_LOADER_RUN=$(part check 'Loader::run(')
P_PUGI=$(part check 'pugi::xml_document::load_buffer_inplace(')
P_DIRECT=$(part check 'barnetslov::xml::load_direct(')
P_BUILDER_ATTR=$(part check 'barnetslov::CaseBuilder::event_attribute(')
P_FINISH=$(part check 'barnetslov::CaseBuilder::finish(')
P_EVAL=$(part check 'barnetslov::Engine::evaluate(')
P_TEXT=$(part check 'barnetslov::write_text(std')
P_DESCRIBE=$(part check 'barnetslov::put_summary(')
# The figures are made only where they are printed, so they are read off the --summary run: each case
# reduced to its rows and its indicators (on the thread that checked it), then added in.
P_AGG=$(( $(part summary 'barnetslov::CaseFigures::CaseFigures(') + $(part summary 'barnetslov::CaseFigures::add(barnetslov::Engine') \
  + $(part summary 'barnetslov::Aggregates::add(barnetslov::CaseFigures') + $(part summary 'barnetslov::CaseIndicators::CaseIndicators(') \
  + $(part summary 'barnetslov::Indicators::add(barnetslov::CaseIndicators') ))
P_FORMAT_DAY=$(part check 'barnetslov::append_day(')
P_DISCOVER=$(part check 'barnetslov::cli::discover(')

# What runs on the calling thread only (for the Amdahl bound of 2 threads): the sink that hands
# each file's result on in order. (callgrind runs threads one at a time, so how work divides
# between the threads of a `-j 2` run under it says nothing about a real run.)
P_SINK=$(part check '_Function_handler<bool (unsigned long, barnetslov::cli::FileResult&)')
P_SINK_S=$(part summary '_Function_handler<bool (unsigned long, barnetslov::cli::FileResult&)')

# Engine::evaluate alone, per event, on the synthetic case of 10 ... 10,000 events. Collected in the
# overload that does the work: evaluate(kase, as_of) reaches it by a tail call, which callgrind takes
# for a return, so a pattern matching both ('Engine::evaluate*') collected 21 instructions.
log "callgrind of Engine::evaluate per case size"
declare -A I_EVAL
for n in 10 50 1000 10000; do
  set +e
  valgrind --tool=callgrind --toggle-collect='barnetslov::Engine::evaluate(*EvaluateOptions) const' --callgrind-out-file="$WORK/cg.eval$n.out" \
    "$BUILD/bench/barnetslov_bench" --benchmark_filter="BM_Evaluate/$n\$" --benchmark_min_time=0 \
    --benchmark_format=json >"$WORK/eval$n.json" 2>"$WORK/cg.eval$n.log"
  set -e
  iters=$(python3 -c "import json;print(json.load(open('$WORK/eval$n.json'))['benchmarks'][0]['iterations'])")
  total=$(grep -oP 'I\s+refs:\s+\K[0-9,]+' "$WORK/cg.eval$n.log" | tr -d ,)
  I_EVAL[$n]=$((total / iters / n))
done

# Case building against pugixml's parse of the same bytes (issue 20 item 1): one call of each on
# the synthetic 50-event case, instructions per call (the benchmark's iterations divide the total;
# enough of them that a first call's one-time costs, such as the builder's table of days, drop out).
log "callgrind of load_case_buffer and pugixml's parse (50 events)"
cg_per_call() {  # name benchmark toggle [min_time [counted [setup]]]
  set +e
  valgrind --tool=callgrind --toggle-collect="$3" --callgrind-out-file="$WORK/cg.$1.out" \
    "$BUILD/bench/barnetslov_bench" --benchmark_filter="$2" --benchmark_min_time="${4:-0}" \
    --benchmark_format=json >"$WORK/$1.json" 2>"$WORK/cg.$1.log"
  set -e
  # Calls counted by callgrind itself: Google Benchmark's reported iterations leave out its
  # calibration rounds, which callgrind collects too. The calls counted are those of `counted`
  # (the toggle by default); the inclusive cost of the calls of `setup` (the benchmark's input,
  # made once a run) is taken out of the total. A call line's next line holds its inclusive cost.
  python3 - "$WORK/cg.$1.out" "${5:-$3}" "${6:-}" <<'PY'
import fnmatch, re, sys
names, calls, total, setup, kind = {}, 0, 0, 0, None
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.match(r"c?fn=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
    if m:
        if m.group(2): names[m.group(1)] = m.group(2)
        name = names.get(m.group(1), "")
        kind = None
        if line.startswith("cfn="):
            if fnmatch.fnmatchcase(name, sys.argv[2]): kind = "counted"
            elif sys.argv[3] and fnmatch.fnmatchcase(name, sys.argv[3]): kind = "setup"
        continue
    if line.startswith("calls=") and kind:
        if kind == "counted": calls += int(line.split()[0][6:])
        continue
    if kind == "setup" and line[:1] not in ("", "#") and "=" not in line:
        setup += int(line.split()[1])
    elif line.startswith("summary:"):
        total = int(line.split()[1])
    kind = None
print((total - setup) // max(calls, 1))
PY
}
I_LOAD50=$(cg_per_call load50 'BM_LoadCaseBuffer/50$' 'barnetslov::load_case_buffer*' 0.2)
I_PUGI50=$(cg_per_call pugi50 'BM_PugixmlParseOnly/50$' 'pugi::xml_document::load_buffer_inplace*' 0.2)
# The same two a whole iteration of their benchmark loop, the work the CPU figures time: the copy
# of the bytes, the parse and pugixml's walk of the document, or load_case_buffer, and freeing what
# either made; the benchmark's input, made once a run, left out.
I_LOAD50_ITER=$(cg_per_call load50iter 'BM_LoadCaseBuffer/50$' '*BM_LoadCaseBuffer*' 0.2 'barnetslov::load_case_buffer*' '*input(long)*')
I_PUGI50_ITER=$(cg_per_call pugi50iter 'BM_PugixmlParseOnly/50$' '*BM_PugixmlParseOnly*' 0.2 'pugi::xml_document::load_buffer_inplace*' '*input(long)*')
I_ENDED0=$(cg_per_call ended0 'BM_EvaluateEndedAsOf/0$' 'barnetslov::Engine::evaluate(*EvaluateOptions) const')
I_ENDED1=$(cg_per_call ended1 'BM_EvaluateEndedAsOf/1$' 'barnetslov::Engine::evaluate(*EvaluateOptions) const')

# ---- Google Benchmark ----------------------------------------------------------------------
log "Google Benchmark (5 repetitions, medians)"
"$BUILD/bench/barnetslov_bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_format=json --benchmark_out="$WORK/bench.json" --benchmark_out_format=json >/dev/null
"$BUILD/bench/barnetslov_bench_capi" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_format=json --benchmark_out="$WORK/bench_capi.json" --benchmark_out_format=json >/dev/null
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- RESULTS.md ----------------------------------------------------------------------------
export IO_X N BIG CG MODE CORPUS_KIND CORPUS_STATS AS_OF LOAD_BEFORE LOAD_AFTER LOAD_END WORK REPS
export P_SINK P_SINK_S RSS_BASE_N RSS_BASE_BIG RSS_N RSS_BIG RSS_SUM_N RSS_SUM_BIG I_CHECK I_SUMMARY I_BASE I_RO I_CHECK0 I_BASE0
export P_LOAD P_LOADER_RUN P_DIRECT P_PUGI I_LOAD50 I_PUGI50 I_LOAD50_ITER I_PUGI50_ITER I_ENDED0 I_ENDED1 P_BUILDER_ATTR P_FINISH P_EVAL P_TEXT P_DESCRIBE P_AGG P_FORMAT_DAY P_DISCOVER
export SC_RO SC_RO0 SC_SUMMARY SC_SUMMARY0 SC_CHECK SC_CHECK0
for n in 10 50 1000 10000; do export "I_EVAL_$n=${I_EVAL[$n]}"; done
export CPU_MODEL=$(lscpu | sed -n 's/^Model name:\s*//p' | head -1)
export CPU_LINE=$(lscpu | grep -E '^(CPU\(s\)|Thread\(s\) per core|Core\(s\) per socket|Socket\(s\)):' | sed 's/\s\+/ /g' | paste -sd';' | sed 's/;/; /g')
export COMMIT=$(git rev-parse --short HEAD) DIRTY=$(git status --porcelain | grep -c . || true)
export RUN_DATE=$(date -u '+%Y-%m-%d %H:%M')
# What results.py reads, kept: `(source WORK/results.env; python3 bench/results.py bench/RESULTS.md)`
# writes the file again from this run's figures (after a change to results.py) without measuring.
export -p >"$WORK/results.env"
python3 bench/results.py bench/RESULTS.md
log "wrote bench/RESULTS.md"
# Issue 17's figures (peak RSS of every output, the HTML report's render time): a section of their
# own, kept from the last run when this one skips the 100,000-file part.
if [ "$MODE" != no-big ]; then
  BUILD=$BUILD WORK=$WORK REPS=3 bench/stream.sh ${1:+"$1"}   # its own REPS: Chromium runs
fi
