#!/usr/bin/env python3
"""`--reading NAME=VALUE` on `barnetslov check` and `barnetslov deadlines`: valid readings are
taken, repeated and stated in every report (text, JSON, HTML, the figures, the deadline list);
an unknown name, a bad value, a name twice or a missing '=' is exit 2 with a message listing
what is valid; and a reading reaches the deadlines it governs.

usage: readings_cli_test.py CLI SOURCE_DIR
"""
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

cli, src = sys.argv[1], Path(sys.argv[2])
fixtures = src / "tests" / "fixtures"
KVIT = str(fixtures / "BL-UND-KVIT" / "phone-first-grundlovsdag-late.xml")
KLAGE = str(fixtures / "BL-KLAGE-4W" / "post-six-hverdage-over-ascension.xml")
NAMES = ["supervision-year", "kvittering-to", "grundlovsdag", "juleaftensdag", "nytaarsaftensdag",
         "receipt-post-hverdage", "receipt-quickpost-days", "before-record-months"]
DEFAULTS = dict(zip(NAMES, ["placement", "professional", "holiday", "holiday", "holiday", "6", "2", "6"]))
failures = []


def run(*args):
    p = subprocess.run([cli, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def check(cond, what):
    if not cond:
        failures.append(what)


def report_json(*args):
    rc, out, err = run("check", *args, "--format", "json", "--quiet")
    check(rc in (0, 1), f"check {args}: exit {rc}: {err}")
    return json.loads(out) if rc in (0, 1) else {}


def finding(doc, rule, subject):
    for c in doc.get("cases", []):
        for f in c["findings"]:
            if f["rule"] == rule and f["events"][0]["id"] == subject:
                return f
    failures.append(f"no {rule} finding about {subject}")
    return {"deadline": {}, "margin": {}}


# ---- the JSON report states the readings: the defaults, then changed values ----
doc = report_json(KVIT, "--as-of", "2024-06-20")
check(doc.get("readings") == DEFAULTS, f"json readings by default: {doc.get('readings')}")
check(list(doc)[:6] == ["format", "format_version", "library_version", "as_of", "readings", "cases"],
      f"json key order: {list(doc)}")
check(doc.get("format_version") == 1, "format_version stays 1")
doc2 = report_json(KVIT, "--as-of", "2024-06-20", "--reading", "grundlovsdag=working", "--reading", "supervision-year=calendar",
                   "--reading", "before-record-months=12")
check(doc2.get("readings") == {**DEFAULTS, "grundlovsdag": "working", "supervision-year": "calendar", "before-record-months": "12"},
      f"json readings, three chosen: {doc2.get('readings')}")

# ---- a holiday reading changes a hverdage deadline (BL-UND-KVIT: 6 hverdage from 3 June 2024) ----
a, b = finding(doc, "BL-UND-KVIT", "u1"), finding(doc2, "BL-UND-KVIT", "u1")
check(a["deadline"].get("due_day") == "2024-06-12" and a["margin"].get("value") == -1,
      f"grundlovsdag a holiday: due {a['deadline'].get('due_day')}, margin {a['margin']}")
check(b["deadline"].get("due_day") == "2024-06-11" and b["margin"].get("value") == -2,
      f"grundlovsdag a working day: due {b['deadline'].get('due_day')}, margin {b['margin']}")

# ---- receipt-post-hverdage reaches the complaint deadline (BL-KLAGE-4W, a letter posted 2 May 2024) ----
six = finding(report_json(KLAGE, "--as-of", "2024-06-20"), "BL-KLAGE-4W", "kl2")
seven = finding(report_json(KLAGE, "--as-of", "2024-06-20", "--reading", "receipt-post-hverdage=7"), "BL-KLAGE-4W", "kl2")
check((six.get("status"), six["deadline"].get("due_day")) == ("late", "2024-06-10"), f"post after 6 hverdage: {six.get('status')}")
check((seven.get("status"), seven["deadline"].get("due_day")) == ("met", "2024-06-11"), f"post after 7 hverdage: {seven.get('status')}")

# ---- the deadline list: the due time moves with the reading, and the text states the readings ----
def due_of(*extra):
    rc, out, err = run("deadlines", KVIT, "--as-of", "2024-06-05", "--format", "csv", *extra)
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    return [r["due"] for r in rows if r["rule"] == "BL-UND-KVIT"]
check(due_of() == ["2024-06-12T23:59:59+02:00"], f"deadlines, grundlovsdag a holiday: {due_of()}")
check(due_of("--reading", "grundlovsdag=working") == ["2024-06-11T23:59:59+02:00"], "deadlines, grundlovsdag a working day")
rc, out, err = run("deadlines", KVIT, "--as-of", "2024-06-05", "--reading", "grundlovsdag=working")
check(rc == 0 and "\nreadings: supervision-year=placement," in out and "grundlovsdag=working (default holiday)," in out,
      f"deadlines text states the readings: {out[:300]}")

# ---- the text report, the figures and the HTML report state them ----
rc, out, err = run("check", KVIT, "--as-of", "2024-06-20", "--reading", "receipt-quickpost-days=3")
lines = out.splitlines()
check(lines[1].startswith("readings: supervision-year=placement, kvittering-to=professional,"), f"text header: {lines[:4]}")
check("receipt-quickpost-days=3 (default 2)," in out, "text header names the chosen value and its default")
check(lines[4] == "" and all(len(l) <= 100 for l in lines[1:4]), f"text header wrapped at 100 columns: {lines[:5]}")
rc, out, err = run("check", KVIT, "--as-of", "2024-06-20", "--lang", "da", "--reading", "grundlovsdag=working")
check("\nfortolkninger: " in out and "grundlovsdag=working (standard holiday)" in out, "Danish text header")
rc, out, err = run("check", KVIT, "--as-of", "2024-06-20", "--summary", "--reading", "kvittering-to=all")
check("\nreadings: " in out and "kvittering-to=all (default professional)" in out, f"summary text: {out[:300]}")
rc, out, err = run("check", KVIT, "--as-of", "2024-06-20", "--summary", "--format", "json", "--reading", "kvittering-to=all")
check(json.loads(out).get("readings") == {**DEFAULTS, "kvittering-to": "all"}, "summary json readings")
rc, out, err = run("check", KVIT, "--as-of", "2024-06-20", "--format", "html", "--reading", "nytaarsaftensdag=working")
check('<p class="readings muted">Readings:' in out and '<span data-reading="nytaarsaftensdag" data-value="working">' in out
      and "<strong>nytaarsaftensdag=working</strong> (default holiday)" in out
      and '<span data-reading="grundlovsdag" data-value="holiday">grundlovsdag=holiday</span>' in out, "html readings")

# ---- refused: exit 2 and a message that says what is valid; no report is written ----
def refused(args, *wanted):
    rc, out, err = run(*args)
    check(rc == 2, f"{args}: exit {rc}, want 2")
    check(out == "", f"{args}: wrote a report although refused")
    for w in wanted:
        check(w in err, f"{args}: message lacks {w!r}: {err!r}")

names = ", ".join(NAMES)
refused(["check", KVIT, "--reading", "supervision_year=calendar"],
        "barnetslov check: --reading: unknown reading 'supervision_year'", f"(readings: {names})")
refused(["deadlines", KVIT, "--reading", "grundlovsdag=maybe"],
        "barnetslov deadlines: --reading: reading 'grundlovsdag': 'maybe' is not a valid value (valid: holiday, working)")
refused(["check", KVIT, "--reading", "receipt-post-hverdage=21"], "a whole number 0-20")
refused(["check", KVIT, "--reading", "before-record-months=0"], "a whole number 1-24")
refused(["check", KVIT, "--reading", "grundlovsdag"], "--reading 'grundlovsdag' is not NAME=VALUE", names)
refused(["check", KVIT, "--reading", "grundlovsdag=working", "--reading", "grundlovsdag=holiday"], "reading 'grundlovsdag' given twice")
refused(["check", KVIT, "--reading"], "--reading")

# ---- --help lists it ----
rc, out, err = run("check", "--help")
check(rc == 0 and "--reading NAME=VALUE" in out, "check --help lists --reading")
rc, out, err = run("deadlines", "--help")
check(rc == 0 and "--reading NAME=VALUE" in out, "deadlines --help lists --reading")

for f in failures:
    print("FAIL:", f)
if failures:
    sys.exit(1)
print("readings on the command line: taken, repeated, stated in text, JSON, HTML, figures and deadlines; refused with exit 2; "
      "grundlovsdag and receipt-post-hverdage move their deadlines")
