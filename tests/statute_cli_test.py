"""The statute record of each implemented rule as the CLI shows it: in the JSON rule listing, in
`explain RULE`, and in docs/rules.md (generated_files_test keeps that file equal to the output).

Usage: statute_cli_test.py BARNETSLOV_CLI REPO_DIR
"""
import json
import subprocess
import sys

cli, repo = sys.argv[1], sys.argv[2]


def run(*args):
    return subprocess.run([cli, *args], check=True, capture_output=True, text=True).stdout


failures = []
listing = json.loads(run("rules", "--format", "json"))
implemented = [r for r in listing["rules"] if r["status"] == "implemented"]
if not implemented:
    failures.append("the JSON listing has no implemented rule")
docs = open(f"{repo}/docs/rules.md", encoding="utf-8").read()

for rule in implemented:
    rid = rule["id"]
    statute = rule.get("statute")
    if not statute:
        failures.append(f"{rid}: no statute record in the JSON listing")
        continue
    for key in ("check", "source", "noted_in", "read_on", "confirms"):
        if not statute.get(key):
            failures.append(f"{rid}: statute.{key} is empty")
    if statute["read"] is None and statute["not_found"] is None:
        failures.append(f"{rid}: the record names no paragraph")
    expected_check = ("not found" if statute["read"] is None else
                      "read" if statute["not_found"] is None else "partly read")
    if statute["check"] != expected_check:
        failures.append(f"{rid}: check is {statute['check']!r}, the paragraphs say {expected_check!r}")
    text = run("explain", rid)
    for key in ("source", "confirms"):
        if statute[key] not in text:
            failures.append(f"{rid}: explain does not show the statute {key}")
    if statute["not_found"] is not None and f"not found           {statute['not_found']}" not in text:
        failures.append(f"{rid}: explain does not show what was not found")
    section = docs[docs.find(f"\n## {rid}\n"):]
    section = section[:section.find("\n## ", 1)]
    if statute["source"] not in section or "- statute conflict:" not in section:
        failures.append(f"{rid}: docs/rules.md does not show the statute record")

for f in failures:
    print("FAIL:", f)
if failures:
    sys.exit(1)
print(f"statute records of {len(implemented)} implemented rules shown in JSON, explain and docs/rules.md")
