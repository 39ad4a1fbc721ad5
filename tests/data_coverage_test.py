#!/usr/bin/env python3
"""Data coverage (issue 17): an export that leaves whole event types out must read "no data in this
export" for the rules judged on them, in text, JSON, CSV and HTML, never 0 % on time; and the
figures of every other rule must not move.

A generated batch (tools/generate-corpus.py) is checked twice: as generated, and with every
<kontakt>, <partshoering>, <genvurdering>, <oversendelse> and <aktindsigt-svar> element removed
(and their ids taken out of other events' `ref`), as an export that does not carry them would be.
Which rules "need" the removed types is read from the rules' own metadata (`barnetslov rules
--format json`, "evidence"), not written here.

Also checked on the full batch: the 95 % interval is the Wilson interval of met / judged, small
samples are marked, --group-by quarter,municipality gives the keys it says, and a case's
"evidence_present" in the JSON report agrees with its events.

usage: data_coverage_test.py CLI SOURCE_DIR
"""
import csv
import io
import json
import math
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

cli, src = sys.argv[1], Path(sys.argv[2])
LEFT_OUT = {"kontakt", "partshoering", "genvurdering", "oversendelse", "aktindsigt-svar"}
AS_OF = "2026-07-01"
NS = "urn:barnetslov:case:1"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(*args):
    p = subprocess.run([cli, *args], capture_output=True)
    if p.returncode not in (0, 1):
        sys.exit(f"{' '.join(map(str, args))}: exit {p.returncode}: {p.stderr.decode()}")
    return p.stdout.decode("utf-8")


def leave_out(src_dir: Path, out_dir: Path):
    """Copies every case file, without the LEFT_OUT elements and without refs to them."""
    ET.register_namespace("", NS)
    out_dir.mkdir()
    removed = 0
    for f in sorted(src_dir.glob("*.xml")):
        tree = ET.parse(f)
        root = tree.getroot()
        gone = set()
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag.split("}")[-1] in LEFT_OUT:
                    if child.get("id"):
                        gone.add(child.get("id"))
                    parent.remove(child)
                    removed += 1
        for e in root.iter():
            if e.get("ref") is not None:
                refs = [r for r in e.get("ref").split() if r not in gone]
                if refs:
                    e.set("ref", " ".join(refs))
                else:
                    del e.attrib["ref"]
        tree.write(out_dir / f.name, encoding="utf-8", xml_declaration=True)
    return removed


def wilson(met, n):
    z = 1.959963984540054
    p = met / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


