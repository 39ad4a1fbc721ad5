#!/usr/bin/env python3
"""A case system's warning list, in Python over libbarnetslov.so.1: the twin of
examples/c/warning_list.c, printing the same.

The case lives in the vendor's database, not in a file: its rows, with their local times as
naive datetimes (Copenhagen wall-clock time, as case systems hold them), are handed to the case
builder; the library converts the times, so a time the clocks skip or pass twice is refused, not
guessed. The case is evaluated, the deadlines still ahead are listed earliest first, then the
open duties the law sets no time for; then a decision the caseworker is about to make is
pre-checked, so the system can stop it before it is made.

    BARNETSLOV_LIBRARY=build/libbarnetslov.so.1 PYTHONPATH=python python3 examples/python/warning_list.py [AS_OF]

AS_OF is a Copenhagen time as a case file writes it; default 2025-01-15T12:00.
Exit code: 0, or 1 when the library refuses something (its message on stderr).
"""
import sys
from datetime import date, datetime

import barnetslov

# The vendor's event table: element, then the attributes in the case-file format's names.
EVENTS = [
    ("underretning", {"id": "u1", "received-at": datetime(2024, 11, 20, 9, 0), "notifier": "professional",
                      "notifier-role": "school", "channel": "digital"}),
    ("akutvurdering", {"id": "a1", "at": datetime(2024, 11, 20, 14, 0), "ref": "u1", "danger": False,
                       "acute-measures": False}),
    ("kvittering", {"id": "k1", "at": date(2024, 11, 22), "ref": "u1"}),
    ("undersoegelse", {"id": "bfu1", "at": date(2024, 11, 26), "ref": "u1"}),
    ("underretning", {"id": "u2", "received-at": datetime(2025, 1, 14, 10, 30), "notifier": "professional",
                      "notifier-role": "doctor", "channel": "phone"}),
    ("akutvurdering", {"id": "a2", "at": datetime(2025, 1, 14, 15, 0), "ref": "u2", "danger": False,
                       "acute-measures": False}),
]


def build_case(engine: barnetslov.Engine) -> barnetslov.Case:
    # No check after each row: the builder keeps every problem, and finish() raises one
    # InputError with all of them.
    with engine.builder("case 2024-0655") as builder:
        builder.case(id="2024-0655", municipality="0851").child(birth_date=date(2012, 10, 10))
        for element, attributes in EVENTS:
            builder.event(element, attributes)
        return builder.finish()


def subject(f: barnetslov.Finding) -> str:
    return f"{f.events[0].element} '{f.events[0].id}'"


def print_warning_list(report: barnetslov.Report) -> None:
    ahead = report.deadlines_ahead()
    print(f"Deadlines ahead, earliest first ({len(ahead)}):")
    for n, f in enumerate(ahead, 1):
        print(f"  {n}. {f.rule_id:<12} {subject(f)}: {f.message_en}")
        print(f"     due {f.due.isoformat()}: {f.counting_en}")
    duties = report.open_duties()
    print(f"Open duties without a deadline ({len(duties)}):")
    for f in duties:
        print(f"  - {f.rule_id:<12} {subject(f)}: {f.message_en}")


def precheck(engine: barnetslov.Engine, case: barnetslov.Case, as_of) -> None:
    decision = barnetslov.ProposedDecision(
        at=datetime(2025, 1, 20, 10, 0), kind="supportive-measure", refs="bfu1",
        attributes={"section": "§ 32 stk. 1 nr. 3", "has-reasons": True, "has-klagevejledning": True})
    with engine.precheck_decision(case, decision, as_of) as report:
        print(f"Pre-check of a supportive-measure decision on {decision.at:%Y-%m-%d}:")
        for f in report:
            print(f"  {f.status:<10} {f.rule_id:<22} {f.message_en}")
        # Only what is due before the decision stops it; what the decision must carry is for its letter.
        blocking = report.precheck("blocking")
        if blocking:
            print(f"  => stop: {len(blocking)} duty(ies) due before the decision not done")
        else:
            print("  => no objection")
        for f in report.precheck("to_include"):
            print(f"  include    {f.rule_id}")


def main() -> int:
    with barnetslov.Engine() as engine:
        try:
            as_of = engine.parse_time(sys.argv[1] if len(sys.argv) > 1 else "2025-01-15T12:00")
            with build_case(engine) as case, engine.evaluate(case, as_of) as report:
                print(f"Case {case.id}: {case.event_count} events, {len(report)} findings")
                print_warning_list(report)
                precheck(engine, case, as_of)
        except barnetslov.BarnetslovError as e:
            print(f"{e.status}\n{e}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
