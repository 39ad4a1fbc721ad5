#!/usr/bin/env bash
# Privacy through the CLI: every output format (check as text in English and Danish, JSON, CSV, JUnit
# and HTML; the figures; the deadlines list;
# rules as text, JSON and markdown; explain of every rule id; version) and every error path
# (case files with CPR numbers in the wrong places or malformed, bad options) over case files
# holding CPR numbers: no CPR number from them appears, with or without its dash. The CLI has
# no option to show one. tests/privacy_test.cpp does the same for the C++ and C APIs.
set -uo pipefail
cli=$1
cd "$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/cases"
cp examples/*.xml "$tmp/cases/"
# Files of the bad-input corpus about CPR numbers, and a good case with a child's and a sibling's.
cp tests/bad-inputs/0{68,69,70,71}-*.xml tests/bad-inputs/13[1-8]-*.xml "$tmp/cases/"
cat > "$tmp/cases/zz-good-with-cpr.xml" <<'XML'
<case xmlns="urn:barnetslov:case:1" id="2024-0117">
  <child id="barn" cpr="150610-4321"/>
  <sibling id="sib1" cpr="0101124001" in-household="true"/>
  <events>
    <underretning id="u1" received-at="2024-03-28T14:30" notifier="professional" channel="phone"/>
  </events>
</case>
XML

n=0
run() {  # run ARGS...: stdout and stderr to $tmp/out.N
    n=$((n + 1))
    "$cli" "$@" > "$tmp/out.$n" 2>&1
    echo "$*" > "$tmp/cmd.$n"
}
for format in text json csv junit html; do
    for lang in en da; do run check "$tmp/cases" --as-of 2025-01-15 --format "$format" --lang "$lang"; done
done
run check "$tmp/cases/zz-good-with-cpr.xml" --as-of 2024-03-29
run check "$tmp/cases" --as-of 2025-01-15 --max-failures 2
run check "$tmp/cases" --as-of 150610-4321
for format in text json csv; do run check "$tmp/cases" --as-of 2025-01-15 --summary --group-by unit --format "$format"; done
run deadlines "$tmp/cases" --as-of 2025-01-15
run check "$tmp/cases" --format 150610-4321
for format in text json markdown; do run rules --format "$format"; done
for id in $("$cli" rules --format json | python3 -c 'import json,sys; print(" ".join(r["id"] for r in json.load(sys.stdin)["rules"]))'); do
    run explain "$id"
done
run version

status=0
# Every CPR-shaped value of the case files (DDMMYY-SSSS or DDMMYYSSSS), in both spellings.
secrets=$(grep -rhoE '[0-9]{6}-?[0-9]{4}' "$tmp/cases" | sed 's/-//' | sort -u)
[ -n "$secrets" ] || { echo "FAIL: no CPR numbers in the test cases"; exit 1; }
for s in $secrets; do
    pattern="${s:0:6}-?${s:6:4}"
    for f in "$tmp"/out.*; do
        if grep -qE "$pattern" "$f"; then
            echo "FAIL: '$(cat "$tmp/cmd.${f##*.}")' shows a CPR number ($pattern):"; grep -E "$pattern" "$f" | head -3
            status=1
        fi
    done
done
grep -q "looks like a CPR number" "$tmp/out.1" || { echo "FAIL: the CPR errors were not reported"; status=1; }
[ $status -eq 0 ] && echo "privacy: $n CLI runs, $(echo "$secrets" | wc -l) CPR numbers, none shown"
exit $status
