#!/usr/bin/env python3
"""The engine against a synthetic corpus whose ground truth is known by construction.

    python3 tests/corpus_test.py BARNETSLOV_CLI SOURCE_DIR [--cases 2000] [--seed 6] [--as-of DATE] [--keep DIR]

Generates the corpus with tools/generate-corpus.py (which computes the truth itself, never by
running the engine), runs `barnetslov check DIR --as-of <manifest as_of> --format json` and
compares, for every modelled rule, the findings per status (in total, per year, per unit) and, for
every case, the multiset of (rule, subject, status). Where the CLI has them, it also compares the
`--summary --format json` figures (group by rule, year, unit) with the manifest and checks that
`--jobs 1` and `--jobs 2` give byte-identical output. It prints which parts ran.
"""

import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile

STATUSES = ["met", "late", "missed", "violated", "pending", "not_applicable", "indeterminate"]


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


def counts_by(findings, key):
    """{rule: {group: {status: n}}} from (rule, subject, status, year, unit) tuples."""
    out = collections.defaultdict(lambda: collections.defaultdict(lambda: dict.fromkeys(STATUSES, 0)))
    for f in findings:
        out[f[0]][key(f)][f[2]] += 1
    return out


def plain(d):
    return {r: {g: dict(c) for g, c in groups.items()} for r, groups in d.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("source_dir")
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--keep", help="write the corpus here and keep it")
    ap.add_argument("--as-of", dest="as_of", help="passed to the generator (default: its own, --until + 1 day)")
    args = ap.parse_args()
    cli = os.path.abspath(args.cli)
    gen = os.path.join(args.source_dir, "tools", "generate-corpus.py")
    ck = Checker()
    ran, skipped = [], []

    tmp = tempfile.mkdtemp(prefix="barnetslov-corpus-")
    try:
        corpus = args.keep or os.path.join(tmp, "corpus")
        if args.keep and os.path.isdir(corpus):
            shutil.rmtree(corpus)
        r = run([sys.executable, gen, "--cases", str(args.cases), "--seed", str(args.seed), "--out", corpus]
                + (["--as-of", args.as_of] if args.as_of else []))
        if r.returncode != 0:
            print(r.stderr.decode())
            print("FAIL: the generator failed")
            return 1
        with open(os.path.join(corpus, "manifest.json"), encoding="utf-8") as fh:
            manifest = json.load(fh)
        rules = manifest["rules"]
        as_of = manifest["as_of"]

        # The generator is deterministic: a second run of a prefix gives the same bytes.
        again = os.path.join(tmp, "again")
        r = run([sys.executable, gen, "--cases", "40", "--seed", str(args.seed), "--out", again]
                + (["--as-of", args.as_of] if args.as_of else []))
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
        else:
            skipped.append("XSD validation (no xmllint)")

        helptext = run([cli, "check", "--help"]).stdout.decode()
        has = {o: ("--" + o) in helptext for o in ("rules", "jobs", "summary", "group-by")}
        base = [cli, "check", corpus, "--as-of", as_of, "--format", "json"]
        rules_opt = ["--rules", ",".join(rules)] if has["rules"] else []

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
        units = {c["file"]: c["unit"] for c in manifest["case_files"]}
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
        if has["rules"] and seen_rules - set(rules):
            ck.fail("--rules did not filter: the report has %s" % sorted(seen_rules - set(rules))[:5])
        exp_all, act_all = [], []
        by_subject_year = {}
        mismatched = 0
        for c in manifest["case_files"]:
            exp = collections.Counter((f["rule"], f["subject"], f["status"]) for f in c["findings"])
            act = collections.Counter(actual.get(c["file"], []))
            if c["file"] not in actual:
                ck.fail("%s: not in the engine's report" % c["file"])
            if exp != act:
                mismatched += 1
                ck.fail("%s: expected but not given %s; given but not expected %s"
                        % (c["file"], sorted((exp - act).elements()), sorted((act - exp).elements())))
            for f in c["findings"]:
                by_subject_year[(c["file"], f["subject"])] = f["year"]
                exp_all.append((f["rule"], f["subject"], f["status"], str(f["year"]), c["unit"]))
            for (rule, subject, status) in act.elements():
                year = by_subject_year.get((c["file"], subject), "?")
                act_all.append((rule, subject, status, str(year), c["unit"]))
        ran.append("per-case findings of %d cases (%d differ)" % (len(manifest["case_files"]), mismatched))

        # Totals recomputed from the manifest rows agree with the manifest's own tables.
        mt = counts_by(exp_all, lambda f: "")
        for rule in rules:
            ck.expect_equal("manifest totals of %s" % rule, {"": manifest["totals"][rule]},
                            {"": dict(mt[rule][""]) if rule in mt else dict.fromkeys(STATUSES, 0)})
        # The engine's counts per rule, per rule and year, per rule and unit.
        for name, key, table in (("rule", lambda f: "", None), ("year", lambda f: f[3], "by_year"), ("unit", lambda f: f[4], "by_unit")):
            got = plain(counts_by(act_all, key))
            for rule in rules:
                want = {"": manifest["totals"][rule]} if table is None else manifest[table][rule]
                want = {g: c for g, c in want.items() if any(c.values())}
                ck.expect_equal("%s per %s" % (rule, name), want, got.get(rule, {}))
        ran.append("status counts per rule, per year and per unit from the full JSON")

        # ---- The summary (--summary --format json --group-by rule|year|unit) ----
        if has["summary"] and has["group-by"]:
            for by, table in (("rule", None), ("year", "by_year"), ("unit", "by_unit")):
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
                for rule in rules:
                    want = {"": manifest["totals"][rule]} if table is None else manifest[table][rule]
                    want = {k: v for k, v in want.items() if any(v.values())}
                    ck.expect_equal("summary %s grouped by %s" % (rule, by), want, got.get(rule, {}))
            ran.append("--summary --format json grouped by rule, year, unit")
        else:
            skipped.append("--summary comparison (the CLI has no --summary/--group-by)")

        # ---- --jobs 1 and --jobs 2 give the same bytes ----
        if has["jobs"]:
            variants = [("full JSON", rules_opt)]
            if has["summary"]:
                variants.append(("summary", rules_opt + ["--summary"] + (["--group-by", "year"] if has["group-by"] else [])))
            for what, extra in variants:
                outs = [run(base + extra + ["--jobs", str(j)]).stdout for j in (1, 2)]
                if outs[0] != outs[1]:
                    ck.fail("--jobs 1 and --jobs 2 differ (%s)" % what)
                if what == "full JSON" and outs[0] != full_json:
                    ck.fail("--jobs 1 differs from the default run (full JSON)")
            ran.append("--jobs 1 vs --jobs 2 byte-identical (%s)" % ", ".join(v[0] for v in variants))
        else:
            skipped.append("--jobs 1 vs 2 (the CLI has no --jobs)")
        if not has["rules"]:
            skipped.append("--rules (filtered in this test instead)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    for part in ran:
        print("ran: " + part)
    for part in skipped:
        print("skipped: " + part)
    if ck.failures:
        print("%d failure(s)" % ck.failures)
        return 1
    print("corpus_test: OK (%d cases, rules %s)" % (args.cases, ",".join(rules)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
