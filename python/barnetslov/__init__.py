"""barnetslov for Python: the rules of the Danish Children's Act checked on a case, over the C
library libbarnetslov.so.1 with ctypes (no other dependency).

    from datetime import datetime
    import barnetslov

    with barnetslov.Engine() as engine:
        case = engine.load_file("examples/03-late-24-hour-assessment.xml")
        report = engine.evaluate(case, datetime(2025, 1, 15, 12, 0))  # naive: Copenhagen time
        for f in report:
            print(f.status, f.rule_id, f.message_en)

Times are datetimes: a naive one is Copenhagen wall-clock time, converted by the library (a time
the clocks skip or pass twice is refused, as in a case file); an aware one is taken by its
offset; a string is read as a case file writes it. Times coming out (Finding.due, Report.as_of)
are aware datetimes in Europe/Copenhagen. Findings are frozen dataclasses copied out of the
report, so they outlive it. Engine, Case, CaseBuilder and Report are context managers. Errors
raise BarnetslovError (InputError for a case that is not valid, with every problem) carrying
the library's message. The C library is found through BARNETSLOV_LIBRARY, next to this package,
or by its soname (README.md).
"""
from ._builder import CaseBuilder
from ._case import Case
from ._engine import PROPOSED_DECISION_ID, PROPOSED_EVENT_ID, Engine, ProposedDecision, ProposedEvent
from ._errors import BarnetslovError, InputError, InputProblem, owned_text as _owned_text, text as _text
from ._findings import PHASES, PROBLEM_STATUSES, STATUSES, EventUse, Finding
from ._native import lib as _lib
from ._report import PRECHECK_LISTS, LaterEvent, Report

__all__ = ["BarnetslovError", "InputError", "InputProblem", "Engine", "Case", "CaseBuilder", "Report", "LaterEvent", "Finding",
           "EventUse", "ProposedDecision", "ProposedEvent", "PROPOSED_DECISION_ID", "PROPOSED_EVENT_ID", "STATUSES",
           "PROBLEM_STATUSES", "PHASES", "PRECHECK_LISTS", "DOCUMENTS", "version", "case_format", "format_document"]

# bl_document: the descriptions of the case-file format, generated from the vocabulary table.
DOCUMENTS = {"vocabulary": 0, "json-schema": 1, "xsd": 2, "reference": 3}


def version() -> str:
    """The version of the C library loaded, e.g. "0.2.0" (an installed package has the same)."""
    return _text(_lib.bl_version())


def case_format() -> str:
    """The case-file format the library reads: "urn:barnetslov:case:1"."""
    return _text(_lib.bl_case_format())


def format_document(which: str) -> str:
    """A description of the case-file format, as `barnetslov schema` prints it and
    share/barnetslov/ holds it: "vocabulary" (JSON: every event type, attribute, value type and
    enumeration, for mapping one's own tables), "json-schema", "xsd" or "reference" (Markdown)."""
    if which not in DOCUMENTS:
        raise ValueError(f"format_document: {which!r} is not one of {', '.join(DOCUMENTS)}")
    return _owned_text(lambda out, size: _lib.bl_format_document(out, size, DOCUMENTS[which]))
