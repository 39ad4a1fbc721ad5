#!/usr/bin/env python3
"""JSON case files give the findings their XML twins give (issue 16 item 7).

- Every examples/*.xml has its twin in examples/json/ (and no twin lacks its XML file), and each
  twin is what tools/xml-to-json.py makes of it (tools/update-expected.sh writes them).
- `check` on the twins (--input json) gives the findings of the XML examples at the as-of of
  examples/expected: the JSON reports equal once the source names and positions are removed;
  so do the deadline lists. The same for every rule fixture (tests/fixtures), converted here.
- The same cases as one JSON Lines file: one case a line, each line an input of the batch.
- Folder walks: `check examples` takes the XML files only (the twins below it are not checked
  twice); --input json the twins only, --input any both; a .json or .jsonl file named on the
  command line is read as JSON whatever --input says.

usage: json_twins_test.py CLI SOURCE_DIR
"""
import csv
import importlib.util
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

cli, src = sys.argv[1], Path(sys.argv[2])
as_of = (src / "examples/expected/AS_OF").read_text().strip()
failures = []

spec = importlib.util.spec_from_file_location("xml_to_json", src / "tools/xml-to-json.py")
converter = importlib.util.module_from_spec(spec)
spec.loader.exec_module(converter)
types = converter.vocabulary_types(src / "schema/vocabulary-1.json")


def check(cond, what):
    if not cond:
        failures.append(what)


def run(*args, codes=(0, 1)):
    p = subprocess.run([cli, *args, "--as-of", as_of, "--quiet"], capture_output=True)
    check(p.returncode in codes, f"{' '.join(map(str, args))}: exit code {p.returncode}: {p.stderr.decode()[:500]}")
    return p.stdout.decode()


def findings(report):
    """The cases of a JSON report as comparable text: no source names, no lines or columns."""
    doc = json.loads(report)
    cases = []
    for case in doc["cases"]:
        case.pop("source")
        for e in [e for f in case["findings"] for e in f["events"]] + case["events_after_as_of"]:
            e.pop("line")
            e.pop("column")
        cases.append(json.dumps(case, ensure_ascii=False, sort_keys=True))
    return cases, doc["summary"], doc["errors"]


def deadlines(csv_text):
    rows = list(csv.DictReader(io.StringIO(csv_text, newline="")))
    for r in rows:
        r.pop("file")
        r.pop("event_line")
    return rows


def same(what, xml_report, json_report):
    x, j = findings(xml_report), findings(json_report)
    check(x[2] == [] and j[2] == [], f"{what}: errors {x[2][:3]} {j[2][:3]}")
    check(x[1] == j[1], f"{what}: summaries differ: {x[1]} / {j[1]}")
    check(len(x[0]) == len(j[0]), f"{what}: {len(x[0])} XML cases, {len(j[0])} JSON cases")
    for a, b in zip(x[0], j[0]):
        if a != b:
            check(False, f"{what}: case {json.loads(a)['case_id']} differs:\n  XML  {a[:400]}\n  JSON {b[:400]}")
            break
    return len(x[0])


# ---- the examples and their twins ----
examples = sorted((src / "examples").glob("*.xml"))
twins = src / "examples/json"
check(len(examples) >= 27, f"only {len(examples)} XML examples")
check(sorted(p.stem for p in twins.glob("*.json")) == [p.stem for p in examples],
      "examples/json/ does not hold exactly one twin per examples/*.xml (tools/update-expected.sh)")
for x in examples:
    twin = twins / (x.stem + ".json")
    if twin.exists():
        check(twin.read_text(encoding="utf-8") == converter.document(converter.case_of(x, types)),
              f"{twin.relative_to(src)} is not what tools/xml-to-json.py makes of {x.name} (tools/update-expected.sh)")

n = same("examples", run("check", str(src / "examples"), "--format", "json"),
         run("check", str(twins), "--input", "json", "--format", "json"))
