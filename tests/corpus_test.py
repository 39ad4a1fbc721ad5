#!/usr/bin/env python3
"""The engine against a synthetic corpus whose ground truth is known by construction.

    python3 tests/corpus_test.py BARNETSLOV_CLI SOURCE_DIR [--cases 2000] [--seed 6] [--as-of DATE]
        [--from DATE] [--until DATE] [--additive A,B] [--keep DIR] [--rules R1,R2] [--show N] [--report FILE] [--strict]
        [--pending FILE]

Generates the corpus with tools/generate-corpus.py (which computes the truth itself from the law
README, never by running the engine), runs `barnetslov check DIR --as-of <manifest as_of> --format
json` and compares, case by case and rule by rule, the multiset of (rule, subject, status) with
the manifest. An "unsettled" entry of the manifest (a point the README leaves open) accepts any of
its statuses ("absent": no finding). For rules that agree everywhere it also compares the counts per
status in total, per year and per unit, and the `--summary --format json` figures; the summary is
checked against the engine's own full report for every rule, and `--jobs 1` against `--jobs 2`.
A finding's unit is the unit responsible on the day its duty started (ansvarlig-enhed). The issue 18
indicators (notes format-18 § 3-4: goal attainment, continuity, caseload, placement pattern, early
signals, notifier roles) are compared exactly with the manifest's `indicators` for each --group-by
value it holds; the comparison is skipped, loudly, only when the summary JSON has no "indicators".

Differences are listed per rule as (truth -> engine). Those matching an entry of the pending list
(tests/corpus-pending-readings.json: readings the law README settled in December 2026 that the
engine does not implement yet, suspected engine bugs, gaps of the generator) are reported but do
not fail the test unless --strict is given; the
report says when a pending entry no longer occurs, so the list can be pruned as the engine catches
up. Any other difference fails.

Per rule, after an engine change:   corpus_test.py build/barnetslov . --rules BL-TILS-2X --strict --show 20
"""

import argparse
import collections
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import tempfile

STATUSES = ["met", "late", "missed", "violated", "pending", "not_applicable", "indeterminate"]
ABSENT = "absent"


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


class Checker:
    def __init__(self):
        self.failures = 0

    def fail(self, msg):
        self.failures += 1
        if self.failures <= 60:
            print("FAIL: " + msg)

    def expect_equal(self, what, expected, actual):
        """Compares {group: {status: n}} tables; reports only the cells that differ."""
        if expected == actual:
            return
        cells = []
        for g in sorted(set(expected) | set(actual)):
            e, a = expected.get(g, {}), actual.get(g, {})
            for s in STATUSES:
                if e.get(s, 0) != a.get(s, 0):
                    cells.append("%s%s: expected %d, engine %d" % (g + " " if g else "", s, e.get(s, 0), a.get(s, 0)))
        self.fail("%s: %s" % (what, "; ".join(cells) or "differs"))


def table(rows, key):
    """{rule: {group: {status: n}}} from (rule, status, year, unit) rows."""
    out = collections.defaultdict(lambda: collections.defaultdict(lambda: dict.fromkeys(STATUSES, 0)))
    for r in rows:
        out[r[0]][key(r)][r[1]] += 1
    return {rule: {g: dict(c) for g, c in groups.items()} for rule, groups in out.items()}


