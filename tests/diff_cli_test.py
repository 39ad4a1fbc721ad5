#!/usr/bin/env python3
"""barnetslov diff OLD NEW: problems new, resolved and unchanged between two reports.

Real reports made by the CLI from examples/ at several as-of dates: as the as-of moves forward,
problems appear (exit 1) and a status changes (missed -> late, shown as unchanged with both);
backwards, they resolve (exit 0). Each diff is compared with what this test computes itself from
the two JSON documents (a problem's key: case id, which case of that id, rule, subject event,
attribute, rank; two examples share a case id). The same
reports as JSON Lines (a case object a line, records skipped, as `check --format jsonl` writes them)
give the same diff, alone and mixed with JSON. Hand-made: a case fixed (late -> met), a case gone
from NEW, a case without an id (keyed by its file), a report diffed with itself, and inputs that
are not reports: exit 2 naming the file, line and column.

usage: diff_cli_test.py CLI SOURCE_DIR
"""
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

cli, src = sys.argv[1], Path(sys.argv[2])
failures = []
PROBLEMS = {"late", "missed", "violated", "indeterminate"}


def check(cond, what):
    if not cond:
        failures.append(what)


def run(*args, stdin=None):
    p = subprocess.run([cli, *map(str, args)], capture_output=True, input=stdin)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def keyed(doc):
    """Every finding of a report by its key, with its case's source: case (id, or file), which case
    of the report with that id, rule, subject, attribute, rank among equal keys."""
    out, repeats = {}, Counter()
    for c in doc["cases"]:
        case = c.get("case_id") or "file:" + c["source"]
        ranks = Counter()
        for f in c["findings"]:
            base = (case, repeats[case], f["rule"], f["events"][0]["id"] if f["events"] else "", f.get("attribute") or "")
            out[base + (ranks[base],)] = (f["status"], c)
            ranks[base] += 1
        repeats[case] += 1
    return out


def entry(k, case, old, new):
    return (case.get("case_id"), case["source"], k[2], k[3] or None, k[4] or None, old, new)


def expected(old, new):
    """new, resolved, unchanged: multisets of (case_id, source, rule, subject, attribute, old, new)."""
    o, n = keyed(old), keyed(new)
    st = lambda d, k: d[k][0] if k in d else None
    added = Counter(entry(k, c, None, s) for k, (s, c) in n.items() if s in PROBLEMS and st(o, k) not in PROBLEMS)
    resolved = Counter(entry(k, n[k][1] if k in n else c, s, st(n, k)) for k, (s, c) in o.items() if s in PROBLEMS and st(n, k) not in PROBLEMS)
    unchanged = Counter(entry(k, n[k][1], s, n[k][0]) for k, (s, c) in o.items() if s in PROBLEMS and st(n, k) in PROBLEMS)
    return added, resolved, unchanged


def got(doc):
    e = lambda x: (x["case_id"], x["source"], x["rule"], x["subject"], x["attribute"], x["old_status"], x["new_status"])
    return tuple(Counter(e(x) for x in doc[k]) for k in ("new_problems", "resolved", "unchanged"))


