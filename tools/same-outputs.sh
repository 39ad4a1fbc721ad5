#!/usr/bin/env bash
# Whether two builds of the CLI give byte-identical outputs: the guard of every speed change (issue 20).
# Runs 12 invocations with each binary and compares stdout, stderr and exit code with cmp: the examples
# as json, text, html and --summary json; 2,000 generated files as jsonl as of two dates, as text and as
# --summary text, json and csv; tests/bad-inputs as jsonl and text (every file, --max-failures 0).
#
# Usage: tools/same-outputs.sh BEFORE AFTER [WORK]
#   BEFORE, AFTER  two barnetslov binaries (copy the before one out of build/ first)
#   WORK           where the corpus and the outputs go (default: a new folder under /tmp)
# Exit 0 when all 36 outputs are the same, 1 when any differs (each named), 2 on a usage error.
set -uo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: tools/same-outputs.sh BEFORE AFTER [WORK]" >&2; exit 2; }
BEFORE=$(realpath "$1") AFTER=$(realpath "$2")
WORK=${3:-$(mktemp -d /tmp/same-outputs.XXXXXX)}
EX=examples BAD=tests/bad-inputs AS=$(cat examples/expected/AS_OF)
CORPUS=$WORK/corpus
[ -d "$CORPUS" ] || python3 tools/generate-corpus.py --cases 2000 --seed 11 --out "$CORPUS" >/dev/null

outputs() {
  local bin=$1 out=$2
  mkdir -p "$out"
  run() { local name=$1; shift; "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"; echo $? >"$out/$name.rc"; }
  run ex-json   check $EX --as-of "$AS" --format json
  run ex-text   check $EX --as-of "$AS"
  run ex-html   check $EX --as-of "$AS" --format html
  run ex-sumj   check $EX --as-of "$AS" --summary --format json
  run c-jsonl1  check "$CORPUS" --as-of 2026-07-01 --format jsonl
  run c-jsonl2  check "$CORPUS" --as-of 2031-01-01 --format jsonl
  run c-text    check "$CORPUS" --as-of 2026-07-01
  run c-sumt    check "$CORPUS" --as-of 2026-07-01 --summary
  run c-sumj    check "$CORPUS" --as-of 2026-07-01 --summary --format json
  run c-sumc    check "$CORPUS" --as-of 2026-07-01 --summary --format csv
  run bad-jsonl check $BAD --as-of 2026-07-01 --format jsonl --max-failures 0
  run bad-text  check $BAD --as-of 2026-07-01 --max-failures 0
}
outputs "$BEFORE" "$WORK/before"
outputs "$AFTER" "$WORK/after"
differ=0
for f in "$WORK"/before/*; do
  cmp -s "$f" "$WORK/after/$(basename "$f")" || { echo "differs: $(basename "$f")"; differ=1; }
done
[ $differ = 0 ] && echo "same: all $(ls "$WORK/before" | wc -l) outputs byte-identical ($WORK)"
exit $differ