def compare_case(exact, unsettled, engine):
    """Differences between the truth of one case and the engine's findings: (rule, subject, truth, engine)
    with truth/engine a status, 'one of a|b' or 'absent'; plus the engine statuses that matched an
    unsettled entry ((rule, subject, status))."""
    extra = collections.Counter(engine)
    missing = collections.Counter()
    for f in exact:
        if extra[f] > 0:
            extra[f] -= 1
        else:
            missing[f] += 1
    diffs, matched = [], []
    for u in unsettled:
        rule, subject, allowed = u["rule"], u["subject"], u["statuses"]
        got = next((f for f in sorted(extra.elements()) if f[0] == rule and f[1] == subject and f[2] in allowed), None)
        if got is not None:
            extra[got] -= 1
            matched.append(got)
            continue
        if ABSENT in allowed and not any(f[0] == rule and f[1] == subject for f in extra.elements()):
            continue
        other = next((f for f in sorted(extra.elements()) if f[0] == rule and f[1] == subject), None)
        if other is not None:
            extra[other] -= 1
        diffs.append((rule, subject, "one of " + "|".join(allowed), other[2] if other else ABSENT))
    extra_list = sorted(extra.elements())
    for f in sorted(missing.elements()):
        other = next((g for g in extra_list if g[0] == f[0] and g[1] == f[1]), None)
        if other is not None:
            extra_list.remove(other)
        diffs.append((f[0], f[1], f[2], other[2] if other else ABSENT))
    for g in extra_list:
        diffs.append((g[0], g[1], ABSENT, g[2]))
    return diffs, matched


def normal_rows(rows):
    """Indicator rows compared as a multiset: nested count objects without their zero entries, rows
    whose counts are all zero left out (notes format-18 § 4 omits them; the order is checked apart)."""
    out = []
    for r in rows:
        row = {}
        for k, v in r.items():
            if isinstance(v, dict):
                v = {a: b for a, b in v.items() if b != 0}
            row[k] = v
        counts = [v for k, v in row.items() if isinstance(v, int) and not isinstance(v, bool)] + \
            [b for v in row.values() if isinstance(v, dict) for b in v.values()]
        if any(counts):
            out.append(json.dumps(row, sort_keys=True, ensure_ascii=False))
    return sorted(out)


def compare_indicators(ck, ran, skipped, base, manifest):
    truth = manifest.get("indicators")
    if not truth:
        ck.fail("the manifest has no indicators (tools/generate-corpus.py computes them)")
        return
    compared, failures_before = [], ck.failures
    if manifest["cases"] >= 1000:
        # The corpus carries what the comparison needs to mean something (a generator change that
        # stopped writing goals or handovers would otherwise compare empty tables).
        d = truth["rule"]
        total = lambda name, field: sum(r.get(field, 0) for r in d[name])
        nested = lambda name, field, key: sum(r[field].get(key, 0) for r in d[name])
        need = {"goals reached, partly, not reached, dropped": all(total("goal_attainment", f) for f in
                                                                  ("reached", "partly", "not_reached", "dropped")),
                "handovers and child-periods with one caseworker": total("continuity", "handovers") and total("continuity", "one_caseworker"),
                "cases without a caseworker": total("continuity", "cases_without_caseworker"),
                "open cases with and without a caseworker": total("caseload", "caseworkers") and total("caseload", "open_without_caseworker"),
                "placements with a network site and without a site type": nested("placement_pattern", "site_types", "network-foster-family")
                and nested("placement_pattern", "site_types", "unknown"),
                "early signals with and without action": total("early_signals", "no_action")
                and total("early_signals", "with_pattern") > total("early_signals", "no_action") + total("early_signals", "pending"),
                "underretninger without a notifier role": nested("notifier_roles", "roles", "unknown")}
        for what, ok in need.items():
            if not ok:
                ck.fail("the generated corpus lacks %s (the indicators' comparison would test nothing there)" % what)
        units = sum(1 for c in manifest["case_files"] for f in c["findings"] if f.get("unit", c["unit"]) != c["unit"])
        if not units:
            ck.fail("no finding lies in a unit other than its case's (ansvarlig-enhed): the per-unit figures test nothing there")
    for group_by in sorted(truth):
        r = run(base + ["--summary", "--group-by", group_by])
        if r.returncode not in (0, 1):
            ck.fail("check --summary --group-by %s exited %d: %s" % (group_by, r.returncode, r.stderr.decode()[:500]))
            continue
        s = json.loads(r.stdout)
        if "indicators" not in s:
            # The CLI side of issue 18 item 4 is not there yet: the only case this comparison is skipped.
            print("!" * 100)
            print("!!! SKIPPED: the indicators comparison (--group-by %s): the CLI's summary JSON has no \"indicators\" key"
                  % group_by)
            print("!" * 100)
            skipped.append("INDICATORS NOT COMPARED (--group-by %s): the summary JSON has no \"indicators\" key" % group_by)
            continue
        got = s["indicators"]
        for name in sorted(truth[group_by]):
            want_rows, got_rows = truth[group_by][name], got.get(name)
            if got_rows is None:
                ck.fail("indicators (--group-by %s): the summary JSON has no \"%s\"" % (group_by, name))
                continue
            w, g = normal_rows(want_rows), normal_rows(got_rows)
            if w != g:
                missing = [x for x in w if x not in set(g)]
                extra = [x for x in g if x not in set(w)]
                ck.fail("indicator %s (--group-by %s): %d truth rows, %d engine rows; truth only: %s; engine only: %s"
                        % (name, group_by, len(w), len(g), "; ".join(missing[:3]) or "-", "; ".join(extra[:3]) or "-"))
        compared.append(group_by)
    if compared:
        ran.append("indicators (goal attainment, continuity, caseload, placement pattern, early signals, notifier roles) "
                   "against the truth, --group-by %s: %s" % (" and ".join(compared), "equal" if ck.failures == failures_before
                                                              else "%d difference(s) above" % (ck.failures - failures_before)))


