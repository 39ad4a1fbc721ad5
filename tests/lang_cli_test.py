#!/usr/bin/env python3
"""What `check` says to people, in Danish and English, and its CSV for a spreadsheet:

- the Danish text report of every example holds none of the English words that used to leak
  (status words, header, labels), and still shows rule ids, sections, dates and line numbers;
- the text report ends with a totals line and a sentence stating the exit code and why, and
  that sentence states the code the program exits with (0, 1 and 2);
- `--csv-dialect excel` (findings and --summary): a UTF-8 byte-order mark, ';' between cells,
  a decimal comma, CRLF, every row as many cells as the header, the same cells as rfc4180;
  rfc4180 stays the default.

usage: lang_cli_test.py CLI SOURCE_DIR
"""
import csv
import html
import io
import re
import subprocess
import sys
import tempfile
from pathlib import Path

cli, src = sys.argv[1], Path(sys.argv[2])
as_of = (src / "examples/expected/AS_OF").read_text().strip()
examples = sorted((src / "examples").glob("*.xml"))
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(*args):
    p = subprocess.run([cli, *map(str, args)], capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


# ---- Danish: no English word left ----
# Each of these was printed by `check --lang da` before it was fully Danish (or is the English of a
# label, a status or a sentence the text report prints).
ENGLISH = [
    "as of", "Copenhagen", "cases checked", "MET", "LATE", "MISSED", "VIOLATED", "PENDING", "NOT_APPLICABLE",
    "NOT APPLICABLE", "INDETERMINATE", "trigger", "fulfilment", "related", "exception", "due", "result", "basis",
    "line", "case", "no findings", "totals", "exit code", "findings", "inputs", "not read", "days", "hours",
    "to spare", "late by", "overdue by", "left", "the", "before", "after", "deadline", "Notification of concern",
]
english = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ENGLISH)) + r")(?![\w-])")
for path in examples:
    rc, out, err = run("check", path, "--lang", "da", "--as-of", as_of)
    text = out.decode("utf-8")
    check(rc in (0, 1), f"{path.name}: check --lang da exited {rc}: {err}")
    # What is the file's or the command line's, not the report's words: the file name, values in
    # quotes (attribute names and values, ids) and the readings NAME=VALUE as --reading takes them.
    words = text.replace(str(path), "")
    words = re.sub(r"'[^']*'|\"[^\"]*\"", "", words)
    words = re.sub(r"[\w-]+=[\w\"-]*", "", words)
    for m in english.finditer(words):
        line = words[: m.start()].count("\n")
        check(False, f"{path.name}: --lang da prints the English {m.group(0)!r}: {words.splitlines()[line].strip()}")
    # Still a report: rule ids, sections, dates, line numbers, the totals and the exit code.
    for what, pattern in [("a rule id", r"BL-[A-Z0-9-]+"), ("a section", r"barnets lov §|serviceloven §|forvaltningsloven §"),
                          ("a date", r"\d{4}-\d{2}-\d{2}"), ("a line number", r"linje \d+"), ("the header", r"sager vurderet pr\. "),
                          ("the totals", r"\ni alt: 1 sag vurderet, \d+ fund \(\d+ overholdt, "),
                          ("the exit code", rf"\nafslutningskode {rc}: ")]:
        check(re.search(pattern, text), f"{path.name}: --lang da shows no {what}")

# The HTML report's words in Danish: the status words of the text report, no English label.
rc, out, err = run("check", src / "examples", "--lang", "da", "--as-of", as_of, "--format", "html")
# Its words: the text between tags, and the titles; not the classes and data attributes (English keys).
page = html.unescape(re.sub(r"<[^>]*>", "\n", re.sub(r"<style>.*?</style>", "", out.decode("utf-8"), flags=re.S)))
page += " ".join(re.findall(r'aria-label="([^"]*)"', out.decode("utf-8")))
for word in ["overholdt", "for sent", "overskredet", "tilsidesat", "verserende", "ikke relevant", "kan ikke afgøres",
             "udløst af", "vurdering inden for 24 timer 'a1' linje 9"]:
    check(word in page, f"html --lang da lacks {word!r}")
for word in ["\nmet\n", "not applicable", "indeterminate", "Timeline", "Share on time", "\nRule\n", "trigger ", " line "]:
    check(word not in page, f"html --lang da shows the English {word!r}")

# ---- the totals line and the exit-code sentence, in both languages ----
def closing(args, want_rc, lang):
    rc, out, err = run("check", *args, "--as-of", as_of, "--lang", lang)
    lines = out.decode("utf-8").rstrip("\n").split("\n")
    check(rc == want_rc, f"check {args} --lang {lang}: exit {rc}, want {want_rc}: {err}")
    sentence = "exit code" if lang == "en" else "afslutningskode"
    check(lines[-1].startswith(f"{sentence} {rc}: "), f"check {args} --lang {lang}: last line {lines[-1]!r}")
    check(lines[-2].startswith("totals: " if lang == "en" else "i alt: "), f"check {args} --lang {lang}: totals line {lines[-2]!r}")
    return lines[-2], lines[-1]

for lang in ["en", "da"]:
    totals, why = closing([src / "examples"], 1, lang)
    n_cases = len(examples)
    check(totals.startswith(f"totals: {n_cases} cases checked, " if lang == "en" else f"i alt: {n_cases} sager vurderet, "), totals)
    totals, why = closing([src / "examples/19-clean-section-32-trajectory.xml"], 0, lang)
    check(why == ("exit code 0: no finding is late, missed, violated or indeterminate" if lang == "en"
                  else "afslutningskode 0: intet fund har status for sent, overskredet, tilsidesat eller kan ikke afgøres"), why)