check(deadlines(run("deadlines", str(src / "examples"), "--format", "csv"))
      == deadlines(run("deadlines", str(twins), "--input", "json", "--format", "csv")), "deadlines of the twins differ")

# ---- folder walks and --input ----
def cases_in(*args):
    return json.loads(run("check", *args, "--format", "json"))["summary"]["cases"]


check(cases_in(str(src / "examples")) == n, "check examples/ does not check the XML examples alone")
check(cases_in(str(twins / (examples[0].stem + ".json")), "--input", "xml") == 1, "a .json file named is not read as JSON")
p = subprocess.run([cli, "check", str(twins), "--as-of", as_of], capture_output=True)
check(p.returncode == 2 and b"no case files (*.xml) in the folder or below it" in p.stderr, "a folder of JSON files without --input json")
p = subprocess.run([cli, "check", str(src / "examples"), "--input", "yaml"], capture_output=True)
check(p.returncode == 2 and b"--input must be xml, json or any, not 'yaml'" in p.stderr, "--input yaml is not refused")

with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    # The examples and their twins below them, as in examples/ (where --input json would also find
    # examples/expected/report.json, no case file, and say so).
    mixed = tmp / "mixed"
    (mixed / "json").mkdir(parents=True)
    for x in examples:
        (mixed / x.name).write_bytes(x.read_bytes())
        (mixed / "json" / (x.stem + ".JSON")).write_bytes((twins / (x.stem + ".json")).read_bytes())
    check(cases_in(str(mixed)) == n, "check takes the XML files alone by default")
    check(cases_in(str(mixed), "--input", "xml") == n, "--input xml")
    check(cases_in(str(mixed), "--input", "json") == n, "--input json does not take the twins (.JSON) alone")
    check(cases_in(str(mixed), "--input", "any") == 2 * n, "--input any does not take both")
    # ---- the examples as one JSON Lines file, a bad line among them ----
    lines = [json.dumps(converter.case_of(x, types), ensure_ascii=False, separators=(",", ":")) for x in examples]
    batch = tmp / "batch.jsonl"
    batch.write_text("\n".join(lines[:3]) + "\n\n{\"format\": 1}\n" + "\n".join(lines[3:]) + "\n", encoding="utf-8")
    p = subprocess.run([cli, "check", str(batch), "--as-of", as_of, "--format", "json", "-j", "2"], capture_output=True)
    check(p.returncode == 2, f"a JSON Lines file with a bad line: exit code {p.returncode}")
    doc = json.loads(p.stdout)
    check(doc["errors"] == [{"source": str(batch), "line": 5, "column": 2,
                             "message": "/format: expected the string urn:barnetslov:case:1, not a number"}],
          f"the bad line of batch.jsonl: {doc['errors']}")
    check(doc["summary"]["cases"] == n, f"batch.jsonl: {doc['summary']['cases']} cases, not {n}")
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    same("examples as JSON Lines", run("check", str(src / "examples"), "--format", "json"), run("check", str(batch), "--format", "json"))
    check(run("check", str(batch), "-j", "1") == run("check", str(batch), "-j", "3"), "batch.jsonl: 1 and 3 threads differ")

    # ---- every rule fixture, converted ----
    fixtures = sorted((src / "tests/fixtures").rglob("*.xml"))
    for x in fixtures:
        out = tmp / "fixtures" / x.relative_to(src / "tests/fixtures").with_suffix(".json")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(converter.document(converter.case_of(x, types)), encoding="utf-8")
    fx = same("rule fixtures", run("check", str(src / "tests/fixtures"), "--format", "json"),
              run("check", str(tmp / "fixtures"), "--input", "json", "--format", "json"))

for f in failures:
    print("FAIL:", f)
if not failures:
    print(f"json twins: {n} examples and {fx} rule fixtures give their XML findings as JSON and as JSON Lines; --input walks as documented")
sys.exit(1 if failures else 0)
