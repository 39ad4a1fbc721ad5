#!/usr/bin/env bash
# The bundled examples give exactly the checked-in reports (text in English and Danish, JSON),
# the exit code says there are problems, and no output shows a CPR number from the examples.
set -euo pipefail
cli=$1
cd "$2"
as_of=$(cat examples/expected/AS_OF)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
run() {  # run NAME ARGS...: output to $tmp/NAME, exit code must be 1 (findings with problems)
    local name=$1; shift
    set +e
    "$cli" check examples --as-of "$as_of" "$@" > "$tmp/$name" 2> "$tmp/$name.err"
    local rc=$?
    set -e
    if [ $rc -ne 1 ]; then echo "FAIL: check $* exited $rc, expected 1"; cat "$tmp/$name.err"; status=1; fi
}
run report.txt
run report.da.txt --lang da
run report.json --format json
for f in report.txt report.da.txt report.json; do
    if ! diff -u "examples/expected/$f" "$tmp/$f"; then
        echo "FAIL: examples/expected/$f differs (if the change is deliberate: tools/update-expected.sh)"
        status=1
    fi
done
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['format']=='barnetslov-report' and d['format_version']==1 and d['cases']" "$tmp/report.json" \
    || { echo "FAIL: the JSON report does not parse as a barnetslov-report"; status=1; }
# Every CPR number in the examples, with and without its dash, must be absent from every output.
for cpr in $(grep -rhoE 'cpr="[0-9-]+"' examples/*.xml | sed -E 's/cpr="([0-9-]+)"/\1/'); do
    plain=${cpr//-/}
    for f in "$tmp"/*; do
        if grep -qE "${cpr}|${plain}|${plain:0:6}-?${plain:6:4}" "$f"; then echo "FAIL: a CPR number appears in $(basename "$f")"; status=1; fi
    done
done
[ $status -eq 0 ] && echo "examples: 3 reports identical to examples/expected, no CPR number in any output"
exit $status