# The counts in the totals line are the findings the JSON report holds, by status.
rc, out, _ = run("check", src / "examples", "--as-of", as_of, "--format", "json")
import json  # noqa: E402
full = json.loads(out)
counts = {}
for c in full["cases"]:
    for f in c["findings"]:
        counts[f["status"]] = counts.get(f["status"], 0) + 1
totals, why = closing([src / "examples"], 1, "en")
for status in ["met", "late", "missed", "violated", "pending", "not applicable", "indeterminate"]:
    check(f"{counts.get(status.replace(' ', '_'), 0)} {status}" in totals, f"totals: {status} count: {totals}")
problems = sum(counts.get(s, 0) for s in ["late", "missed", "violated", "indeterminate"])
check(why == f"exit code 1: {problems} findings are late, missed, violated or indeterminate", why)

with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    (tmp / "broken.xml").write_text("<case", encoding="utf-8")
    (tmp / "good.xml").write_bytes((src / "examples/19-clean-section-32-trajectory.xml").read_bytes())
    totals, why = closing([tmp], 2, "en")
    check(totals.endswith(", 1 input not read"), totals)
    check(why.startswith("exit code 2: 1 input could not be read"), why)
    totals, why = closing([tmp], 2, "da")
    check(totals.endswith(", 1 input ikke læst"), totals)

    # ---- CSV dialects ----
    # A unit with the excel separator and one with the rfc4180 separator: each quoted where it must be.
    case = (src / "examples/03-late-24-hour-assessment.xml").read_text(encoding="utf-8")
    (tmp / "semi.xml").write_text(re.sub(r'unit="[^"]*"', 'unit="Børn; Unge"', case, count=1), encoding="utf-8")
    (tmp / "comma.xml").write_text(re.sub(r'unit="[^"]*"', 'unit="Børn, Unge"', case, count=1), encoding="utf-8")
    for summary in [[], ["--summary"], ["--summary", "--group-by", "unit"]]:
        for inputs in [[src / "examples"], [tmp]]:
            what = f"csv {' '.join(summary)} {inputs[0].name}"
            rc0, default, _ = run("check", *inputs, "--as-of", as_of, "--format", "csv", *summary)
            rc1, rfc, _ = run("check", *inputs, "--as-of", as_of, "--format", "csv", "--csv-dialect", "rfc4180", *summary)
            rc2, excel, _ = run("check", *inputs, "--as-of", as_of, "--format", "csv", "--csv-dialect", "excel", *summary)
            check(default == rfc and rc0 == rc1 == rc2, f"{what}: rfc4180 is not the default")
            check(not rfc.startswith(b"\xef\xbb\xbf"), f"{what}: rfc4180 has a byte-order mark")
            check(excel.startswith(b"\xef\xbb\xbf"), f"{what}: excel lacks the UTF-8 byte-order mark")
            for name, data in [("rfc4180", rfc), ("excel", excel)]:
                check(data.endswith(b"\r\n") and data.count(b"\n") == data.count(b"\r\n"), f"{what}: {name} rows do not end in CRLF")
            rfc_rows = list(csv.reader(io.StringIO(rfc.decode("utf-8"), newline="")))
            excel_rows = list(csv.reader(io.StringIO(excel.decode("utf-8-sig"), newline=""), delimiter=";"))
            check(len(excel_rows) > 1 and all(len(r) == len(excel_rows[0]) for r in excel_rows),
                  f"{what}: excel rows do not all have the header's {len(excel_rows[0])} cells")
            check(all(len(r) == len(rfc_rows[0]) for r in rfc_rows), f"{what}: rfc4180 rows differ in length")
            # The same cells, but for the decimal comma of a number with a fraction.
            header = excel_rows[0]
            check(rfc_rows[0] == header, f"{what}: the headers differ")
            for row_r, row_e in zip(rfc_rows[1:], excel_rows[1:]):
                for col, a, b in zip(header, row_r, row_e):
                    if (col.startswith("share_on_time") or col == "share") and a:  # "share": the indicators' rows
                        check(re.fullmatch(r"\d,\d{4}", b) and b.replace(",", ".") == a, f"{what}: {col} {b!r} for {a!r}")
                    else:
                        check(a == b, f"{what}: {col}: rfc4180 {a!r}, excel {b!r}")
            check(len(rfc_rows) == len(excel_rows), f"{what}: {len(rfc_rows)} rows in rfc4180, {len(excel_rows)} in excel")
            if inputs[0] == tmp and not summary:
                check(b'"B\xc3\xb8rn; Unge"' in excel and b";B\xc3\xb8rn, Unge;" in excel, f"{what}: excel quoting of ';' and ','")
                check(b',B\xc3\xb8rn; Unge,' in rfc and b'"B\xc3\xb8rn, Unge"' in rfc, f"{what}: rfc4180 quoting of ';' and ','")

for args, message in [(["--format", "csv", "--csv-dialect", "xlsx"], "--csv-dialect must be rfc4180 or excel, not 'xlsx'"),
                      (["--csv-dialect", "excel"], "--csv-dialect is for --format csv, not 'text'")]:
    rc, _, err = run("check", src / "examples", "--as-of", as_of, *args)
    check(rc == 2 and message in err, f"check {args}: exit {rc}, {err!r}")

if failures:
    print("\n".join(failures[:50]))
    sys.exit(1)
print(f"lang: {len(examples)} Danish reports without English words; totals and exit-code sentences; csv dialects")
