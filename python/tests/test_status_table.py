"""The analyst's example (examples/python/status_table.py) runs, and its table agrees with the
CLI's report of the same files (examples/expected/report.json)."""
import json
import os
import subprocess
import sys
import tempfile
import unittest
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "examples" / "python" / "status_table.py"
STATUSES = ["met", "late", "missed", "violated", "pending", "not_applicable", "indeterminate"]


def run(*args):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "python"))
    return subprocess.run([sys.executable, str(SCRIPT), *args], env=env, capture_output=True, text=True)


class StatusTableTest(unittest.TestCase):
    def test_rows_match_the_cli_report(self):
        r = run(str(ROOT / "examples"))
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = {line.split()[0]: [int(n) for n in line.split()[2:]] for line in r.stdout.splitlines()[1:]
                if line.endswith(tuple("0123456789")) and line.split()[0].endswith(".xml")}
        report = json.loads((ROOT / "examples" / "expected" / "report.json").read_text())
        self.assertEqual(len(rows), len(report["cases"]))
        total = Counter()
        for case in report["cases"]:
            counts = Counter(f["status"] for f in case["findings"])
            total.update(counts)
            self.assertEqual(rows[Path(case["source"]).name], [counts[s] for s in STATUSES], case["source"])
        last = [line for line in r.stdout.splitlines() if line.startswith("total")][0]
        self.assertEqual([int(n) for n in last.split()[1:]], [total[s] for s in STATUSES])

    def test_a_bad_file_is_listed_not_fatal(self):
        with tempfile.TemporaryDirectory() as d:
            (Path(d) / "good.xml").write_bytes((ROOT / "examples" / "03-late-24-hour-assessment.xml").read_bytes())
            (Path(d) / "bad.xml").write_text("<case/>")
            r = run(d, "--as-of", "2025-01-15T12:00")
        self.assertEqual(r.returncode, 1)
        self.assertIn("good.xml", r.stdout)
        self.assertIn("not read: bad.xml:", r.stderr)

    def test_a_wrong_as_of_is_refused_in_the_librarys_words(self):
        r = run(str(ROOT / "examples"), "--as-of", "2024-10-27T02:30")
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, "")
        self.assertIn("--as-of: bl_time_parse: '2024-10-27T02:30' occurs twice in Copenhagen time", r.stderr)


if __name__ == "__main__":
    unittest.main()
