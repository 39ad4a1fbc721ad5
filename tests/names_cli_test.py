#!/usr/bin/env python3
"""Names and values that could hurt the reader, through every output of the CLI (issue 15).

A batch holds files whose names are not UTF-8 (a Latin-1 'ø' from an old share), hold control
characters or a CPR number in disguise, and cases whose values start like spreadsheet formulas or
hold a tab or a line feed. For `check` in every format (text, JSON, CSV, JUnit, HTML, the figures)
and `deadlines` (text, CSV, JSON, ics), on stdout and stderr alike:
  - the batch is reported whole: no file costs the others, JSON and JUnit parse;
  - every output is valid UTF-8 and carries no control character but its own line ends; a bad
    byte of a name shows as \\xF8;
  - no CPR number appears, in any spelling (compared after NFKC and without invisible characters);
  - arguments the option parser quotes back are escaped and masked the same way;
  - no CSV cell that holds text from a file or its name starts like a formula; a negative number
    the program writes (a margin) stays a number.

usage: names_cli_test.py CLI SOURCE_DIR
"""
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

cli = sys.argv[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


GOOD = (
    '<case xmlns="urn:barnetslov:case:1" id="{id}" municipality="{m}" unit="{u}">\n'
    '  <child id="barn" birth-date="2015-06-01"/>\n'
    "  <events>\n"
    '    <underretning id="{e}" received-at="2024-03-28T14:30" notifier="professional" channel="phone"/>\n'
    "  </events>\n"
    "</case>\n"
)
BAD = '<case xmlns="urn:barnetslov:case:1" id="x">\n  <child id="barn" birth-date="2015-06-31"/>\n</case>\n'

CPR_NAMES = [
    "barn 150610-4321.xml",
    "barn 150610 4321.xml",
    "barn\u00a0150610.4321.xml",
    "barn 150610\u00ad4321.xml",
    "barn 1506\u200b104321.xml",
    "\uff11\uff15\uff10\uff16\uff11\uff10\uff0d\uff14\uff13\uff12\uff11.xml",
    "x15061043210.xml",
]


def make_cases(root: Path):
    d = os.fsencode(root)

    def put(name: bytes, text: str):
        with open(os.path.join(d, name), "wb") as f:
            f.write(text.encode())

    put(b"K\xf8ge.xml", GOOD.format(id="2024-0001", m="K&#248;ge", u="Nord", e="u1"))
    put(b"R\xf8dovre-bad.xml", BAD)
    put(b"sag\x1b[31m\x07.xml", GOOD.format(id="2024-0002", m="x", u="y", e="u1"))
    put(b"sag\nny linje.xml", GOOD.format(id="2024-0003", m="x", u="y", e="u1"))
    for i, n in enumerate(CPR_NAMES):
        put(n.encode(), GOOD.format(id=f"2024-01{i:02d}", m="x", u="y", e="u1"))
    put(b"formulas.xml", GOOD.format(id="=1+2", m="+45 1234", u="@SUM(A1)", e="-u1"))
    put(b"tab-and-newline.xml", GOOD.format(id="2024-0004", m="Team&#10;Nord", u="&#9;Syd", e="u1"))
    put(b"cr-value.xml", GOOD.format(id="2024-0005", m="&#13;=cmd", u="y", e="u1"))


def run(*args):
    p = subprocess.run([cli, *args], capture_output=True)
    return p.returncode, p.stdout, p.stderr


IGNORABLE = re.compile("[\u00ad\u034f\u061c\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]")


def plain(text: str) -> str:
    """The text as a person reads it: NFKC, invisible characters gone."""
    return IGNORABLE.sub("", unicodedata.normalize("NFKC", text))


def shows_cpr(text: str) -> bool:
    t = plain(text)
    return "150610" in t or "4321" in t


def check_output(what: str, data: bytes, line_ends: str):
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        check(False, f"{what}: not valid UTF-8 ({e})")
        return ""
    allowed = set(line_ends)
    bad = sorted({f"U+{ord(c):04X}" for c in text if (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F) and c not in allowed})
    check(not bad, f"{what}: raw control characters {bad}")
    check(not re.search("[\u2028\u2029\u202a-\u202e\u2066-\u2069]", text), f"{what}: raw line separator or bidi control")
    check(not shows_cpr(text), f"{what}: shows a CPR number")
    if "\r" in allowed:
        check(all(line.endswith("\r") or not line for line in text.split("\n")), f"{what}: a CR that is not part of a line end")
    return text


FORMULA = ("=", "+", "-", "@", "\t", "\r")


def check_csv(what: str, text: str, text_columns):
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    check(rows, f"{what}: no rows")
    for row in rows:
        for col in text_columns:
            cell = row.get(col) or ""
            check(not cell.startswith(FORMULA), f"{what}: column {col} starts like a formula: {cell!r}")
    return rows


with tempfile.TemporaryDirectory() as tmp:
    root = Path(tmp) / "sager"
    root.mkdir()
    make_cases(root)
    n_files = len(os.listdir(root))
    as_of = ["--as-of", "2024-04-01", "-q", "--max-failures", "0"]

    outputs = {}
    for fmt in ["text", "json", "csv", "junit", "html"]:
        for lang in ["en", "da"]:
            rc, out, err = run("check", str(root), "--format", fmt, "--lang", lang, *as_of)
            check(rc == 2, f"check --format {fmt}: exit {rc}, expected 2 (one file is bad)")
            outputs[f"check {fmt} {lang}"] = (out, "\r\n" if fmt == "csv" else "\n")
            outputs[f"check {fmt} {lang} stderr"] = (err, "\n")
    for fmt in ["text", "json", "csv"]:
        rc, out, err = run("check", str(root), "--summary", "--group-by", "unit", "--format", fmt, *as_of)
        outputs[f"summary {fmt}"] = (out, "\r\n" if fmt == "csv" else "\n")
        outputs[f"summary {fmt} stderr"] = (err, "\n")
    for fmt in ["text", "csv", "json", "ics"]:
        rc, out, err = run("deadlines", str(root), "--as-of", "2024-03-28T15:00", "-q", "--format", fmt)
        outputs[f"deadlines {fmt}"] = (out, "\r\n" if fmt in ("csv", "ics") else "\n")
        if fmt == "ics":  # a CPR number folded across two lines would not be seen in them
            outputs["deadlines ics unfolded"] = (out.replace(b"\r\n ", b""), "\r\n")
        outputs[f"deadlines {fmt} stderr"] = (err, "\n")

    # Arguments the option parser quotes back: escaped and masked like any echoed value.
    for args in (["check", "--x150610-4321"], ["check", "--\x1b[31mred"], ["rules", "--bogus=150610 4321"],
                 ["check", str(root), "--as-of", "\uff11\uff15\uff10\uff16\uff11\uff10-4321"], ["check", str(root), "--format", "\x1b[2J"]):
        rc, out, err = run(*args)
        check(rc == 2, f"{args}: exit {rc}, expected 2")
        outputs[f"{args} stderr"] = (err, "\n")

    texts = {what: check_output(what, data, ends) for what, (data, ends) in outputs.items()}

    # The Latin-1 names are shown with the bad byte escaped, in every format.
    for what in ["check text en", "check csv en", "check junit en", "check html en", "deadlines text", "deadlines csv"]:
        check("K\\xF8ge.xml" in texts[what], f"{what}: the Latin-1 name is not shown as K\\xF8ge.xml")
    check("R\\xF8dovre-bad.xml:2:20: child attribute 'birth-date'" in texts["check text en stderr"], "stderr: the bad Latin-1 file")
    check("sag\\x1B[31m\\x07.xml" in texts["check text en"], "text: a name's control characters are not escaped")
    check("sag\\x0Any linje.xml" in texts["check text en"], "text: a line feed in a name is not escaped")
    check("barn ######-####.xml" in texts["check text en"], "text: a CPR number in a name is not masked as ######-####")
    check("municipality Team\\x0ANord, \\x09Syd" in texts["check text en"], "text: a value's line feed and tab are not escaped")

    # JSON: the whole batch, every file once.
    doc = json.loads(texts["check json en"])
    sources = [c["source"] for c in doc["cases"]] + [e["source"] for e in doc["errors"]]
    check(len(sources) == n_files, f"JSON: {len(sources)} files reported, expected {n_files}")
    check(any(s.endswith("/K\\xF8ge.xml") for s in sources), "JSON: the Latin-1 name is not shown as K\\xF8ge.xml")
    check(any(e["source"].endswith("/R\\xF8dovre-bad.xml") for e in doc["errors"]), "JSON: the bad Latin-1 file is not among the errors")
    json.loads(texts["summary json"])

    # JUnit parses, with a suite per file.
    suites = ET.fromstring(texts["check junit en"]).findall("testsuite")
    check(len(suites) == n_files, f"JUnit: {len(suites)} suites, expected {n_files}")

    # CSV: text cells never start like a formula; a negative margin stays a number.
    rows = check_csv("check csv", texts["check csv en"], ["file", "case", "municipality", "unit", "event", "summary"])
    check(any(r["case"] == "'=1+2" and r["municipality"] == "'+45 1234" and r["unit"] == "'@SUM(A1)" and r["event"] == "'-u1"
              for r in rows), "CSV: the formula-like values are not marked with a leading apostrophe")
    check(any(r["municipality"] == "'\\x0D=cmd" for r in rows), "CSV: a value starting with CR is not neutralised")
    check(any(re.fullmatch(r"-\d+", r["margin"] or "") for r in rows), "CSV: no negative margin written as a plain number")
    errors = [r for r in rows if r["status"] == "error"]
    check(len(errors) == 1 and errors[0]["file"].endswith("R\\xF8dovre-bad.xml"), "CSV: the bad file's error row")
    check_csv("summary csv", texts["summary csv"], ["group"])
    dl = check_csv("deadlines csv", texts["deadlines csv"], ["file", "case", "unit", "event"])
    check(any(r["case"] == "'=1+2" and r["unit"] == "'@SUM(A1)" for r in dl), "deadlines CSV: formula-like values not marked")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print(f"names and values: {len(outputs)} outputs of {n_files} files, none raw, none with a CPR number, no formula")
