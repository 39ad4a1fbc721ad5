#!/usr/bin/env bash
# Issue 17, outputs that stream: peak RSS of `check` in every format at 10,000 and 100,000 files,
# and the wall time headless Chromium takes to render the HTML report of 10,000 cases. Writes its
# section of bench/RESULTS.md (between the stream markers; bench/run.sh calls it after writing the
# rest, and it can run alone).
#
#   bench/stream.sh            corpora of 10,000 and 100,000 files (tools/generate-corpus.py --seed 7)
#   bench/stream.sh --quick    1,000 and 2,000 files: checks the script, not the targets
#
# Environment: BUILD (default build), WORK (corpora, default /tmp/barnetslov-bench, shared with
# run.sh: a corpus is generated once and reused), REPS (Chromium runs, median taken; default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
WORK=${WORK:-/tmp/barnetslov-bench}
REPS=${REPS:-3}
N=10000 BIG=100000
if [ "${1:-}" = "--quick" ]; then N=1000 BIG=2000 REPS=1; fi
AS_OF=2026-07-01
CLI=$BUILD/barnetslov
log() { echo "[bench/stream] $*" >&2; }
mkdir -p "$WORK"
log "building"
flock /tmp/barnetslov-build.lock cmake --build "$BUILD" -j2 --target barnetslov_cli >/dev/null

corpus() {  # as bench/run.sh makes them
  local n=$1 dir=$WORK/corpus-$1
  if [ ! -f "$dir/.done" ]; then
    rm -rf "$dir"
    log "generating $n files with tools/generate-corpus.py --seed 7"
    python3 tools/generate-corpus.py --cases "$n" --seed 7 --out "$dir" >/dev/null
    echo "tools/generate-corpus.py --cases N --seed 7" >"$dir/.done"
  fi
  echo "$dir"
}
C_N=$(corpus $N); C_BIG=$(corpus $BIG)

# Peak RSS (KiB, GNU time's "Maximum resident set size", as `/usr/bin/time -v` shows it) and wall
# seconds of one run; the report goes to /dev/null (written in place: no temporary file).
measure() {
  local f=$WORK/stream-time.txt
  set +e; /usr/bin/time -f '%M %e' -o "$f" "$CLI" check --as-of "$AS_OF" -q -j 2 -o /dev/null "$@" >/dev/null 2>&1; set -e
  tail -1 "$f"
}
FORMATS=("--format text" "--format json" "--format jsonl" "--format csv" "--format junit"
         "--format html" "--format html --cases problems" "--format html --cases none" "--format html --cases all"
         "--summary --format text" "--summary --format json" "--summary --format csv")
declare -A RSS SECS
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for f in "${FORMATS[@]}"; do
  for n in $N $BIG; do
    dir=$C_N; [ "$n" = "$BIG" ] && dir=$C_BIG
    log "peak RSS: $f on $n files"
    # shellcheck disable=SC2086
    read -r kib s < <(measure $f "$dir")
    RSS["$f/$n"]=$kib SECS["$f/$n"]=$s
  done
done

