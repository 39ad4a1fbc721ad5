#!/usr/bin/env python3
"""A batch that gave up says so in every output: with --max-failures reached, the JSON report, the
summary (text, JSON, CSV), CSV, JUnit, HTML, the text report and deadlines (text, CSV, JSON, ics) carry the
number of files not checked and the fact that the batch is incomplete; exit code 2; the same
bytes on 1, 2 and 3 threads. A batch that did not give up says nothing of it. --max-failures and
--jobs refuse what is not a number in their range.

usage: incomplete_cli_test.py CLI SOURCE_DIR
"""
import csv
import io
import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

cli, src = sys.argv[1], Path(sys.argv[2])
examples, bad = str(src / "examples"), str(src / "tests/bad-inputs")
as_of = (src / "examples/expected/AS_OF").read_text().strip()
failures = []
total = len(list((src / "tests/bad-inputs").glob("*.xml"))) + len(list((src / "examples").glob("*.xml")))


def check(cond, what):
    if not cond:
        failures.append(what)


def run(*args):
    p = subprocess.run([cli, *args], capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode()


def batch(command, *extra, max_failures="3", jobs="1"):
    """The batch that gives up: the examples, then the bad-input corpus; its output must not depend on the threads."""
    args = [command, examples, bad, "--as-of", as_of, "--quiet", "--max-failures", max_failures, *extra]
    runs = [run(*args, "-j", j) for j in ("1", "2", "3")]
    check(all(r == runs[0] for r in runs), f"{' '.join(args)}: 1, 2 and 3 threads differ")
    rc, out, err = runs[0]
    check(rc == 2, f"{' '.join(args)}: exit {rc}, want 2")
    return out, err


def rows(data):
    table = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    check(all(len(r) == len(table[0]) for r in table), f"csv: rows of {sorted({len(r) for r in table})} fields")
    return table


# The full JSON report: how many were not checked, and that they and the files read add up.
out, err = batch("check", "--format", "json")
doc = json.loads(out)
summary = doc["summary"]
m = re.search(r"barnetslov check: gave up after 3 files could not be read \(--max-failures 3\); (\d+) files not checked\n", err)
check(m is not None, f"stderr lacks the give-up line: {err[-300:]!r}")
k = int(m.group(1)) if m else -1
checked = {c["source"] for c in doc["cases"]} | {e["source"] for e in doc["errors"]}
check(doc["format_version"] == 1, "json: format_version is not 1")
check(summary.get("incomplete") is True and summary.get("not_checked") == k, f"json: summary {summary}")
check(list(summary)[-2:] == ["incomplete", "not_checked"], f"json: summary keys {list(summary)}, the new ones last")
check(len(doc["cases"]) == len(list(Path(examples).glob("*.xml"))) and len(checked) + k == total and k > 0, f"json: {len(checked)} files read and {k} not checked, of {total}")
sentence = f"gave up after 3 files could not be read (--max-failures 3); {k} files not checked"

# Every other output of the same batch.
out, _ = batch("check")
# The INCOMPLETE line closes the findings, before the totals line and the exit-code sentence.
check(out.decode().splitlines()[-3] == f"INCOMPLETE: {sentence}", "text: no INCOMPLETE line before the totals")
check(out.decode().splitlines()[-1].startswith("exit code 2: "), "text: the exit-code sentence does not say 2")
out, _ = batch("check", "--lang", "da")
check(out.decode().splitlines()[-3] == f"UFULDSTÆNDIG: opgav, efter at 3 filer ikke kunne læses (--max-failures 3); {k} filer blev ikke kontrolleret",
      "text, Danish: no UFULDSTÆNDIG line before the totals")
out, _ = batch("check", "--summary")
check(out.decode().splitlines()[1] == f"INCOMPLETE: {sentence}", "summary text: no INCOMPLETE line after the count of cases")
out, _ = batch("check", "--summary", "--format", "json")
s = json.loads(out)
check(s.get("incomplete") is True and s.get("not_checked") == k and list(s)[list(s).index("cases") + 1] == "incomplete",
      f"summary json: {list(s)}")
table = rows(batch("check", "--summary", "--format", "csv")[0])
last = dict(zip(table[0], table[-1]))
check(last["rule"] == "incomplete" and last["cases"] == str(k) and not any(v for f, v in last.items() if f not in ("rule", "cases")),
      f"summary csv: last row {last}")
table = rows(batch("check", "--format", "csv")[0])
last = dict(zip(table[0], table[-1]))
check((last["status"], last["reason"], last["summary"]) == ("incomplete", "max_failures", sentence), f"csv: last row {last}")
out, _ = batch("check", "--format", "junit")
with tempfile.NamedTemporaryFile(suffix=".xml") as f:
    f.write(out)
    f.flush()
    v = subprocess.run(["xmllint", "--noout", "--schema", str(src / "tests/junit.xsd"), f.name], capture_output=True)
    check(v.returncode == 0, f"junit does not validate: {v.stderr.decode()}")
root = ET.fromstring(out)
errors = root.findall("./testsuite/testcase/error")
check(int(root.get("errors")) == len(errors), f"junit: errors={root.get('errors')} for {len(errors)} error elements")
check([e.get("message") for e in errors if e.get("type") == "incomplete"] == [sentence], "junit: no test case in error for the batch")
out, _ = batch("check", "--format", "html")
check(f'<p class="errors incomplete" data-not-checked="{k}"><strong>Incomplete:</strong> {sentence}.</p>'.encode() in out,
      "html: no incomplete paragraph")
out, _ = batch("deadlines")
check(out.decode().splitlines()[1] == f"INCOMPLETE: {sentence}", "deadlines: no INCOMPLETE line under the count")
table = rows(batch("deadlines", "--format", "csv")[0])
last = dict(zip(table[0], table[-1]))
check((last["list"], last["status"], last["title"], last["due"]) == ("incomplete", "incomplete", sentence, ""), f"deadlines csv: last row {last}")
d = json.loads(batch("deadlines", "--format", "json")[0])["summary"]
check(d.get("incomplete") is True and d.get("not_checked") == k and list(d)[-2:] == ["incomplete", "not_checked"],
      f"deadlines json: summary {d}")
out, _ = batch("deadlines", "--format", "ics")
check(f"\r\nX-BARNETSLOV-INCOMPLETE:{sentence.replace(';', chr(92) + ';')}\r\n" in out.decode().replace("\r\n ", ""),
      "deadlines ics: no X-BARNETSLOV-INCOMPLETE property")
_, err = batch("deadlines")
check(err.endswith(f"barnetslov deadlines: {sentence}\n"), "deadlines: no give-up line on stderr")

# One file short of the limit, or no limit: complete, and nothing says otherwise.
for extra in (["--format", "json"], ["--format", "csv"], ["--format", "junit"], ["--format", "html"], ["--summary"],
              ["--summary", "--format", "json"], ["--summary", "--format", "csv"], []):
    rc, out, err = run("check", bad, examples, "--as-of", as_of, "--quiet", "--max-failures", "0", *extra)
    check(rc == 2 and b"ncomplete" not in out and b"INCOMPLETE" not in out and "gave up" not in err,
          f"--max-failures 0 {' '.join(extra)}: exit {rc}, or says incomplete")
rc, out, _ = run("deadlines", bad, examples, "--as-of", as_of, "--quiet", "--max-failures", "0")
check(rc == 2 and b"INCOMPLETE" not in out, "deadlines --max-failures 0 says incomplete")

# A limit of 1 file: "1 file" in the sentence.
_, err = batch("check", max_failures="1")
check(re.search(r"gave up after 1 file could not be read \(--max-failures 1\); \d+ files not checked\n$", err) is not None,
      f"--max-failures 1: {err[-200:]!r}")

# What --max-failures and --jobs take. (A run of ten digits or more is echoed masked, as anything
# that could be a CPR number.)
def echoed(value):
    return "#" * len(value) if len(value) >= 10 and value.isdigit() else value


for value in ("-1", "-5", "x", "", "1.5", "+3", "99999999999999999999999"):
    rc, out, err = run("check", examples, "--as-of", as_of, "--max-failures", value)
    check(rc == 2 and out == b"" and f"--max-failures must be a whole number, 0 (never give up) or more, not '{echoed(value)}'" in err,
          f"--max-failures {value!r}: exit {rc}, {err!r}")
for value in ("0", "-1", "1025", "4294967297", "x", "", "2.5"):
    for command in ("check", "deadlines"):
        rc, out, err = run(command, examples, "--as-of", as_of, "--jobs", value)
        check(rc == 2 and out == b"" and f"--jobs must be a whole number from 1 to 1024, not '{echoed(value)}'" in err,
              f"{command} --jobs {value!r}: exit {rc}, {err!r}")
for value in ("1", "1024"):
    rc, _, err = run("check", examples, "--as-of", as_of, "--quiet", "--jobs", value)
    check(rc == 1, f"--jobs {value}: exit {rc}, {err!r}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"incomplete: a batch that gave up ({k} of {total} files not checked) says so in 11 outputs, on 1, 2 and 3 threads alike; "
      "--max-failures and --jobs refuse values out of range")
