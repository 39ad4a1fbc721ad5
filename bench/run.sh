#!/usr/bin/env bash
# Runs every benchmark of issue 7 and writes bench/RESULTS.md.
#
#   bench/run.sh            the full run: corpora of 10,000 and 100,000 files, callgrind on 500
#   bench/run.sh --quick    small corpora (1,000 / 2,000 / 100 files): checks the script, not the targets
#
# It ends by running bench/stream.sh (issue 17: peak RSS of every output format, the HTML report's
# render time in headless Chromium), which writes a section of its own into bench/RESULTS.md.
#
# Environment: BUILD (build dir, default build), WORK (corpora and raw outputs, default
# /tmp/barnetslov-bench), REPS (wall-clock repetitions, median taken; default 3).
#
# Instruction counts (valgrind --tool=callgrind) are the primary, repeatable figures; wall-clock
# figures move with the load of this shared machine, so every ratio is taken within one run,
# with the runs it compares interleaved, and the load average is written beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${BUILD:-build}
WORK=${WORK:-/tmp/barnetslov-bench}
REPS=${REPS:-3}
N=10000 BIG=100000 CG=500
if [ "${1:-}" = "--quick" ]; then N=1000 BIG=2000 CG=100; REPS=1; fi
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
  if [ -f "$dir/.done" ]; then echo "$dir"; return; fi
  rm -rf "$dir"
  if [ -f tools/generate-corpus.py ]; then
    log "generating $n files with tools/generate-corpus.py --seed 7"
    python3 tools/generate-corpus.py --cases "$n" --seed 7 --out "$dir" >/dev/null
    echo "tools/generate-corpus.py --cases N --seed 7" >"$dir/.done"
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
    echo "examples/*.xml replicated with renamed case ids" >"$dir/.done"
  fi
  echo "$dir"
}
C_N=$(corpus $N); C_BIG=$(corpus $BIG); C_CG=$(corpus $CG)
mkdir -p "$WORK/empty"
CORPUS_KIND=$(cat "$C_N/.done")

# ---- wall clock: median of REPS runs, the compared commands interleaved ----------------------
# Seconds of one run of "$@" (stdout to /dev/null).
seconds() {
  local t0 t1
  t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N)
  python3 -c "print(f'{$t1 - $t0:.3f}')"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -A RUNS
CHECK=("$CLI" check --as-of "$AS_OF" --quiet -o /dev/null)
names=(base1 base2 check1 check2 summary1 summary2)
cmd_base1=("$BASE" -j 1 "$C_N");  cmd_base2=("$BASE" -j 2 "$C_N")
cmd_check1=("${CHECK[@]}" -j 1 "$C_N"); cmd_check2=("${CHECK[@]}" -j 2 "$C_N")
cmd_summary1=("${CHECK[@]}" --summary -j 1 "$C_N"); cmd_summary2=("${CHECK[@]}" --summary -j 2 "$C_N")
log "wall clock on $N files, $REPS repetitions"
"$BASE" "$C_N" >/dev/null   # warm the page cache
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for ((r = 0; r < REPS; r++)); do
  for name in "${names[@]}"; do
    declare -n cmd="cmd_$name"
    set +e; s=$(seconds "${cmd[@]}"); set -e   # check exits 1 when it finds problems
    RUNS[$name]+="$s "
    unset -n cmd
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A WALL
for name in "${names[@]}"; do WALL[$name]=$(median ${RUNS[$name]}); done