# ---- the HTML report of N cases in headless Chromium ----------------------------------------
# Wall time of the whole browser run (start, parse, style, layout, paint, the screenshot written,
# exit) for the default report (--cases problems above 300 cases, the index above 500), beside the
# same run on the 27 examples, which is mostly the browser's start.
browser=$(command -v chromium || command -v chromium-browser || true)
HTML=$WORK/stream-$N.html SMALL=$WORK/stream-examples.html
set +e
"$CLI" check --as-of "$AS_OF" -q -j 2 --format html -o "$HTML" "$C_N"
"$CLI" check --as-of "$(cat examples/expected/AS_OF)" -q --format html -o "$SMALL" examples
set -e
HTML_BYTES=$(stat -c %s "$HTML") HTML_SHOWN=$(grep -o 'data-shown="[0-9]*"' "$HTML" | head -1 | tr -dc 0-9)
render() {  # wall seconds of one Chromium run on file $1
  local profile t0 t1
  profile=$(mktemp -d)
  t0=$(date +%s.%N)
  timeout 300 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=1280,2000 --virtual-time-budget=1000 \
    --screenshot="$WORK/stream-shot.png" "file://$1" >/dev/null 2>&1 || true
  t1=$(date +%s.%N)
  rm -rf "$profile"
  python3 -c "print(f'{$t1 - $t0:.2f}')"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
R_BIG="" R_SMALL=""
if [ -n "$browser" ]; then
  render "$SMALL" >/dev/null   # warm the page cache and the browser's files
  for _ in $(seq "$REPS"); do
    log "rendering in $browser"
    R_BIG+="$(render "$HTML") "; R_SMALL+="$(render "$SMALL") "
  done
fi
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- the section ------------------------------------------------------------------------------
export N BIG REPS LOAD_BEFORE LOAD_AFTER HTML_BYTES HTML_SHOWN R_BIG R_SMALL BROWSER="${browser:-}"
export BROWSER_VERSION=$([ -n "$browser" ] && "$browser" --version 2>/dev/null | head -1 || true)
export COMMIT=$(git rev-parse --short HEAD)
ROWS=""
for f in "${FORMATS[@]}"; do ROWS+="$f|${RSS["$f/$N"]}|${RSS["$f/$BIG"]}|${SECS["$f/$N"]}|${SECS["$f/$BIG"]}"$'\n'; done
export ROWS
python3 - <<'PY'
import os, re, statistics
E = os.environ
n, big = int(E["N"]), int(E["BIG"])
out = ["<!-- stream:begin (bench/stream.sh) -->", "## Outputs that stream (issue 17): peak RSS and HTML render time", "",
       f"Written by `bench/stream.sh` (commit {E['COMMIT']}); corpus `tools/generate-corpus.py --cases N --seed 7`, "
       f"`check --as-of 2026-07-01 -q -j 2 -o /dev/null`. Peak RSS is GNU time's maximum resident set size "
       f"(`/usr/bin/time -f %M`, the figure `/usr/bin/time -v` prints). Load average {E['LOAD_BEFORE']} before, "
       f"{E['LOAD_AFTER']} after.", "",
       f"| Output | peak RSS, {n:,} files | {big:,} files | ratio | target ≤ 1.5× | wall, {n:,} | wall, {big:,} |",
       "|---|---|---|---|---|---|---|"]
worst = 0.0
for row in E["ROWS"].strip().split("\n"):
    f, a, b, sa, sb = row.split("|")
    a, b = int(a), int(b)
    ratio = b / a
    exempt = "--cases all" in f
    if not exempt: worst = max(worst, ratio)
    verdict = "(exempt)" if exempt else ("met" if ratio <= 1.5 else "**not met**")
    out.append(f"| `{f}` | {a / 1024:.1f} MiB | {b / 1024:.1f} MiB | {ratio:.2f}× | {verdict} | {sa} s | {sb} s |")
out += ["", f"Every format but HTML `--cases all`: worst ratio {worst:.2f}× — **{'met' if worst <= 1.5 else 'not met'}**. "
        "(`--format html` alone is the default: problems only above 300 cases, the index above 500.)", ""]
if E.get("R_BIG"):
    big_runs = [float(x) for x in E["R_BIG"].split()]
    small_runs = [float(x) for x in E["R_SMALL"].split()]
    mb, ms = statistics.median(big_runs), statistics.median(small_runs)
    out += [f"HTML report of {n:,} cases (default options: {int(E['HTML_SHOWN']):,} problem cases shown, the index on), "
            f"{int(E['HTML_BYTES']) / 1e6:.1f} MB, rendered by {E['BROWSER_VERSION'] or E['BROWSER']}: "
            f"`chromium --headless --no-sandbox --disable-gpu --window-size=1280,2000 --virtual-time-budget=1000 "
            f"--screenshot=... file://...` (and the flags of the brief that keep it off the network), the wall time of the "
            f"whole run from start to exit, median of {len(big_runs)}: **{mb:.2f} s** (runs: {', '.join(f'{x:.2f}' for x in big_runs)}); "
            f"the same run on the 27 examples' report, mostly the browser's start: {ms:.2f} s. "
            f"Target under 10 s: **{'met' if mb < 10 else 'not met'}**.", ""]
else:
    out += ["No Chromium found: the render time was not measured.", ""]
out.append("<!-- stream:end -->")
section = "\n".join(out) + "\n"
p = "bench/RESULTS.md"
text = open(p, encoding="utf-8").read() if os.path.exists(p) else ""
m = re.search(r"<!-- stream:begin.*?<!-- stream:end -->\n?", text, re.S)
text = text[:m.start()] + section + text[m.end():] if m else text.rstrip("\n") + "\n\n" + section
open(p, "w", encoding="utf-8").write(text)
print(section)
PY
log "wrote its section of bench/RESULTS.md"
