#!/usr/bin/env python3
"""The outputs that stream (issue 17): `check --format jsonl` read back line by line against the
JSON report of the same run; the JSON report equal, once parsed, to the expected one; HTML
`--cases none|problems|all` and `--index` showing what they say, with their defaults above 300 and
500 cases; unknown values refused with exit 2 and the valid values named.

usage: stream_cli_test.py CLI SOURCE_DIR
"""
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

cli, src = sys.argv[1], Path(sys.argv[2])
examples = src / "examples"
as_of = (examples / "expected/AS_OF").read_text().strip()
PROBLEMS = {"late", "missed", "violated", "indeterminate"}
failures = []


def run(*args, ok=(0, 1)):
    # From the source folder, so that the examples' names are those of examples/expected.
    p = subprocess.run([cli, *map(str, args)], capture_output=True, cwd=src)
    if p.returncode not in ok:
        sys.exit(f"{' '.join(map(str, args))}: exit {p.returncode}: {p.stderr.decode()}")
    return p


def check(cond, what):
    if not cond:
        failures.append(what)


with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    # A batch with an unreadable file in the middle: its error is a line of its own.
    batch = tmp / "batch"
    batch.mkdir()
    for f in sorted(examples.glob("*.xml"))[:6]:
        shutil.copy(f, batch / f.name)
    (batch / "03a-broken.xml").write_text("<case", encoding="utf-8")
    base = ["check", batch, "--as-of", as_of, "--quiet"]
    doc = json.loads(run(*base, "--format", "json", ok=(2,)).stdout)
    check(list(doc) == ["format", "format_version", "library_version", "as_of", "readings", "cases", "errors", "summary"],
          f"json: keys {list(doc)}")
    check(doc["format_version"] == 1, "json: format_version is not 1")
    lines = run(*base, "--format", "jsonl", ok=(2,)).stdout.decode("utf-8").split("\n")
    check(lines[-1] == "", "jsonl: does not end in a newline")
    records = [json.loads(line) for line in lines[:-1]]  # each line alone is a JSON document
    cases = [r for r in records if "findings" in r]
    check(cases == doc["cases"], "jsonl: the case lines are not the JSON report's cases")
    check(all("record" not in c for c in cases), "jsonl: a case line has a record key")
    errors = [{k: v for k, v in r.items() if k != "record"} for r in records if r.get("record") == "error"]
    check(errors == doc["errors"] and len(errors) == 1, f"jsonl: error lines {errors}, the report's {doc['errors']}")
    kinds = ["case" if "findings" in r else r["record"] for r in records]
    check(kinds == ["case"] * 3 + ["error"] + ["case"] * 3 + ["summary"], f"jsonl: lines in the order {kinds}, not file order")
    summary = records[-1]
    check(summary["summary"] == doc["summary"], "jsonl: summary line differs from the report's summary")
    for key in ("format", "format_version", "library_version", "as_of", "readings"):
        check(summary.get(key) == doc[key], f"jsonl: summary line's {key}")
    check(all("\n" not in line for line in lines), "jsonl: a line holds a newline")
    # The same bytes on any number of threads.
    for fmt in ("json", "jsonl"):
        check(run(*base, "--format", fmt, "-j", "1", ok=(2,)).stdout == run(*base, "--format", fmt, "-j", "2", ok=(2,)).stdout,
              f"{fmt}: 1 and 2 threads differ")
    # A batch that gives up says so in its summary line.
    gave_up = [json.loads(l) for l in run(*base, "--format", "jsonl", "--max-failures", "1", "-j", "1", ok=(2,)).stdout.splitlines()]
    check(gave_up[-1]["record"] == "summary" and gave_up[-1]["summary"].get("incomplete") is True
          and gave_up[-1]["summary"].get("not_checked") == 3, f"jsonl --max-failures 1: summary {gave_up[-1]}")

    # The examples' JSON report, parsed, is the expected one (examples_test compares the bytes).
    full = json.loads(run("check", "examples", "--as-of", as_of, "--format", "json").stdout)
    check(full == json.loads((examples / "expected/report.json").read_text(encoding="utf-8")), "json: not the expected report")
    problem_ids = [c["case_id"] for c in full["cases"] if any(f["status"] in PROBLEMS for f in c["findings"])]
    problem_rules = {f["rule"] for c in full["cases"] for f in c["findings"] if f["status"] in PROBLEMS}
    all_ids = [c["case_id"] for c in full["cases"]]
    check(0 < len(problem_ids) < len(all_ids), "the examples should hold cases with and without problems")

    def html(*extra, folder="examples"):
        return run("check", folder, "--as-of", as_of, "--format", "html", *extra).stdout.decode("utf-8")

    def sections(page):
        return re.findall(r'<section class="case" data-case="([^"]*)" id="(case-\d+)">', page)

    def index_rules(page):
        return set(re.findall(r'<section class="index-rule" id="problems-([^"]*)"', page))

    for value, want in (("all", all_ids), ("problems", problem_ids), ("none", [])):
        page = html("--cases", value, "--index", "on")
        got = [c for c, _ in sections(page)]
        check(got == want, f"--cases {value}: sections {got}, want {want}")
        check(f'data-cases="{value}"' in page, f"--cases {value}: the page does not say which cases it shows")
        check(index_rules(page) == problem_rules, f"--cases {value}: index of rules {index_rules(page)}, want {problem_rules}")
        ids = {i for _, i in sections(page)}
        links = set(re.findall(r'<a href="#(case-\d+)">', page))
        check(links <= ids, f"--cases {value}: index links to {links - ids}, no such section")
        check(bool(links) == (value != "none"), f"--cases {value}: index links {len(links)}")
        check("<script" not in page, f"--cases {value}: a script")
    # Defaults: the examples (fewer than 300 cases), all shown, no index.
    page = html()
    check([c for c, _ in sections(page)] == all_ids and not index_rules(page), "default on the examples: not all cases, or an index")
    check(not index_rules(html("--index", "off", "--cases", "problems")), "--index off: an index")
    # Above 300 cases only the problems, above 500 the index too: copies of the examples.
    # The copies are counted from the number of examples, so that the thresholds are crossed whatever it is.
    per = len(all_ids)
    for copies, want_cases, want_index in ((300 // per, "all", False), (300 // per + 1, "problems", False), (500 // per + 1, "problems", True)):
        big = tmp / f"big-{copies}"
        for i in range(copies):
            shutil.copytree(examples, big / f"copy-{i:02d}", ignore=shutil.ignore_patterns("expected", "json", "*.md"))
        page = html(folder=big)
        n = len(sections(page))
        check(f'data-cases="{want_cases}"' in page, f"{copies} copies: not --cases {want_cases} by default")
        check(n == (len(all_ids) if want_cases == "all" else len(problem_ids)) * copies, f"{copies} copies: {n} sections")
        check(bool(index_rules(page)) == want_index, f"{copies} copies: index {bool(index_rules(page))}, want {want_index}")
        shutil.rmtree(big)
    # An index larger than the 1 MiB the report keeps in memory goes through the CLI's temporary
    # files and comes back in order: every rule's part lists exactly its problem cases, and nothing of
    # a case section is mixed into it (the sections still buffered are written before the index).
    big = tmp / "big-index"
    for i in range(130):
        shutil.copytree(examples, big / f"copy-{i:03d}", ignore=shutil.ignore_patterns("expected", "json", "*.md"))
    page = html("--cases", "all", "--index", "on", folder=big)
    start = page.index('<div class="index"')
    check('<section class="case"' not in page[start:], "a case section after the start of the index")
    parts = re.findall(r'<section class="index-rule" id="problems-([^"]*)"[^>]*>\n<h3>.*?\((\d+) [^)]*\)</span></h3>\n(.*?)</section>', page[start:], re.S)
    check(len(parts) == len(problem_rules), f"{len(parts)} index parts, want {len(problem_rules)}")
    rows = 0
    for rule, count, body in parts:
        rows += body.count("<br>")
        check(body.count("<br>") == int(count) and body.count('<a href="#case-') == int(count),
              f"index part {rule}: {body.count('<br>')} rows, says {count} cases")
    check(rows * 120 > (1 << 20), f"the index ({rows} rows) should be larger than what the report keeps in memory")
    shutil.rmtree(big)

# Unknown values: exit 2, the valid ones named.
for args, names in ((["--format", "html", "--cases", "some"], ["problems", "all", "none"]),
                    (["--format", "html", "--index", "yes"], ["on", "off", "auto"]), (["--format", "ndjson"], ["jsonl"])):
    p = subprocess.run([cli, "check", str(examples), *args], capture_output=True)
    err = p.stderr.decode()
    check(p.returncode == 2 and all(n in err for n in names), f"{args}: exit {p.returncode}, {err!r}")
p = subprocess.run([cli, "check", str(examples), "--format", "json", "--cases", "all"], capture_output=True)
check(p.returncode == 2 and "--format html" in p.stderr.decode(), f"--cases with json: exit {p.returncode}")
p = subprocess.run([cli, "check", str(examples), "--format", "jsonl", "--summary"], capture_output=True)
check(p.returncode == 2, f"--summary with jsonl: exit {p.returncode}")

if failures:
    print("FAIL:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("stream_cli_test: passed")
