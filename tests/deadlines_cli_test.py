#!/usr/bin/env python3
"""`barnetslov deadlines` (issue 17, item 4): the overdue duties first, most overdue first, then the
pending deadlines by due time, then the open duties without a deadline; exit code 1 when anything is
overdue; every format (text, CSV, JSON, iCalendar) checked against the full JSON report of the same
run, the .ics read back with a real parser (Python's icalendar, Debian python3-icalendar) and
checked line by line for CRLF, folding at 75 octets and TEXT escaping; 1 and 4 threads give the
same bytes.

Needs python3-icalendar (tools/setup.sh installs it). A python3 first on PATH that is not Debian's
does not see Debian's packages, so the test runs itself again with /usr/bin/python3 when that one
has it; without it anywhere the test is skipped (exit 77), and fails under CI=true.

usage: deadlines_cli_test.py CLI SOURCE_DIR
"""
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

try:
    import icalendar
except ImportError:
    debian = "/usr/bin/python3"
    if Path(debian).exists() and os.path.realpath(sys.executable) != os.path.realpath(debian) and not os.environ.get("BL_DEBIAN_PYTHON"):
        os.environ["BL_DEBIAN_PYTHON"] = "1"
        os.execv(debian, [debian, *sys.argv])
    print("SKIP: python3-icalendar is not installed (tools/setup.sh)")
    sys.exit(1 if os.environ.get("CI") == "true" else 77)