with tempfile.TemporaryDirectory() as tmp:
    tmp = Path(tmp)
    full, cut = tmp / "full", tmp / "cut"
    subprocess.run([sys.executable, str(src / "tools/generate-corpus.py"), "--cases", "400", "--seed", "23", "--out", str(full)],
                   check=True, capture_output=True)
    (full / "manifest.json").unlink(missing_ok=True)
    removed = leave_out(full, cut)
    check(removed > 100, f"the generator's batch should carry the left-out types; removed only {removed} elements")

    rules = json.loads(run("rules", "--format", "json"))
    rules = rules["rules"] if isinstance(rules, dict) else rules
    evidence = {r["id"]: {e["type"] for e in r.get("evidence", [])} for r in rules if r.get("evidence")}
    check(len(evidence) >= 60, f"only {len(evidence)} rules state their evidence in `rules --format json`")
    needs = {rid for rid, types in evidence.items() if types and types <= LEFT_OUT}
    touches = {rid for rid, types in evidence.items() if types & LEFT_OUT}

    def summary(folder, fmt, *extra):
        return run("check", str(folder), "--summary", "--format", fmt, "--as-of", AS_OF, "-q", *extra)

    s_full, s_cut = json.loads(summary(full, "json")), json.loads(summary(cut, "json"))
    cov_full = {c["rule"]: c for c in s_full["coverage"]}
    cov_cut = {c["rule"]: c for c in s_cut["coverage"]}
    judged_needs = {r for r in needs if r in cov_cut}
    check(len(judged_needs) >= 3, f"expected several rules that need only left-out types among the findings, got {sorted(judged_needs)}")

    # JSON: "no data", the shares null (not 0), in the coverage list and in every group.
    for r in judged_needs:
        check(cov_full[r]["data"] != "none", f"{r}: the full batch carries its evidence, yet data is {cov_full[r]['data']}")
        check(cov_cut[r]["data"] == "none", f"{r}: its evidence was left out, yet data is {cov_cut[r]['data']}")
        check(cov_cut[r]["files_with_evidence"] == 0, f"{r}: files_with_evidence {cov_cut[r]['files_with_evidence']}")
    for g in s_cut["groups"]:
        if g["rule"] in judged_needs:
            check(g["data"] == "none" and g["share_on_time"] is None and g["share_on_time_interval"] is None,
                  f"JSON {g['rule']}: no data must give a null share, got {g['share_on_time']} ({g['data']})")
    # The other rules' figures do not move.
    by_rule = lambda s: {g["rule"]: g for g in s["groups"]}
    gf, gc = by_rule(s_full), by_rule(s_cut)
    others = [r for r in gf if r not in touches]
    check(len(others) >= 30, f"only {len(others)} rules untouched by the left-out types")
    for r in others:
        a, b = gf[r], gc.get(r)
        check(b is not None and a["statuses"] == b["statuses"] and a["share_on_time"] == b["share_on_time"] and a["data"] == b["data"],
              f"{r}: figures changed although none of its evidence was left out: {a['statuses']} -> {b and b['statuses']}")

    # Text: a "no data" line per rule, and its rows say "no data" rather than a share.
    text = summary(cut, "text")
    for r in judged_needs:
        check(re.search(rf"^NO DATA IN THIS EXPORT: {re.escape(r)} ", text, re.M), f"text: no 'NO DATA IN THIS EXPORT: {r}' line")
        block = text.split(f"\n{r}  ", 1)
        check(len(block) == 2 and "no data" in block[1].split("\n\n")[0], f"text: the rows of {r} do not say 'no data'")

    # CSV: data column "none", share empty.
    rows = list(csv.DictReader(io.StringIO(summary(cut, "csv"), newline="")))
    for row in rows:
        if row["rule"] in judged_needs:
            check(row["data"] == "none" and row["share_on_time"] == "", f"CSV {row['rule']}: data {row['data']!r}, share {row['share_on_time']!r}")
        elif row["rule"] in others:
            check(row["data"] == gf[row["rule"]]["data"], f"CSV {row['rule']}: data {row['data']!r}, the full batch's {gf[row['rule']]['data']!r}")

    # HTML: the coverage table opens the figures and marks the rule; the chart does not draw it as a bar.
    html = run("check", str(cut), "--format", "html", "--as-of", AS_OF, "-q")
    check(html.find('class="coverage"') != -1 and html.find('class="coverage"') < html.find('class="chart"'),
          "HTML: the data-coverage table must come before the chart")
    for r in judged_needs:
        check(f'data-rule="{r}" data-coverage="none"' in html, f"HTML: coverage row of {r} not marked none")
        check(f'<rect class="bar" data-rule="{r}"' not in html, f"HTML: {r} drawn as a bar although it has no data")

    # Wilson intervals and small samples, on the full batch.
    for g in s_full["groups"]:
        n = g["judged"]
        if n == 0 or g["data"] == "none":
            check(g["share_on_time_interval"] is None, f"{g['rule']}: an interval without judged findings")
            continue
        lo, hi = wilson(g["statuses"]["met"], n)
        iv = g["share_on_time_interval"]
        check(abs(iv["low"] - lo) < 1e-9 and abs(iv["high"] - hi) < 1e-9, f"{g['rule']}: interval {iv} is not Wilson's ({lo}, {hi})")
        check(iv["low"] <= g["share_on_time"] <= iv["high"], f"{g['rule']}: the share lies outside its interval")
        check(g["small_sample"] == (n < 30), f"{g['rule']}: small_sample {g['small_sample']} with n={n}")

    # Time and place axes: every group has one key per axis, in the form the axis says.
    qm = json.loads(summary(full, "json", "--group-by", "quarter,municipality"))
    check(qm["axes"] == ["quarter", "municipality"], f"axes {qm['axes']}")
    for g in qm["groups"]:
        check(re.fullmatch(r"\d{4}-Q[1-4]", g["keys"].get("quarter", "")) is not None, f"quarter key {g['keys']}")
        check("municipality" in g["keys"], f"municipality key missing in {g['keys']}")
    months = json.loads(summary(full, "json", "--group-by", "month"))
    check(all(re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", g["group"]) for g in months["groups"]), "month keys are not YYYY-MM")
    # The groups of an axis add up to the rule's figures.
    for axis in (qm, months):
        total = {}
        for g in axis["groups"]:
            t = total.setdefault(g["rule"], dict.fromkeys(g["statuses"], 0))
            for k, v in g["statuses"].items():
                t[k] += v
        for r, t in total.items():
            check(t == gf[r]["statuses"], f"{r}: the groups of {axis['axes']} sum to {t}, the rule has {gf[r]['statuses']}")
    p = subprocess.run([cli, "check", str(full), "--summary", "--group-by", "week"], capture_output=True, text=True)
    check(p.returncode == 2 and "quarter" in p.stderr and "municipality" in p.stderr, f"--group-by week: exit {p.returncode}, {p.stderr!r}")

    # Per case: evidence_present agrees with the case's own events.
    report = json.loads(run("check", str(cut), "--format", "json", "--as-of", AS_OF, "-q"))
    seen = 0
    for c in report["cases"]:
        for r, present in c["evidence_present"].items():
            if r in judged_needs:
                check(present is False, f"{c['case_id']}: evidence_present[{r}] is {present} after the types were left out")
                seen += 1
    check(seen > 0, "no case names a rule whose evidence was left out")

if failures:
    print("FAIL:\n  " + "\n  ".join(failures[:40]))
    sys.exit(1)
print(f"data coverage: {len(judged_needs)} rules read 'no data' without {sorted(LEFT_OUT)} ({sorted(judged_needs)}); "
      f"{len(others)} other rules' figures unchanged; Wilson intervals, axes and evidence_present checked")