def to_jsonl(doc, path):
    lines = [json.dumps(c, ensure_ascii=False) for c in doc["cases"]]
    lines.insert(1, json.dumps({"record": "something-new", "x": 1}))  # a record a reader does not know
    lines += [json.dumps({"record": "error", "source": "bad.xml", "line": 1, "column": 1, "message": "x"}),
              json.dumps({"record": "summary", "summary": doc["summary"]})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    dates = ["2023-06-01", "2024-01-15", "2024-03-01", "2024-09-01", "2025-01-15T12:00"]
    docs = {}
    for d in dates:
        p = tmp / f"{d}.json"
        code, _, err = run("check", src / "examples", "--as-of", d, "--format", "json", "-q", "-o", p)
        check(code in (0, 1), f"check --as-of {d}: exit {code}, {err!r}")
        docs[d] = json.loads(p.read_text(encoding="utf-8"))
        to_jsonl(docs[d], tmp / f"{d}.jsonl")

    saw_change = saw_resolved = 0
    for a, b in zip(dates, dates[1:]):
        for old, new in ((a, b), (b, a)):
            want = expected(docs[old], docs[new])
            code, out, err = run("diff", tmp / f"{old}.json", tmp / f"{new}.json", "--format", "json")
            check(code == (1 if want[0] else 0), f"diff {old} {new}: exit {code}, want {1 if want[0] else 0}, {err!r}")
            doc = json.loads(out)
            sizes = [sum(w.values()) for w in want]
            check(doc["format"] == "barnetslov-diff" and doc["summary"] == {"new": sizes[0], "resolved": sizes[1], "unchanged": sizes[2]},
                  f"diff {old} {new}: summary {doc['summary']}, want {sizes}")
            check(got(doc) == want, f"diff {old} {new}: lists differ from the expected")
            saw_change += sum(1 for e in want[2] if e[5] != e[6])
            saw_resolved += sum(want[1].values())
            # JSON Lines, both and mixed, give the same diff (but for the files' names and the error counts).
            for o_ext, n_ext in (("jsonl", "jsonl"), ("json", "jsonl"), ("jsonl", "json")):
                c2, out2, err2 = run("diff", tmp / f"{old}.{o_ext}", tmp / f"{new}.{n_ext}", "--format", "json")
                d2 = json.loads(out2) if c2 in (0, 1) else None
                check(c2 == code and d2 is not None and {k: d2[k] for k in ("summary", "new_problems", "resolved", "unchanged")} ==
                      {k: doc[k] for k in ("summary", "new_problems", "resolved", "unchanged")}, f"diff {old}.{o_ext} {new}.{n_ext}: {c2}, {err2!r}")
                if d2 and n_ext == "jsonl":
                    check(d2["new"]["errors"] == 1 and d2["new"]["as_of"] == docs[new]["as_of"], "a JSON Lines report's error record or as_of not read")
            # The text names every new problem's rule and case.
            code3, text, _ = run("diff", tmp / f"{old}.json", tmp / f"{new}.json")
            check(code3 == code and f"{sizes[0]} new, {sizes[1]} resolved, {sizes[2]} unchanged problems" in text, f"text diff {old} {new}")
    check(saw_change > 0, "no status change between problem statuses in the examples' runs")
    check(saw_resolved > 0, "nothing resolved in the examples' runs")
    code, text, _ = run("diff", tmp / "2024-01-15.json", tmp / "2024-03-01.json")
    check(re.search(r"BL-UNDS-4M\s+missed -> late", text) is not None, "a status change missed -> late is not shown with both statuses")
    code, text, _ = run("diff", tmp / "2024-03-01.json", tmp / "2023-06-01.json")
    check(code == 0 and "-> not in NEW" in text, "problems of events after the older as-of are not said to be absent from NEW")

    # A report with itself: everything unchanged.
    code, out, _ = run("diff", tmp / "2024-09-01.json", tmp / "2024-09-01.jsonl", "--format", "json")
    d = json.loads(out)
    check(code == 0 and d["summary"]["new"] == 0 and d["summary"]["resolved"] == 0 and d["summary"]["unchanged"] > 0, "a report with itself")

    # A case fixed: the 24-hour assessment made in time, late -> met; another case gone from NEW.
    fixed = tmp / "fixed"
    fixed.mkdir()
    for name in ("03-late-24-hour-assessment.xml", "07-decision-without-child-views.xml"):
        (fixed / name).write_bytes((src / "examples" / name).read_bytes())
    as_of = (src / "examples/expected/AS_OF").read_text().strip()
    run("check", fixed, "--as-of", as_of, "--format", "json", "-q", "-o", tmp / "before.json")
    x = fixed / "03-late-24-hour-assessment.xml"
    x.write_text(x.read_text(encoding="utf-8").replace('at="2024-10-11T16:00"', 'at="2024-10-11T12:00"'), encoding="utf-8")
    (fixed / "07-decision-without-child-views.xml").unlink()
    run("check", fixed, "--as-of", as_of, "--format", "json", "-q", "-o", tmp / "after.json")
    code, out, err = run("diff", tmp / "before.json", tmp / "after.json", "--format", "json")
    d = json.loads(out)
    res = {(e["case_id"], e["rule"]): (e["old_status"], e["new_status"]) for e in d["resolved"]}
    check(code == 0 and res.get(("2024-0502", "BL-UND-24H")) == ("late", "met"), f"the fixed case: {res}")
    check(any(cid == "2024-0415" and n is None for (cid, _), (o, n) in res.items()), "the case gone from NEW is not resolved as absent")

    # A case without an id is keyed by its file.
    no_id = json.loads((tmp / "before.json").read_text(encoding="utf-8"))
    for c in no_id["cases"]:
        c["case_id"] = None
    (tmp / "noid.json").write_text(json.dumps(no_id), encoding="utf-8")  # one line: a JSON report still
    code, out, _ = run("diff", tmp / "noid.json", tmp / "noid.json", "--format", "json")
    d = json.loads(out)
    check(code == 0 and d["summary"]["unchanged"] > 0 and d["summary"]["new"] == 0 and all(e["case_id"] is None for e in d["unchanged"]), "cases without ids")
    code, out, _ = run("diff", tmp / "noid.json", tmp / "before.json", "--format", "json")
    check(code == 1 and json.loads(out)["summary"]["resolved"] > 0, "a case id given in NEW only: not the same problem")

    # Inputs that are not reports: exit 2, the file, line and column.
    good = tmp / "2024-09-01.json"
    bad_doc = tmp / "bad.json"
    bad_doc.write_text('{\n  "format": "barnetslov-report",\n  "cases": [\n    {"findings": [}\n  ]\n}\n')
    code, _, err = run("diff", bad_doc, good)
    check(code == 2 and re.search(r"bad\.json:4:19: ", err) is not None, f"a syntax error in a JSON report: {err!r}")
    bad_lines = tmp / "bad.jsonl"
    bad_lines.write_text('{"findings": []}\n{"record": "x"}\n{"findings": [1,]}\n')
    code, _, err = run("diff", good, bad_lines)
    check(code == 2 and re.search(r"bad\.jsonl:3:1[0-9]: ", err) is not None, f"a syntax error on line 3 of JSON Lines: {err!r}")
    cases = [("notreport.json", '{"format": "something-else", "cases": []}', "not a report of barnetslov check"),
             ("norule.json", '{"format": "barnetslov-report", "cases": [{"findings": [{"status": "late"}]}]}', 'without "rule"'),
             ("nofindings.jsonl", '{"findings": []}\n{"case_id": "x"}\n', ':2:1: a line with neither'),
             ("empty.json", "", "empty"),
             ("array.jsonl", '{"findings": []}\n[1]\n', ":2:1: a line of a JSON Lines report is not an object")]
    for name, text, says in cases:
        (tmp / name).write_text(text)
        code, _, err = run("diff", good, tmp / name)
        check(code == 2 and name in err and says in err, f"{name}: exit {code}, {err!r}")
    code, _, err = run("diff", good, tmp / "missing.json")
    check(code == 2 and "missing.json" in err and "cannot open" in err, f"a missing file: {err!r}")
    code, _, err = run("diff", good)
    check(code == 2 and "give two reports" in err, f"one report: {err!r}")
    code, _, err = run("diff", good, good, "--format", "csv")
    check(code == 2 and "text or json" in err, f"--format csv: {err!r}")

for f in failures:
    print("FAIL:", f)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
