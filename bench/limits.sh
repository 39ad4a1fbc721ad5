#!/usr/bin/env bash
# Issue 15 item 1: the largest cases the limits accept (Limits: 100,000 events, 16 MiB a file) checked
# with `barnetslov check --summary` under /usr/bin/time, each within 5 s of CPU (user + system) and
# 300 MB peak RSS. Writes bench/LIMITS.md (the table of every case: $WORK/limits.tsv).
#
#   bench/limits.sh           every case below (about 800 files; half an hour on a quiet machine)
#   bench/limits.sh --quick   a handful of kinds (checks the script, not the limits)
#
# The cases:
#   mixed        100,000 events of mixed kinds: the cases of tools/generate-corpus.py --seed 7, merged
#                into one (bench/merge_corpus.py; their trajectories overlap in 2019-2026)
#   <kind>/...   for every event type and every decision kind (by the municipality, the committee and the
#                chair): the complexity sweep's shapes (tests/complexity_test.cpp writes them), with
#                  bare, same-day, chain, paired   100,000 events, only the required attributes
#                  spread, one-target              every attribute, as many events as fit in 16 MiB
#   people-...   999 custody holders, 50,000 decisions, 50,000 letters naming them (bench/people_case.py)
# and then callgrind's instruction count of the mixed case and of the case that took the most CPU.
#
# Environment: BUILD (build dir, default build), WORK (default /tmp/barnetslov-limits).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
WORK=${WORK:-/tmp/barnetslov-limits}
AS_OF=2029-01-01   # after every event of the sweep's shapes (2007-2028) and of the generator's (-2026)
MAX_EVENTS=100000
MAX_BYTES=$((16 << 20))
QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1
mkdir -p "$WORK"
CLI=$BUILD/barnetslov
WRITER=$BUILD/tests/complexity_test

log() { echo "[limits] $*" >&2; }

log "building"
flock /tmp/barnetslov-build.lock cmake --build "$BUILD" -j2 --target barnetslov_cli complexity_test >/dev/null

TSV=$WORK/limits.tsv
printf 'case\tevents\tbytes\tuser_s\tsys_s\tmax_rss_kb\texit\n' >"$TSV"

# Checks one file and appends its row: CPU seconds and peak RSS of `check --summary`.
measure() {
  local name=$1 file=$2 events bytes status
  events=$(grep -c '^ *<[a-z-]* id=' "$file" || true)
  events=$((events - $(grep -c '^ *<\(party\|sibling\|child\) ' "$file" || true)))
  bytes=$(stat -c %s "$file")
  set +e
  /usr/bin/time -f '%U %S %M' -o "$WORK/time.txt" "$CLI" check --summary -q --as-of "$AS_OF" "$file" >/dev/null 2>"$WORK/stderr.txt"
  status=$?
  set -e
  read -r user sys rss < <(tail -1 "$WORK/time.txt")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$events" "$bytes" "$user" "$sys" "$rss" "$status" >>"$TSV"
  [ "$status" -le 1 ] || log "$name: exit $status: $(head -c 300 "$WORK/stderr.txt")"
}

# ---- mixed: the generator's cases merged into one ---------------------------------------------------
CASES=10000
[ $QUICK = 1 ] && CASES=300 MAX_EVENTS=3000
if [ ! -f "$WORK/corpus-$CASES/.done" ]; then
  log "generating $CASES cases (tools/generate-corpus.py --seed 7)"
  rm -rf "$WORK/corpus-$CASES"
  python3 tools/generate-corpus.py --cases "$CASES" --seed 7 --out "$WORK/corpus-$CASES" >/dev/null
  touch "$WORK/corpus-$CASES/.done"
fi
python3 bench/merge_corpus.py "$WORK/corpus-$CASES" "$WORK/mixed.xml" --events "$MAX_EVENTS"
measure mixed "$WORK/mixed.xml"
rm -f "$WORK/mixed.xml"

