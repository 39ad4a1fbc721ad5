#!/usr/bin/env bash
# Regenerates what tests compare against: the example reports, the generated schema files and
# the JSON twins of the examples.
# Run after a deliberate change of output, then read the diff before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${1:-build/barnetslov}
as_of=$(cat examples/expected/AS_OF)
"$cli" check examples --as-of "$as_of" > examples/expected/report.txt || [ $? -eq 1 ]
"$cli" check examples --as-of "$as_of" --lang da > examples/expected/report.da.txt || [ $? -eq 1 ]
"$cli" check examples --as-of "$as_of" --format json > examples/expected/report.json || [ $? -eq 1 ]
"$cli" schema xsd > schema/case-1.xsd
"$cli" schema json-schema > schema/case-1.schema.json
"$cli" schema vocabulary > schema/vocabulary-1.json
# The JSON twins of the examples, from the vocabulary just written (json_twins_test compares).
rm -f examples/json/*.json
python3 tools/xml-to-json.py --out-dir examples/json examples/*.xml
"$cli" rules --format markdown > docs/rules.md
# The README's coverage line is docs/rules.md's (readme_test compares them).
coverage=$(grep -m1 '^Coverage: ' docs/rules.md)
python3 - "$coverage" <<'PY'
import sys
p, line = "README.md", sys.argv[1]
lines = open(p, encoding="utf-8").read().split("\n")
lines = [line if l.startswith("Coverage: ") else l for l in lines]
open(p, "w", encoding="utf-8").write("\n".join(lines))
PY
python3 - "$cli" <<'PY'
import subprocess, sys, re
ref = subprocess.run([sys.argv[1], "schema", "reference"], check=True, capture_output=True, text=True).stdout
p = "schema/README.md"
s = open(p, encoding="utf-8").read()
begin, end = "<!-- BEGIN GENERATED: barnetslov schema reference -->\n", "<!-- END GENERATED -->"
i, j = s.index(begin) + len(begin), s.index(end)
open(p, "w", encoding="utf-8").write(s[:i] + ref + s[j:])
PY
