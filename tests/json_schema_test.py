#!/usr/bin/env python3
"""The JSON Schema of JSON case files (schema/case-1.schema.json, generated from the vocabulary)
is a valid draft 2020-12 schema and accepts every JSON example (examples/json/) and every rule
fixture converted to JSON: a file the loader accepts is valid against it, as for the XSD. It is not
an empty promise: documents the loader refuses for what a schema can see are invalid against it.

Needs python3-jsonschema (tools/setup.sh installs it); without it the test is skipped (exit 77),
and fails under CI=true.

usage: json_schema_test.py SOURCE_DIR
"""
import importlib.util
import json
import os
import sys
from pathlib import Path

src = Path(sys.argv[1])
try:
    import jsonschema
except ImportError:
    print("SKIP: python3-jsonschema is not installed (tools/setup.sh)")
    sys.exit(1 if os.environ.get("CI") == "true" else 77)

schema = json.loads((src / "schema/case-1.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failures = []

spec = importlib.util.spec_from_file_location("xml_to_json", src / "tools/xml-to-json.py")
converter = importlib.util.module_from_spec(spec)
spec.loader.exec_module(converter)
types = converter.vocabulary_types(src / "schema/vocabulary-1.json")


def errors(doc):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in validator.iter_errors(doc)]


examples = sorted((src / "examples/json").glob("*.json"))
for f in examples:
    for e in errors(json.loads(f.read_text(encoding="utf-8"))):
        failures.append(f"{f.relative_to(src)}: {e}")
fixtures = sorted((src / "tests/fixtures").rglob("*.xml"))
for f in fixtures:
    for e in errors(converter.case_of(f, types)):
        failures.append(f"{f.relative_to(src)} as JSON: {e}")

# What the schema must refuse: each a change of a valid document that the loader refuses too.
base = json.loads((src / "examples/json/03-late-24-hour-assessment.json").read_text(encoding="utf-8"))
def changed(change):
    doc = json.loads(json.dumps(base))
    change(doc)
    return doc
refused = {
    "no format": changed(lambda d: d.pop("format")),
    "another format": changed(lambda d: d.update(format="urn:barnetslov:case:2")),
    "an unknown key": changed(lambda d: d.update(status="open")),
    "no child": changed(lambda d: d.pop("child")),
    "an event without a type": changed(lambda d: d["events"][0].pop("type")),
    "an unknown event type": changed(lambda d: d["events"][0].update(type="telefonnotat")),
    "an attribute of another event type": changed(lambda d: d["events"][2].update(danger=True)),
    "a number for a date": changed(lambda d: d["events"][2].update(at=20241015)),
    "a date that is no date": changed(lambda d: d["events"][2].update(at="15-10-2024")),
    "a value not in the enumeration": changed(lambda d: d["events"][0].update(notifier="teacher")),
    "null for a boolean": changed(lambda d: d["events"][1].update(danger=None)),
    "an empty array of refs": changed(lambda d: d["events"][1].update(ref=[])),
    "a required attribute missing": changed(lambda d: d["events"][1].pop("ref")),
    "an id with a space": changed(lambda d: d["child"].update(id="lille barn")),
    "a fraction for a count": changed(lambda d: d["events"].append(
        {"type": "afgoerelse", "id": "d1", "at": "2024-12-01", "kind": "placement-without-consent", "renewal-years-stated": 1.5})),
}
for what, doc in refused.items():
    if not errors(doc):
        failures.append(f"the schema accepts a document with {what}")
accepted = {
    "refs as an array": changed(lambda d: d["events"][1].update(ref=["u1"])),
    "a boolean as text": changed(lambda d: d["events"][1].update(danger="false")),
    "a count as text": changed(lambda d: d["events"].append(
        {"type": "afgoerelse", "id": "d1", "at": "2024-12-01", "kind": "placement-without-consent", "renewal-years-stated": "3"})),
    "$schema": changed(lambda d: d.update({"$schema": "../../schema/case-1.schema.json"})),
}
for what, doc in accepted.items():
    for e in errors(doc):
        failures.append(f"the schema refuses a document with {what}: {e}")

for f in failures[:50]:
    print("FAIL:", f)
if not failures:
    print(f"json schema: {len(examples)} JSON examples and {len(fixtures)} converted rule fixtures valid against "
          f"schema/case-1.schema.json; {len(refused)} refused changes refused")
sys.exit(1 if failures else 0)