# ---- the people limit ------------------------------------------------------------------------------------
for spec in committee:placement-without-consent chair:placement-without-consent municipality:placement-with-consent; do
  body=${spec%%:*} kind=${spec#*:}
  python3 bench/people_case.py "$WORK/people.xml" --body "$body" --kind "$kind" \
    $([ $QUICK = 1 ] && echo --people 50 --decisions 1500 --letters 1400)
  measure "people-$kind-$body" "$WORK/people.xml"
done
rm -f "$WORK/people.xml"

# ---- every kind, in the sweep's shapes ------------------------------------------------------------------
MATCH_KINDS=""
[ $QUICK = 1 ] && MATCH_KINDS="indsats-start,opfoelgning,afgoerelse:placement-without-consent@committee"
# pattern, lean (1: only the required attributes)
for spec in bare:1 same-day:1 chain:1 paired:1 spread:0 one-target:0; do
  pattern=${spec%:*} lean=${spec#*:}
  dir=$WORK/kinds
  rm -rf "$dir" && mkdir -p "$dir"
  match=""
  if [ -n "$MATCH_KINDS" ]; then
    IFS=, read -ra kinds <<<"$MATCH_KINDS"
    for k in "${kinds[@]}"; do match+="${match:+,}$k/$pattern"; done
  else
    match="/$pattern"
  fi
  log "writing the cases of shape $pattern"
  vars=(BARNETSLOV_SWEEP_XML="$dir" BARNETSLOV_SWEEP_XML_EVENTS="$MAX_EVENTS" BARNETSLOV_SWEEP_XML_TOTAL=1
        BARNETSLOV_SWEEP_XML_BYTES="$MAX_BYTES" BARNETSLOV_SWEEP_XML_MATCH="$match")
  suffix=""
  if [ "$lean" = 1 ]; then vars+=(BARNETSLOV_SWEEP_XML_LEAN=1); suffix=" (lean)"; fi
  env "${vars[@]}" "$WRITER" --gtest_filter='ComplexitySweepFiles.*' >/dev/null
  for f in "$dir"/*.xml; do
    name=$(basename "$f" .xml)
    measure "${name#*-}$suffix" "$f"
  done
  rm -rf "$dir"
done

# ---- callgrind: instructions of the mixed case and of the case that took the most CPU ---------------------
instr() {  # instructions of check --summary on $1 (callgrind; the case file is made again)
  set +e
  valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" "$CLI" check --summary -q --as-of "$AS_OF" "$1" \
    >/dev/null 2>"$WORK/cg.log"
  set -e
  grep -oP 'I\s+refs:\s+\K[0-9,]+' "$WORK/cg.log" | tr -d ,
}
python3 bench/merge_corpus.py "$WORK/corpus-$CASES" "$WORK/mixed.xml" --events "$MAX_EVENTS"
log "callgrind on the mixed case"
CG_MIXED=$(instr "$WORK/mixed.xml")
rm -f "$WORK/mixed.xml"
WORST=$(awk -F'\t' 'NR > 1 && $1 != "mixed" && $1 !~ /^people-/ { c = $4 + $5; if (c > m) { m = c; n = $1 } } END { print n }' "$TSV")
name=${WORST% (lean)}
vars=(BARNETSLOV_SWEEP_XML="$WORK" BARNETSLOV_SWEEP_XML_EVENTS="$MAX_EVENTS" BARNETSLOV_SWEEP_XML_TOTAL=1
      BARNETSLOV_SWEEP_XML_BYTES="$MAX_BYTES")
[ "$name" != "$WORST" ] && vars+=(BARNETSLOV_SWEEP_XML_LEAN=1)
# The shape's name as the writer matches it: afgoerelse_<kind>_<body>_<pattern> -> afgoerelse:<kind>@<body>/<pattern>.
match=$(python3 -c "import sys; n=sys.argv[1].split('_'); print(('afgoerelse:%s@%s/%s' % tuple(n[1:])) if n[0]=='afgoerelse' else '%s/%s' % (n[0], n[1]))" "$name")
env "${vars[@]}" BARNETSLOV_SWEEP_XML_MATCH="$match" "$WRITER" --gtest_filter='ComplexitySweepFiles.*' >/dev/null
file=$(ls "$WORK"/*-"$name".xml | head -1)
log "callgrind on $WORST"
CG_WORST=$(instr "$file")
rm -f "$WORK"/*-"$name".xml

# ---- LIMITS.md -----------------------------------------------------------------------------------------
export TSV AS_OF CG_MIXED CG_WORST WORST
export COMMIT=$(git rev-parse --short HEAD) DIRTY=$(git status --porcelain | grep -c . || true)
export CPU_MODEL=$(lscpu | sed -n 's/^Model name:\s*//p' | head -1) LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
if [ $QUICK = 1 ]; then
  python3 bench/limits_report.py >"$WORK/LIMITS.md"
  log "wrote $WORK/LIMITS.md (quick: bench/LIMITS.md left alone)"
else
  python3 bench/limits_report.py >bench/LIMITS.md
  cp "$TSV" bench/limits.tsv
  log "wrote bench/LIMITS.md and bench/limits.tsv"
fi