def pending_entry(pending, rule, truth, engine):
    for p in pending:
        if p["rule"] == rule and fnmatch.fnmatchcase(truth, p.get("truth", "*")) and fnmatch.fnmatchcase(engine, p.get("engine", "*")):
            return p
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("source_dir")
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--keep", help="write the corpus here and keep it")
    ap.add_argument("--as-of", dest="as_of", help="passed to the generator (default: its own, --until + 1 day)")
    ap.add_argument("--from", dest="from_", help="passed to the generator (the first day a case may start)")
    ap.add_argument("--until", help="passed to the generator (the last day of the span)")
    ap.add_argument("--additive", help="passed to the generator: the README's additive attributes to write (off by default)")
    ap.add_argument("--rules", help="compare only these rules (comma-separated; default: every modelled rule)")
    ap.add_argument("--show", type=int, default=3, help="example differences to print per rule (default 3)")
    ap.add_argument("--report", help="write every difference, per rule, to this JSON file")
    ap.add_argument("--strict", action="store_true", help="pending differences fail too")
    ap.add_argument("--pending", help="the pending-readings list (default: tests/corpus-pending-readings.json)")
    args = ap.parse_args()
    cli = os.path.abspath(args.cli)
    gen = os.path.join(args.source_dir, "tools", "generate-corpus.py")
    pending_path = args.pending or os.path.join(args.source_dir, "tests", "corpus-pending-readings.json")
    pending = []
    if os.path.exists(pending_path):
        with open(pending_path, encoding="utf-8") as fh:
            pending = json.load(fh)["pending"]
    ck = Checker()
    ran, skipped = [], []

    tmp = tempfile.mkdtemp(prefix="barnetslov-corpus-")
    try:
        corpus = args.keep or os.path.join(tmp, "corpus")
        if args.keep and os.path.isdir(corpus):
            shutil.rmtree(corpus)
        span = (["--as-of", args.as_of] if args.as_of else []) + (["--from", args.from_] if args.from_ else []) \
            + (["--until", args.until] if args.until else []) + (["--additive", args.additive] if args.additive else [])
        r = run([sys.executable, gen, "--cases", str(args.cases), "--seed", str(args.seed), "--out", corpus] + span)
        if r.returncode != 0:
            print(r.stderr.decode())
            print("FAIL: the generator failed")
            return 1
        with open(os.path.join(corpus, "manifest.json"), encoding="utf-8") as fh:
            manifest = json.load(fh)
        rules = manifest["rules"]
        if args.rules:
            wanted = [x.strip() for x in args.rules.split(",") if x.strip()]
            unknown = [x for x in wanted if x not in rules]
            if unknown:
                print("FAIL: not modelled by the generator: %s (it models %s)" % (", ".join(unknown), ", ".join(rules)))
                return 1
            rules = wanted
        as_of = manifest["as_of"]

        # The generator is deterministic: a second run of a prefix gives the same bytes.
        again = os.path.join(tmp, "again")
        r = run([sys.executable, gen, "--cases", "40", "--seed", str(args.seed), "--out", again] + span)
        same = r.returncode == 0 and all(
            open(os.path.join(again, n), "rb").read() == open(os.path.join(corpus, n), "rb").read()
            for n in sorted(os.listdir(again)) if n.endswith(".xml"))
        if not same:
            ck.fail("the generator is not deterministic (a second run differs)")
        ran.append("generator determinism")

        # A sample is valid against the XSD (when xmllint is installed).
        if shutil.which("xmllint"):
            sample = [os.path.join(corpus, c["file"]) for c in manifest["case_files"][:: max(1, args.cases // 25)]]
            r = run(["xmllint", "--noout", "--schema", os.path.join(args.source_dir, "schema", "case-1.xsd")] + sample)
            if r.returncode != 0:
                ck.fail("XSD validation: " + r.stderr.decode()[:2000])
            ran.append("XSD validation of %d files" % len(sample))
        elif os.environ.get("CI") == "true":
            ck.fail("CI=true and no xmllint (tools/setup.sh installs libxml2-utils): the XSD check cannot be skipped")
        else:
            skipped.append("XSD validation (no xmllint)")

        base = [cli, "check", corpus, "--as-of", as_of, "--format", "json"]
        rules_opt = ["--rules", ",".join(rules)]

        # ---- The full report, case by case ----
        r = run(base + rules_opt)
        if r.returncode not in (0, 1):
            print(r.stderr.decode()[:2000])
            ck.fail("check exited %d" % r.returncode)
            return 1
        full_json = r.stdout
        report = json.loads(full_json)
        if report.get("errors"):
            ck.fail("the engine refused %d files, e.g. %s" % (len(report["errors"]), json.dumps(report["errors"][:3])[:1000]))
        actual, seen_rules = {}, set()
        for case in report["cases"]:
            name = os.path.basename(case["source"])
            rows = []
            for f in case["findings"]:
                seen_rules.add(f["rule"])
                if f["rule"] not in rules:
                    continue
                subject = f["subject"]["id"] if isinstance(f.get("subject"), dict) else f["events"][0]["id"]
                rows.append((f["rule"], subject, f["status"]))
            actual[name] = rows
        if seen_rules - set(manifest["rules"]) - set(rules):
            ck.fail("--rules did not filter: the report has %s" % sorted(seen_rules - set(rules))[:5])

        per_rule = {rule: {"findings": 0, "unsettled": 0, "unsettled_matched": 0, "differences": [], "pending": []} for rule in rules}
        exp_rows, act_rows, year_of, unit_of = [], [], {}, {}
        for c in manifest["case_files"]:
            if c["file"] not in actual:
                ck.fail("%s: not in the engine's report" % c["file"])
                continue
            exact = [(f["rule"], f["subject"], f["status"]) for f in c["findings"] if f["rule"] in rules]
            unsettled = [u for u in c.get("unsettled", []) if u["rule"] in rules]
            # a finding's unit: the unit responsible on the day its duty started (ansvarlig-enhed)
            for f in c["findings"]:
                year_of[(c["file"], f["rule"], f["subject"])] = str(f["year"])
                unit_of[(c["file"], f["rule"], f["subject"])] = f.get("unit", c["unit"])
                if f["rule"] in rules:
                    per_rule[f["rule"]]["findings"] += 1
                    exp_rows.append((f["rule"], f["status"], str(f["year"]), f.get("unit", c["unit"])))
            for u in unsettled:
                year_of[(c["file"], u["rule"], u["subject"])] = str(u["year"])
                unit_of[(c["file"], u["rule"], u["subject"])] = u.get("unit", c["unit"])
                per_rule[u["rule"]]["unsettled"] += 1
            diffs, matched = compare_case(exact, unsettled, actual[c["file"]])
            for (rule, subject, status) in matched:
                per_rule[rule]["unsettled_matched"] += 1
                exp_rows.append((rule, status, year_of[(c["file"], rule, subject)], unit_of[(c["file"], rule, subject)]))
            for (rule, subject, status) in actual[c["file"]]:
                act_rows.append((rule, status, year_of.get((c["file"], rule, subject), "?"),
                                 unit_of.get((c["file"], rule, subject), c["unit"])))
            for (rule, subject, truth, engine) in diffs:
                entry = pending_entry(pending, rule, truth, engine)
                row = {"file": c["file"], "subject": subject, "truth": truth, "engine": engine}
                if entry is not None:
                    row["pending"] = entry["reading"]
                    row["kind"] = entry.get("kind", "pending-reading")
                    per_rule[rule]["pending"].append(row)
                else:
                    per_rule[rule]["differences"].append(row)

        # The per-rule table
        unexpected = sum(len(v["differences"]) for v in per_rule.values())
        expected_pending = sum(len(v["pending"]) for v in per_rule.values())
        print("%-26s %8s %9s %7s %10s" % ("rule", "findings", "unsettled", "pending", "unexpected"))
        for rule in rules:
            v = per_rule[rule]
            print("%-26s %8d %9d %7d %10d" % (rule, v["findings"], v["unsettled"], len(v["pending"]), len(v["differences"])))
        print("%-26s %8d %9d %7d %10d" % ("total", sum(v["findings"] for v in per_rule.values()),
                                           sum(v["unsettled"] for v in per_rule.values()), expected_pending, unexpected))
        for rule in rules:
            v = per_rule[rule]
            groups = [("unexpected", v["differences"])]
            for kind in ("pending-reading", "suspected-engine-bug", "generator-gap"):
                groups.append((kind.replace("-", " "), [x for x in v["pending"] if x.get("kind", "pending-reading") == kind]))
            groups.append(("other listed", [x for x in v["pending"] if x.get("kind", "pending-reading") not in
                                            ("pending-reading", "suspected-engine-bug", "generator-gap")]))
            for what, rows in groups:
                if not rows:
                    continue
                kinds = collections.Counter((x["truth"], x["engine"]) for x in rows)
                print("%s %s: %s" % (rule, what, "; ".join("truth %s -> engine %s: %d" % (t, e, n) for (t, e), n in sorted(kinds.items()))))
                shown = 0
                for (t, e), _ in sorted(kinds.items()):
                    for x in rows:
                        if shown >= args.show:
                            break
                        if (x["truth"], x["engine"]) == (t, e):
                            print("    %s %s: truth %s, engine %s%s" % (x["file"], x["subject"], t, e,
                                                                       " (%s)" % x["pending"] if "pending" in x else ""))
                            shown += 1
                            break
        used = {(p["rule"], p.get("truth", "*"), p.get("engine", "*")) for p in pending
                if any(pending_entry([p], p["rule"], x["truth"], x["engine"]) for x in per_rule.get(p["rule"], {"pending": []})["pending"])}
        for p in pending:
            if p["rule"] in rules and (p["rule"], p.get("truth", "*"), p.get("engine", "*")) not in used:
                print("note: pending entry did not occur in this run: %s truth %s -> engine %s (remove it once the engine "
                      "has the reading and no seed shows it)" % (p["rule"], p.get("truth", "*"), p.get("engine", "*")))
        if unexpected:
            ck.fail("%d unexpected difference(s) from the truth (above)" % unexpected)
        if args.strict and expected_pending:
            ck.fail("%d pending difference(s) (--strict)" % expected_pending)
        ran.append("per-case findings of %d cases for %d rules (%d unexpected, %d pending differences)"
                   % (len(manifest["case_files"]), len(rules), unexpected, expected_pending))
        if args.report:
            with open(args.report, "w", encoding="utf-8") as fh:
                json.dump(per_rule, fh, ensure_ascii=False, indent=1, sort_keys=True)

        # The engine's counts per rule, per rule and year, per rule and unit, for the rules that agree.
        agree = [rule for rule in rules if not per_rule[rule]["differences"] and not per_rule[rule]["pending"]]
        for name, key in (("rule", lambda r: ""), ("year", lambda r: r[2]), ("unit", lambda r: r[3])):
            want, got = table(exp_rows, key), table(act_rows, key)
            for rule in agree:
                ck.expect_equal("%s per %s" % (rule, name), want.get(rule, {}), got.get(rule, {}))
        # The manifest's own totals agree with its rows.
        mt = table([(f["rule"], f["status"], "", "") for c in manifest["case_files"] for f in c["findings"]], lambda r: "")
        for rule in manifest["rules"]:
            ck.expect_equal("manifest totals of %s" % rule, {"": manifest["totals"][rule]},
                            mt.get(rule, {"": dict.fromkeys(STATUSES, 0)}))
        ran.append("status counts per rule, year and unit for the %d rules that agree" % len(agree))

        # ---- The summary (--summary --format json --group-by rule|year|unit) ----
        for by, key in (("rule", lambda r: ""), ("year", lambda r: r[2]), ("unit", lambda r: r[3])):
            r = run(base + rules_opt + ["--summary", "--group-by", by])
            if r.returncode not in (0, 1):
                ck.fail("check --summary --group-by %s exited %d: %s" % (by, r.returncode, r.stderr.decode()[:500]))
                continue
            s = json.loads(r.stdout)
            if s.get("format") != "barnetslov-summary" or s.get("cases") != args.cases or s.get("group_by") != by:
                ck.fail("summary header (group by %s): format %s, cases %s, group_by %s"
                        % (by, s.get("format"), s.get("cases"), s.get("group_by")))
            got = collections.defaultdict(dict)
            for g in s.get("groups", []):
                if g["rule"] in rules:
                    got[g["rule"]][g["group"]] = {k: g["status"].get(k, 0) for k in STATUSES}
            want, own = table(exp_rows, key), table(act_rows, key)
            for rule in rules:
                if by == "rule":  # against the engine's own full report, every rule
                    ck.expect_equal("summary %s vs the full report" % rule, own.get(rule, {}), got.get(rule, {}))
                if rule in agree:
                    ck.expect_equal("summary %s grouped by %s" % (rule, by), want.get(rule, {}), got.get(rule, {}))
        ran.append("--summary --format json grouped by rule, year, unit")

        # ---- The indicators of issue 18 (notes format-18 § 3-4) against the generator's truth ----
        compare_indicators(ck, ran, skipped, base, manifest)

        # ---- --jobs 1 and --jobs 2 give the same bytes ----
        variants = [("full JSON", rules_opt), ("summary", rules_opt + ["--summary", "--group-by", "year"])]
        for what, extra in variants:
            outs = [run(base + extra + ["--jobs", str(j)]).stdout for j in (1, 2)]
            if outs[0] != outs[1]:
                ck.fail("--jobs 1 and --jobs 2 differ (%s)" % what)
            if what == "full JSON" and outs[0] != full_json:
                ck.fail("--jobs 1 differs from the default run (full JSON)")
        ran.append("--jobs 1 vs --jobs 2 byte-identical (%s)" % ", ".join(v[0] for v in variants))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    for part in ran:
        print("ran: " + part)
    for part in skipped:
        print("skipped: " + part)
    if ck.failures:
        print("%d failure(s)" % ck.failures)
        return 1
    print("corpus_test: OK (%d cases, %d rules, %d pending differences)" % (args.cases, len(rules), expected_pending))
    return 0


if __name__ == "__main__":
    sys.exit(main())
