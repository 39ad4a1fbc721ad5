#!/usr/bin/env bash
# The bad-input corpus through the CLI: `barnetslov check tests/bad-inputs` prints exactly the
# errors of tests/bad-inputs/expected.txt (with the folder in each source), in file order, on
# stderr, and exits 2; with --max-failures it gives up after that many files and says so.
set -euo pipefail
cli=$1
cd "$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
grep -v '^#' tests/bad-inputs/expected.txt | grep -v ': loads$' | sed 's|^|tests/bad-inputs/|' > "$tmp/want"

set +e
"$cli" check tests/bad-inputs --as-of 2025-01-15 --max-failures 0 > "$tmp/out" 2> "$tmp/err"
rc=$?
set -e
[ $rc -eq 2 ] || { echo "FAIL: check tests/bad-inputs exited $rc, expected 2"; status=1; }
diff -u "$tmp/want" "$tmp/err" || { echo "FAIL: the CLI's errors differ from tests/bad-inputs/expected.txt"; status=1; }
loads=$(grep -c ': loads$' tests/bad-inputs/expected.txt)
cases=$(grep -c '^tests/bad-inputs/.*: case ' "$tmp/out" || true)
[ "$cases" -eq "$loads" ] || { echo "FAIL: $cases cases reported, expected the $loads files that load"; status=1; }

# Giving up: the first 3 failing files are reported, then one line says how many were left.
set +e
"$cli" check tests/bad-inputs --as-of 2025-01-15 --max-failures 3 > /dev/null 2> "$tmp/err3"
rc=$?
set -e
total=$(ls tests/bad-inputs/*.xml | wc -l)
{ head -3 "$tmp/want"
  echo "barnetslov check: gave up after 3 files could not be read (--max-failures 3); $((total - 3)) files not checked"; } > "$tmp/want3"
[ $rc -eq 2 ] || { echo "FAIL: --max-failures 3 exited $rc, expected 2"; status=1; }
diff -u "$tmp/want3" "$tmp/err3" || { echo "FAIL: --max-failures 3 output"; status=1; }
[ $status -eq 0 ] && echo "bad inputs: $(wc -l < "$tmp/want") errors from $total files as listed; --max-failures 3 gives up as it should"
exit $status