cli, src = sys.argv[1], Path(sys.argv[2])
examples = str(src / "examples")
as_of = (src / "examples/expected/AS_OF").read_text().strip()
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(*args):
    p = subprocess.run([cli, *args], capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode()


def instant(iso):
    return datetime.fromisoformat(iso).astimezone(timezone.utc)


def deadlines(*extra, fmt="json", path=examples, when=as_of):
    return run("deadlines", path, "--as-of", when, "--quiet", "--format", fmt, *extra)


# ---- the list against the full report ----
rc, out, err = run("check", examples, "--as-of", as_of, "--quiet", "--format", "json")
report = json.loads(out)
findings = [(c, f) for c in report["cases"] for f in c["findings"]]
missed = [(c, f) for c, f in findings if f["status"] == "missed"]
pending = [(c, f) for c, f in findings if f["status"] == "pending" and f["deadline"]]
open_ = [(c, f) for c, f in findings if f["status"] == "pending" and not f["deadline"]]
check(missed and pending and open_, f"the examples lack a part: {len(missed)} missed, {len(pending)} pending, {len(open_)} open")


def key(c, f):
    return (c["source"], c["case_id"], f["rule"], f["events"][0]["id"], (f["deadline"] or {}).get("due"))


def row_key(r):
    return (r["source"], r["case_id"], r["rule"], r["event"]["id"], (r["deadline"] or {}).get("due"))


rc, out, err = deadlines()
check(rc == 1, f"deadlines with overdue duties: exit {rc}, expected 1 ({err})")
doc = json.loads(out)
check([k for k in doc][:7] == ["format", "format_version", "library_version", "as_of", "readings", "within_days", "summary"],
      f"JSON head keys: {list(doc)[:7]}")
check((doc["format"], doc["format_version"], doc["as_of"]) == ("barnetslov-deadlines", 1, report["as_of"]), "JSON format, version, as_of")
check(doc["readings"] == report["readings"], "JSON readings differ from the report's")
check(doc["summary"] == {"cases": report["summary"]["cases"], "errors": 0, "overdue": len(missed), "pending": len(pending),
                         "open": len(open_)}, f"JSON summary {doc['summary']}")
for part, want in (("overdue", missed), ("pending", pending), ("open", open_)):
    check(sorted(map(row_key, doc[part])) == sorted(key(c, f) for c, f in want), f"JSON {part}: not the report's findings")
check(all(r["status"] == "missed" and r["margin"]["value"] < 0 for r in doc["overdue"]), "overdue rows: status missed, negative margin")
check(all(r["status"] == "pending" and r["margin"]["value"] >= 0 for r in doc["pending"]), "pending rows: status pending, margin left")
check(all(r["status"] == "pending" and r["deadline"] is None for r in doc["open"]), "open rows: pending without a deadline")
# The documented order: overdue and pending by due time (the earliest due is the most overdue), open
# duties by the time they arose; stable, so equal times keep file order.
for part in ("overdue", "pending"):
    dues = [instant(r["deadline"]["due"]) for r in doc[part]]
    check(dues == sorted(dues), f"{part}: not in due order")
arose = [instant(r["event"]["at"]) if "T" in r["event"]["at"] else datetime.fromisoformat(r["event"]["at"]).replace(tzinfo=timezone.utc)
         for r in doc["open"]]
check([a.date() for a in arose] == sorted(a.date() for a in arose), "open: not oldest first")
# In the examples every overdue duty is counted in days: their margins then run from the most overdue up.
overdue_days = [r["margin"]["value"] for r in doc["overdue"] if r["margin"]["unit"] == "days"]
check(len(overdue_days) == len(missed) and overdue_days == sorted(overdue_days), f"overdue: not most overdue first: {overdue_days}")
check(all(set(r) >= {"rule", "law", "section", "title_en", "title_da", "severity", "reason", "source", "case_id", "unit", "event",
                     "deadline", "margin"} for p in ("overdue", "pending", "open") for r in doc[p]), "a row lacks a key")

# ---- text: the counts line, the parts in order, overdue rows first ----
rc, out, _ = deadlines(fmt="text")
text = out.decode()
lines = text.splitlines()
check(rc == 1, f"text: exit {rc}")
check(lines[0] == f"{len(missed)} overdue, {len(pending)} pending (all), {len(open_)} open without deadline", f"text head: {lines[0]!r}")
check(lines[1] == "as of 2025-01-15 12:00 (Copenhagen)", f"text as-of line: {lines[1]!r}")
o, p, n = (text.find(h) for h in ("\nOVERDUE, most overdue first:\n", "\nPENDING, by due time:\n", "\nOPEN WITHOUT DEADLINE"))
check(0 < o < p < n, f"text parts out of order: {o} {p} {n}")
first = text[o:].splitlines()[2]
r0 = doc["overdue"][0]
check(first.startswith(r0["deadline"]["due_day"] + " ") and f"overdue by {-r0['margin']['value']} days" in first and r0["rule"] in first,
      f"text: first overdue row {first!r}")
# check's text style for dates: a day, or a local time without seconds and offset; never ISO 8601.
check("T23:59:59" not in text and "+01:00" not in text, "text: dates in ISO 8601, not check's text style")
rc, out, _ = deadlines("--lang", "da", fmt="text")
check(out.decode().splitlines()[0] == f"{len(missed)} overskredne, {len(pending)} verserende (alle), {len(open_)} åbne uden frist",
      f"text --lang da head: {out.decode().splitlines()[0]!r}")

# ---- --within narrows the pending deadlines only ----
rc, out, _ = deadlines("--within", "14d")
w = json.loads(out)
limit = instant(report["as_of"]) + timedelta(days=14)
check(rc == 1 and w["within_days"] == 14 and len(w["overdue"]) == len(missed) and len(w["open"]) == len(open_),
      "--within 14d: overdue or open rows changed")
check([row_key(r) for r in w["pending"]] == [row_key(r) for r in doc["pending"] if instant(r["deadline"]["due"]) <= limit],
      f"--within 14d: pending {len(w['pending'])}")
rc, out, _ = deadlines("--within", "3w", fmt="text")
# The open duties are the full list's (a count fixed here went stale whenever a rule added open duties).
check(out.decode().splitlines()[0].endswith(f"pending (within 21 days), {len(open_)} open without deadline"), "--within 3w: head")

# ---- exit codes ----
rc, out, err = deadlines("--rules", "BL-UND-KVIT", fmt="text")
check(rc == 0 and out.decode().startswith("0 overdue, 1 pending (all), 0 open without deadline\n"),
      f"nothing overdue: exit {rc}, {out[:80]!r}")
rc, out, err = deadlines(fmt="xml")
check(rc == 2 and out == b"" and "--format must be text, csv, json or ics, not 'xml'" in err, f"--format xml: exit {rc}, {err!r}")
with tempfile.TemporaryDirectory() as tmp:
    bad = Path(tmp) / "bad.xml"
    bad.write_text('<case xmlns="urn:barnetslov:case:1" id="x">\n  <child id="barn" birth-date="2015-06-31"/>\n</case>\n')
    rc, out, err = run("deadlines", examples, str(bad), "--as-of", as_of, "--quiet", "--format", "json")
    check(rc == 2 and json.loads(out)["summary"]["errors"] == 1 and json.loads(out)["errors"][0]["source"].endswith("bad.xml"),
          f"an unreadable file among overdue duties: exit {rc}, expected 2")

# ---- CSV: check's quoting, CRLF, a header row, the same rows as the JSON ----
rc, out, _ = deadlines(fmt="csv")
raw = out.decode("utf-8")
check(raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", ""), "CSV: not CRLF throughout")
table = list(csv.DictReader(io.StringIO(raw, newline="")))
header = raw.split("\r\n", 1)[0].split(",")
check(header[:3] == ["list", "due", "due_day"] and "section" in header and "title" in header, f"CSV header {header}")
json_rows = [(part, r) for part in ("overdue", "pending", "open") for r in doc[part]]
check(len(table) == len(json_rows), f"CSV: {len(table)} rows, JSON {len(json_rows)}")
for row, (part, r) in zip(table, json_rows):
    d = r["deadline"] or {}
    want = (part, d.get("due", ""), d.get("due_day", ""), r["rule"], r["case_id"], r["unit"], r["event"]["id"], str(r["event"]["line"]),
            r["status"], str((r["margin"] or {}).get("value", "")), r["title_en"], r["event"]["at"])
    got = (row["list"], row["due"], row["due_day"], row["rule"], row["case"], row["unit"], row["event"], row["event_line"], row["status"],
           row["margin"], row["title"], row["trigger"])
    if got != want:
        check(False, f"CSV row {got} differs from JSON {want}")
        break
    section = f"{r['law']} {r['section']}" if r["law"] else ""
    check(row["section"] == section, f"CSV section {row['section']!r}, JSON {section!r}")
check('"Børn og Unge, Team Vest"' in raw, "CSV: a unit with a comma is not quoted as check quotes it")

# ---- iCalendar: parsed, and event by event as the JSON ----
rc, out, _ = deadlines(fmt="ics")
ics = out
check(rc == 1, f"ics: exit {rc}")


def strict_lines(data, what):
    """Every physical line CRLF-terminated, at most 75 octets, valid UTF-8 on its own."""
    check(data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"") and b"\r" not in data.replace(b"\r\n", b""),
          f"{what}: a line end that is not CRLF")
    physical = data.split(b"\r\n")[:-1]
    long = [ln for ln in physical if len(ln) > 75]
    check(not long, f"{what}: {len(long)} lines over 75 octets, e.g. {long[:1]}")
    for ln in physical:
        try:
            ln.decode("utf-8", errors="strict")
        except UnicodeDecodeError:
            check(False, f"{what}: a fold splits a UTF-8 sequence: {ln!r}")
            break
    return physical


physical = strict_lines(ics, "examples .ics")
check(any(ln.startswith(b" ") for ln in physical), "examples .ics: no folded line (the test would prove nothing)")
cal = icalendar.Calendar.from_ical(ics)
check((str(cal["VERSION"]), str(cal["CALSCALE"])) == ("2.0", "GREGORIAN") and str(cal["PRODID"]).startswith("-//barnetslov//"),
      "ics: VERSION, CALSCALE or PRODID")
events = list(cal.walk("VEVENT"))
dated = doc["overdue"] + doc["pending"]
check(len(events) == len(dated), f"ics: {len(events)} events, JSON {len(dated)} overdue and pending deadlines")
uids = [str(e["UID"]) for e in events]
raw_uids = [ln[4:] for ln in ics.decode().replace("\r\n ", "").split("\r\n") if ln.startswith("UID:")]
check(len(set(raw_uids)) == len(raw_uids) == len(events), "ics: UIDs not unique")
stamp = instant(doc["as_of"])
for e, r in zip(events, dated):
    d = r["deadline"]
    start = e["DTSTART"].dt
    if d["convention"] == "elapsed_hours":
        check(isinstance(start, datetime) and start == instant(d["due"]) and e["DTEND"].dt > start,
              f"ics {r['rule']} {r['case_id']}: DTSTART {start}, JSON due {d['due']}")
    else:
        check(not isinstance(start, datetime) and start == date.fromisoformat(d["due_day"])
              and e["DTEND"].dt == start + timedelta(days=1), f"ics {r['rule']} {r['case_id']}: all-day {start}, JSON due_day {d['due_day']}")
    check(e["DTSTAMP"].dt == stamp, f"ics: DTSTAMP {e['DTSTAMP'].dt}, as of {stamp}")
    summary = str(e["SUMMARY"])
    check(r["rule"] in summary and r["title_en"] in summary and r["case_id"] in summary
          and summary.startswith("OVERDUE: ") == (r["status"] == "missed"), f"ics SUMMARY {summary!r}")
    description = str(e["DESCRIPTION"])
    check(r["source"] in description and f"'{r['event']['id']}' line {r['event']['line']}" in description
          and r["text_en"]["counting"] in description and (not r["law"] or r["section"] in description), f"ics DESCRIPTION {description!r}")
rc2, again, _ = deadlines(fmt="ics")
check(again == ics, "ics: two runs differ (DTSTAMP must be the as-of time, not the clock)")

# An hours deadline is a timed event in UTC: BL-UND-24H of example 03 the morning after.
rc, out, _ = deadlines(fmt="ics", path=str(src / "examples/03-late-24-hour-assessment.xml"), when="2024-10-11T10:00")
cal = icalendar.Calendar.from_ical(out)
h24 = [e for e in cal.walk("VEVENT") if str(e["SUMMARY"]).startswith("BL-UND-24H")]
check(rc == 0 and len(h24) == 1 and h24[0]["DTSTART"].dt == datetime(2024, 10, 11, 12, 30, tzinfo=timezone.utc)
      and b"DTSTART:20241011T123000Z\r\n" in out, f"ics: the 24-hour deadline is not 2024-10-11 12:30 UTC: {h24}")

# Escaping and folding with a case id holding , ; \ and a long unit name of non-ASCII letters.
with tempfile.TemporaryDirectory() as tmp:
    case_id = "2024-0655,a;b\\c"
    unit = "Myndighed Børn, Team Øst; Ærø-gruppen — fællesenheden for børn og unge i Østjylland\\Syd"
    xml = (src / "examples/09-open-case-with-deadlines-ahead.xml").read_text(encoding="utf-8")
    xml = xml.replace('id="2024-0655"', f'id="{case_id}"').replace('unit="Myndighed Børn"', f'unit="{unit}"')
    xml = xml.replace('"u2"', '"u2:x.y"')
    (Path(tmp) / "case.xml").write_text(xml, encoding="utf-8")
    rc, out, err = deadlines(fmt="ics", path=tmp)
    check(rc == 0, f"escaping case: exit {rc}, {err}")
    physical = strict_lines(out, "escaping .ics")
    unfolded = out.decode().replace("\r\n ", "")
    check("(case 2024-0655\\,a\\;b\\\\c)" in unfolded, "ics: , ; \\ in SUMMARY not escaped as \\, \\; \\\\")
    check("Team Øst\\; Ærø-gruppen" in unfolded and "Østjylland\\\\Syd" in unfolded and "\\n" in unfolded,
          "ics: DESCRIPTION not escaped")
    check(any(ln.startswith(b" ") and len(ln) > 70 for ln in physical), "escaping .ics: no long folded line")
    events = list(icalendar.Calendar.from_ical(out).walk("VEVENT"))
    check(len(events) == 2 and all(f"case {case_id})" in str(e["SUMMARY"]) for e in events), "ics: SUMMARY does not parse back to the case id")
    check(all(unit in str(e["DESCRIPTION"]) and "'u2:x.y'" in str(events[0]["DESCRIPTION"]) for e in events),
          "ics: DESCRIPTION does not parse back to the unit and event")
    uid_lines = [ln for ln in unfolded.split("\r\n") if ln.startswith("UID:")]
    check(uid_lines and uid_lines[0] == "UID:0851/2024-0655%2Ca%3Bb%5Cc/BL-UND-KVIT/u2%3Ax.y/20250122@barnetslov",
          f"ics: UID {uid_lines[:1]}")
    # Two files of the same case: each duty once, the UIDs still unique.
    (Path(tmp) / "copy.xml").write_text(xml, encoding="utf-8")
    rc, out, _ = deadlines(fmt="ics", path=tmp)
    uids = [str(e["UID"]) for e in icalendar.Calendar.from_ical(out).walk("VEVENT")]
    check(len(uids) == 4 and len(set(uids)) == 4, f"ics: a case in two files gives UIDs {uids}")

# ---- no CPR number: the examples' .ics holds only what the masked ids and names hold ----
check(re.search(r"(?<!\d)\d{6}[-. ]?\d{4}(?!\d)", ics.decode().replace("\r\n ", "")) is None, "ics: something shaped like a CPR number")

# ---- any number of threads, the same bytes ----
for fmt in ("text", "csv", "json", "ics"):
    one = deadlines("--jobs", "1", fmt=fmt)[1]
    four = deadlines("--jobs", "4", fmt=fmt)[1]
    check(one == four, f"{fmt}: --jobs 1 and --jobs 4 differ")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print(f"deadlines: {len(missed)} overdue first, {len(pending)} pending, {len(open_)} open; text, csv, json and ics "
      f"({len(dated)} events, parsed) agree; escaping, folding, exit codes, --within, --jobs 1 = 4")
