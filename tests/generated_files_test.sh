#!/usr/bin/env bash
# schema/case-1.xsd, schema/case-1.schema.json, schema/vocabulary-1.json and the reference in
# schema/README.md are what the vocabulary table generates, docs/rules.md is what the rule metadata generates, and every example and every rule
# fixture is valid against the XSD.
set -euo pipefail
cli=$1
cd "$2"
status=0
for pair in "xsd case-1.xsd" "json-schema case-1.schema.json" "vocabulary vocabulary-1.json"; do
    read -r what file <<<"$pair"
    if ! diff -u "schema/$file" <("$cli" schema "$what"); then echo "FAIL: schema/$file is out of date (tools/update-expected.sh)"; status=1; fi
done
generated=$(sed -n '/<!-- BEGIN GENERATED: barnetslov schema reference -->/,/<!-- END GENERATED -->/p' schema/README.md | sed '1d;$d')
if ! diff -u <(printf '%s\n' "$generated") <("$cli" schema reference); then echo "FAIL: the reference in schema/README.md is out of date (tools/update-expected.sh)"; status=1; fi
if ! diff -u docs/rules.md <("$cli" rules --format markdown); then echo "FAIL: docs/rules.md is out of date (tools/update-expected.sh)"; status=1; fi
files=$(find examples tests/fixtures -name '*.xml' 2>/dev/null | sort)
count=$(echo "$files" | grep -c . || true)
if ! out=$(xmllint --noout --schema schema/case-1.xsd $files 2>&1); then echo "$out" | grep -v ' validates$'; echo "FAIL: not valid against schema/case-1.xsd"; status=1; fi
[ $status -eq 0 ] && echo "generated files: XSD, JSON Schema, vocabulary JSON, schema reference and docs/rules.md up to date; $count case files valid against schema/case-1.xsd"
exit $status
