#!/usr/bin/env python3
"""An analyst's loop: every case file in a folder, evaluated as of one instant, one row per case
with the count of each status, and a total. Files that are not valid cases are listed with the
library's message instead of stopping the run.

    BARNETSLOV_LIBRARY=build/libbarnetslov.so.1 PYTHONPATH=python \\
        python3 examples/python/status_table.py examples --as-of 2025-01-15T12:00

--as-of is a Copenhagen time as a case file writes it (default: examples/expected/AS_OF, so the
output is reproducible). Exit code: 0, 1 when a file could not be read, 2 for a wrong --as-of.
"""
import argparse
import sys
from pathlib import Path

import barnetslov

COLUMNS = [("met", "met"), ("late", "late"), ("missed", "missed"), ("violated", "viol."), ("pending", "pend."),
           ("not_applicable", "n/a"), ("indeterminate", "indet.")]


def main() -> int:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, nargs="?", default=here.parent)
    parser.add_argument("--as-of", default=(here.parent / "expected" / "AS_OF").read_text().strip())
    args = parser.parse_args()

    engine = barnetslov.Engine()
    try:
        as_of = engine.parse_time(args.as_of)  # read as a case file's times are, by the library
    except barnetslov.InputError as e:
        parser.error(f"--as-of: {e}")
    total = dict.fromkeys(barnetslov.STATUSES, 0)
    failed = []
    print(f"{'file':<56} {'case':<10}" + "".join(f"{title:>7}" for _, title in COLUMNS))
    for path in sorted(args.folder.glob("*.xml")):
        try:
            case = engine.load_file(path)
        except barnetslov.InputError as e:
            failed.append((path.name, str(e)))
            continue
        counts = engine.evaluate(case, as_of).counts()
        for status, n in counts.items():
            total[status] += n
        print(f"{path.name:<56} {case.id:<10}" + "".join(f"{counts[s]:>7}" for s, _ in COLUMNS))
    print(f"{'total':<67}" + "".join(f"{total[s]:>7}" for s, _ in COLUMNS))
    decided = total["met"] + total["late"] + total["missed"] + total["violated"]
    if decided:
        print(f"share on time: {total['met'] / decided:.1%} of {decided} duties decided "
              f"(pending, n/a and indeterminate not counted)")
    for name, message in failed:
        print(f"not read: {name}: {message}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
