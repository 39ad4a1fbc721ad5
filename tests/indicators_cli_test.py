#!/usr/bin/env python3
"""The indicators for the auditor on the command line (issue 18, docs/indicators.md).

Three hand-made cases in two municipalities, checked with `--summary --group-by quarter,municipality`:
the text prints every indicator's section with the figures worked out by hand below, in English and
(--lang da) in Danish; the JSON has the "indicators" rows of docs/report-json.md; the CSV has the
INDICATOR rows; `--on` moves the caseload's day and a bad one is a usage error (exit 2); an export
without goals or caseworkers says "no data in this export" for them.

usage: indicators_cli_test.py CLI SOURCE_DIR
"""
import csv
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

cli = sys.argv[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def case(cid, municipality, events):
    return (f'<case xmlns="urn:barnetslov:case:1" id="{cid}" municipality="{municipality}" unit="Team A">\n'
            f'  <child id="barn" birth-date="2012-05-01"/>\n  <party id="mor" role="custody-holder"/>\n'
            f'  <events>\n{events}  </events>\n</case>\n')


# c1 (0101): a supportive measure followed up in 2024-Q3 with goals reached, partly, dropped; caseworkers A then B.
C1 = case("c1", "0101", """\
    <underretning id="u1" received-at="2024-02-01T10:00" notifier="professional" notifier-role="school" caseworker="A"/>
    <undersoegelse id="b1" at="2024-02-05" ref="u1" caseworker="A"/>
    <undersoegelse-afsluttet id="b1-end" at="2024-05-01" ref="b1" caseworker="A"/>
    <afgoerelse id="d1" at="2024-05-10" kind="supportive-measure" caseworker="B"/>
    <indsats-start id="m1" at="2024-05-20" ref="d1" caseworker="B"/>
    <plan id="p1" at="2024-06-01" ref="d1" caseworker="B"/>
    <maal id="g1" at="2024-06-01" ref="p1" area="school"/>
    <maal id="g2" at="2024-06-01" ref="p1" area="family"/>
    <maal id="g3" at="2024-06-01" ref="p1" area="health"/>
    <opfoelgning id="o1" at="2024-08-20" ref="m1" caseworker="B"/>
    <maal-status id="s1" at="2024-08-20" ref="o1" goal="g1" status="reached"/>
    <maal-status id="s2" at="2024-08-20" ref="o1" goal="g2" status="partly"/>
    <maal-status id="s3" at="2024-08-20" ref="o1" goal="g3" status="dropped"/>
""")
# c2 (0202): three underretninger within 12 months (the third 2024-09-01), no action within 4 months (the window ends
# 2025-01-01); a network foster family placement the day after.
C2 = case("c2", "0202", """\
    <underretning id="u1" received-at="2024-01-10" notifier-role="police" caseworker="C"/>
    <underretning id="u2" received-at="2024-04-10" notifier-role="police"/>
    <underretning id="u3" received-at="2024-09-01"/>
    <afgoerelse id="d1" at="2025-01-02" kind="placement-with-consent" site-type="network-foster-family" caseworker="C"/>
""")
# c3 (0202): no caseworker anywhere; a placement without a site-type.
C3 = case("c3", "0202", """\
    <underretning id="u1" received-at="2024-10-01" notifier-role="school"/>
    <afgoerelse id="d1" at="2024-12-01" kind="placement-without-consent"/>
""")


def run(*args, expect=0):
    p = subprocess.run([cli, "check", *args], capture_output=True, text=True)
    check(p.returncode == expect, f"{args}: exit {p.returncode}, expected {expect}: {p.stderr[:300]}")
    return p


with tempfile.TemporaryDirectory() as tmp:
    d = Path(tmp)
    for name, text in (("c1.xml", C1), ("c2.xml", C2), ("c3.xml", C3)):
        (d / name).write_text(text, encoding="utf-8")
    base = [str(d), "--summary", "--group-by", "quarter,municipality", "--as-of", "2025-06-30", "-q"]
    text = run(*base, expect=1).stdout
    section = text[text.find("INDICATORS"):]
    check("INDICATORS" in text, "text: no INDICATORS section")
    check(text.find("INDICATORS") > text.find("BL-"), "text: the indicators come after the compliance figures")
    for title in ("Goal attainment", "Continuity", "Caseload on 2025-06-30", "Placement pattern", "Early signals",
                  "Underretninger by notifier role"):
        check(title in section, f"text: no section {title!r}")
    # Goal attainment in 2024-Q3 / 0101: reached 1, partly 1, not 0, dropped 1, n = 2, 50 % reached.
    check(any(l.split()[:9] == ["1", "1", "0", "1", "2", "50.0", "%", "50.0", "%"] and l.endswith("2024-Q3 / 0101")
              for l in section.splitlines()), "text: goal attainment row of 2024-Q3 / 0101\n" + section)
    # Early signal 2024-Q3 / 0202: 1 child, 1 with no action, 0 pending, n = 1, 100 %.
    check(any(l.split()[:6] == ["1", "1", "0", "1", "100.0", "%"] and l.endswith("2024-Q3 / 0202") for l in section.splitlines()),
          "text: early signals row of 2024-Q3 / 0202")
    check("no data in this export" not in section.split("Caseload")[0], "text: goals and continuity have data here")

    doc = json.loads(run(*base, "--format", "json", expect=1).stdout)
    ind = doc.get("indicators", {})
    check(sorted(ind) == sorted(["goal_attainment", "continuity", "caseload", "placement_pattern", "early_signals",
                                 "notifier_roles"]), f"json: indicator names {sorted(ind)}")
    check({"quarter": "2024-Q3", "municipality": "0101", "measure_kind": "supportive-measure", "area": "school", "reached": 1,
           "partly": 0, "not_reached": 0, "dropped": 0} in ind.get("goal_attainment", []), "json: goal row (school)")
    check({"quarter": "2024-Q3", "municipality": "0101", "measure_kind": "supportive-measure", "area": "health", "reached": 0,
           "partly": 0, "not_reached": 0, "dropped": 1} in ind.get("goal_attainment", []), "json: goal row (dropped)")
    # c1: 2024-Q1 A (1 distinct, no handover), 2024-Q2 A, B (2 distinct, 1 handover), 2024-Q3 B (1, 0).
    cont = {(r["quarter"], r["municipality"]): r for r in ind.get("continuity", [])}
    check(cont.get(("2024-Q2", "0101"), {}).get("handovers") == 1 and cont[("2024-Q2", "0101")]["caseworkers_sum"] == 2,
          f"json: continuity 2024-Q2 / 0101 {cont.get(('2024-Q2', '0101'))}")
    check(cont.get(("2024-Q4", "0202"), {}).get("cases_without_caseworker") == 1, "json: c3 without caseworker, in its last event's quarter")
    check(ind.get("early_signals") == [{"quarter": "2024-Q3", "municipality": "0202", "with_pattern": 1, "no_action": 1, "pending": 0}],
          f"json: early signals {ind.get('early_signals')}")
    check(ind.get("placement_pattern") == [{"quarter": "2024-Q4", "municipality": "0202", "site_types": {"unknown": 1}},
                                           {"quarter": "2025-Q1", "municipality": "0202", "site_types": {"network-foster-family": 1}}],
          f"json: placement pattern {ind.get('placement_pattern')}")
    # On 2025-06-30 c1's measure runs (caseworker B) and c2 and c3 are placed, but without indsats-start: only c1 is open.
    check(ind.get("caseload") == [{"day": "2025-06-30", "municipality": "0101", "open_cases": 1, "caseworkers": 1,
                                   "max_open_per_caseworker": 1, "open_without_caseworker": 0}], f"json: caseload {ind.get('caseload')}")
    check(doc.get("indicator_groups", {}).get("axes") == ["quarter", "municipality"], "json: indicator axes")

    # --on: the caseload on 2024-10-15: c1 (measure), c2 (u3 within 4 months, caseworker C), c3 (u1 on 2024-10-01, no caseworker).
    on = json.loads(run(*base, "--format", "json", "--on", "2024-10-15", expect=1).stdout)["indicators"]["caseload"]
    check([(r["municipality"], r["open_cases"], r["caseworkers"], r["open_without_caseworker"]) for r in on] ==
          [("0101", 1, 1, 0), ("0202", 2, 1, 1)], f"--on 2024-10-15: {on}")
    bad = run(*base, "--on", "2024-13-01", expect=2)
    check("--on" in bad.stderr and "YYYY-MM-DD" in bad.stderr, f"--on bad date: {bad.stderr}")
    check(run(str(d), "--on", "2024-10-15", "-q", "--as-of", "2025-06-30", expect=2).returncode == 2, "--on without --summary")

    rows = list(csv.reader(io.StringIO(run(*base, "--format", "csv", expect=1).stdout)))
    header = rows[0]
    ind_rows = [dict(zip(header, r)) for r in rows[1:] if r[0] == "INDICATOR"]
    check(any(r["indicator"] == "goal_attainment" and r["figure"] == "reached" and r["count"] == "1" and r["of"] == "1"
              and r["share"] == "1.0000" and r["breakdown"] == "measure_kind=supportive-measure area=school" for r in ind_rows),
          "csv: goal row (school): 1 of 1 reached")
    check(any(r["indicator"] == "early_signals" and r["figure"] == "no_action" and r["count"] == "1" and r["of"] == "1"
              and r["share"] == "1.0000" and r["quarter"] == "2024-Q3" and r["municipality"] == "0202" for r in ind_rows),
          "csv: early signals row")
    check(all(len(r) == len(header) for r in rows), "csv: every row as wide as the header")

    da = run(*base, "--lang", "da", expect=1).stdout
    for title in ("INDIKATORER", "Målopfyldelse", "Kontinuitet", "Sagsbelastning den 2025-06-30", "Anbringelsesmønster",
                  "Tidlige signaler"):
        check(title in da, f"--lang da: no {title!r}")
    check("50,0 %" in da, "--lang da: decimal comma")

    # Without goals and caseworkers: "no data in this export", never a share.
    (d / "c1.xml").unlink()
    (d / "c2.xml").unlink()
    bare = run(*base, expect=1).stdout
    bare = bare[bare.find("INDICATORS"):]
    check(bare.count("no data in this export") >= 3, "no data: goals, continuity, caseload caseworkers\n" + bare)
    bare_json = json.loads(run(*base, "--format", "json", expect=1).stdout)
    check(bare_json["indicators"]["goal_attainment"] == [], "no data: no goal rows")
    check(bare_json["indicator_groups"]["data"]["goal_attainment"] == "none", "no data: goal_attainment none")
    check(bare_json["indicator_groups"]["data"]["placement_pattern"] == "none", "no data: placement_pattern none (no site-type)")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("indicators_cli_test: ok")
