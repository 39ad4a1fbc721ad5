"""The vendor's example (examples/python/warning_list.py) runs and prints what the C example
prints: a case built from local times, its deadlines ahead and open duties, and a pre-check that
stops a decision without the child's views."""
import os
import subprocess
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "examples" / "python" / "warning_list.py"


def run(*args):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "python"))
    return subprocess.run([sys.executable, str(SCRIPT), *args], env=env, capture_output=True, text=True)


class WarningListExampleTest(unittest.TestCase):
    def test_prints_the_warning_list_and_the_precheck(self):
        r = run()
        self.assertEqual(r.returncode, 0, r.stderr)
        for line in ["Case 2024-0655: 6 events,",
                     "  1. BL-UND-KVIT  underretning 'u2': Not done yet; the deadline is ahead (5 hverdage left).",
                     "     due 2025-01-22T23:59:59+01:00: 6 hverdage after 2025-01-14 (day 0) = end of 2025-01-22",
                     "  2. BL-UNDS-4M   undersoegelse 'bfu1': Not done yet; the deadline is ahead (64 days left).",
                     "Open duties without a deadline (3):",
                     "  - BL-SCR-01    underretning 'u2': The next step is not on file yet; the law sets no deadline.",
                     "Pre-check of a supportive-measure decision on 2025-01-20:",
                     "  violated   BL-BARN-VIEWS          There is no record of the child's views before the decision.",
                     "  => stop: ",
                     "  include    BL-KLAGE-WHO"]:
            self.assertIn(line, r.stdout)

    def test_same_output_as_the_c_example(self):
        c_example = os.environ.get("BARNETSLOV_C_EXAMPLE")  # CTest sets it when the examples are built
        if not c_example:
            self.skipTest("BARNETSLOV_C_EXAMPLE not set")
        for args in ([], ["2025-01-16T12:00"], ["2024-12-01"]):
            with self.subTest(args=args):
                c = subprocess.run([c_example, *args], capture_output=True, text=True)
                self.assertEqual(c.returncode, 0, c.stderr)
                self.assertEqual(run(*args).stdout, c.stdout)

    def test_as_of_from_the_command_line(self):
        # One day later, one hverdag less.
        self.assertIn("(4 hverdage left)", run("2025-01-16T12:00").stdout)

    def test_a_time_in_the_spring_gap_is_refused_in_the_loaders_words(self):
        r = run("2025-03-30T02:30")
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, "")
        self.assertIn("'2025-03-30T02:30' does not exist in Copenhagen time (the clocks skip 02:00-03:00); "
                      "give a UTC offset", r.stderr)


if __name__ == "__main__":
    unittest.main()