# ---- peak memory -----------------------------------------------------------------------------
rss() {  # peak RSS in KiB of "$@"
  local f=$WORK/time.txt
  set +e; /usr/bin/time -f '%M' -o "$f" "$@" >/dev/null 2>&1; set -e
  tail -1 "$f"
}
log "peak RSS on $N and $BIG files"
RSS_N=$(rss "${CHECK[@]}" -j 2 "$C_N");            RSS_BIG=$(rss "${CHECK[@]}" -j 2 "$C_BIG")
RSS_SUM_N=$(rss "${CHECK[@]}" --summary -j 2 "$C_N"); RSS_SUM_BIG=$(rss "${CHECK[@]}" --summary -j 2 "$C_BIG")
RSS_BASE_N=$(rss "$BASE" -j 2 "$C_N");              RSS_BASE_BIG=$(rss "$BASE" -j 2 "$C_BIG")

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
I_CHECK0=$(instr check0 "${CHECK[@]}" -j 1 "$WORK/empty")   # start-up: engine, time zones
I_BASE0=$(instr base0 "$BASE" "$WORK/empty")
# Inclusive instructions of the parts of check (first matching line of callgrind_annotate); 0
# when the function does not appear (renamed, or inlined away), rather than stopping the run.
part() {
  [ -f "$WORK/cg.$1.txt" ] || callgrind_annotate --inclusive=yes --threshold=100 "$WORK/cg.$1.out" >"$WORK/cg.$1.txt" 2>/dev/null
  { grep -F -m1 "$2" "$WORK/cg.$1.txt" || echo 0; } | awk '{gsub(",","",$1); print $1}'
}
P_LOAD=$(part check 'barnetslov::load_case_file(')
P_PUGI=$(part check 'pugi::xml_document::load_buffer_inplace(')
P_BUILDER_ATTR=$(part check 'barnetslov::CaseBuilder::event_attribute(')
P_FINISH=$(part check 'barnetslov::CaseBuilder::finish(')
P_EVAL=$(part check 'barnetslov::Engine::evaluate(')
P_TEXT=$(part check 'barnetslov::write_text(std')
P_DESCRIBE=$(part check 'barnetslov::describe_into(')
# The figures: each case reduced to its rows (CaseFigures, on the thread that checked it), then added.
P_AGG=$(( $(part check 'barnetslov::CaseFigures::CaseFigures(') + $(part check 'barnetslov::Aggregates::add(barnetslov::CaseFigures') ))
P_FORMAT_DAY=$(part check 'barnetslov::append_day(')
P_DISCOVER=$(part check 'barnetslov::cli::discover(')

# What runs on the calling thread only (for the Amdahl bound of 2 threads): the sink that hands
# each file's result on in order. (callgrind runs threads one at a time, so how work divides
# between the threads of a `-j 2` run under it says nothing about a real run.)
P_SINK=$(part check '_Function_handler<void (unsigned long, barnetslov::cli::FileResult&)')
P_SINK_S=$(part summary '_Function_handler<void (unsigned long, barnetslov::cli::FileResult&)')

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

# ---- Google Benchmark ----------------------------------------------------------------------
log "Google Benchmark (5 repetitions, medians)"
"$BUILD/bench/barnetslov_bench" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_format=json --benchmark_out="$WORK/bench.json" --benchmark_out_format=json >/dev/null
"$BUILD/bench/barnetslov_bench_capi" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_format=json --benchmark_out="$WORK/bench_capi.json" --benchmark_out_format=json >/dev/null
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- RESULTS.md ----------------------------------------------------------------------------
export N BIG CG CORPUS_KIND AS_OF LOAD_BEFORE LOAD_AFTER LOAD_END WORK REPS
export P_SINK P_SINK_S RSS_BASE_N RSS_BASE_BIG RSS_N RSS_BIG RSS_SUM_N RSS_SUM_BIG I_CHECK I_SUMMARY I_BASE I_CHECK0 I_BASE0
export P_LOAD P_PUGI P_BUILDER_ATTR P_FINISH P_EVAL P_TEXT P_DESCRIBE P_AGG P_FORMAT_DAY P_DISCOVER
for name in "${names[@]}"; do export "WALL_$name=${WALL[$name]}"; done
for n in 10 50 1000 10000; do export "I_EVAL_$n=${I_EVAL[$n]}"; done
export CPU_MODEL=$(lscpu | sed -n 's/^Model name:\s*//p' | head -1)
export CPU_LINE=$(lscpu | grep -E '^(CPU\(s\)|Thread\(s\) per core|Core\(s\) per socket|Socket\(s\)):' | sed 's/\s\+/ /g' | paste -sd';' | sed 's/;/; /g')
export COMMIT=$(git rev-parse --short HEAD) DIRTY=$(git status --porcelain | grep -c . || true)
python3 bench/results.py >bench/RESULTS.md
log "wrote bench/RESULTS.md"
# Issue 17's figures (peak RSS of every output, the HTML report's render time): a section of their own.
BUILD=$BUILD WORK=$WORK bench/stream.sh ${1:+"$1"}
