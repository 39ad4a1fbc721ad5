"""Findings, copied out of a report into frozen dataclasses, so that they outlive it."""
import ctypes
from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional, Tuple

from ._errors import check, text
from ._native import lib
from ._times import from_seconds

STATUSES = ("met", "late", "missed", "violated", "pending", "not_applicable", "indeterminate")
PROBLEM_STATUSES = frozenset({"late", "missed", "violated", "indeterminate"})
PHASES = ("none", "before", "with", "after")  # bl_phase
_MARGIN_UNITS = ("seconds", "days", "hverdage")  # bl_margin_unit
_ROLES = ("trigger", "fulfilment", "exception", "related")  # bl_event_role
_TEXT_MESSAGE, _TEXT_COUNTING, _TEXT_BASIS, _TEXT_TITLE = 0, 2, 4, 5  # bl_text
_EN, _DA = 0, 1  # bl_lang


@dataclass(frozen=True)
class EventUse:
    """An event a finding rests on, and what it is to the finding."""
    id: str
    element: str   # "underretning"
    role: str      # "trigger", "fulfilment", "exception", "related"
    line: int      # in the case file; 0 for a case built in memory


@dataclass(frozen=True)
class Finding:
    """One rule's verdict on one duty. The texts (English and Danish) are left out of repr()."""
    rule_id: str
    status: str                   # one of STATUSES
    severity: str                 # "error", "warning", "info"
    section: str                  # "barnets lov § 136", "" when none applied
    reason: str                   # a stable key: "done_late", "views_missing", ...
    basis: str                    # the lawful exception relied on ("foreloebig_vurdering"), or ""
    subject_id: str               # the event the duty is about
    subject_line: int             # its line in the case file; 0 in memory
    due: Optional[datetime]       # the last allowed second, in Copenhagen time, when there is a deadline
    margin: Optional[int]         # > 0 to spare or left, < 0 late or overdue, in margin_unit
    margin_unit: Optional[str]    # "seconds", "days", "hverdage"
    phase: str                    # the rule's: "before", "with" or "after" the decision, or "none"
    confidence: str               # the catalog's marker of the rule version applied: "CONFIRMED", "INFERRED", ...
    title_en: str = field(repr=False)
    title_da: str = field(repr=False)
    message_en: str = field(repr=False)
    message_da: str = field(repr=False)
    counting_en: str = field(repr=False)  # how the deadline was counted, or ""
    counting_da: str = field(repr=False)
    basis_en: str = field(repr=False)
    basis_da: str = field(repr=False)
    events: Tuple[EventUse, ...] = field(repr=False)  # the subject first

    @property
    def is_problem(self) -> bool:
        """Late, missed, violated or indeterminate."""
        return self.status in PROBLEM_STATUSES


def _text_of(f, part: int, lang: int) -> str:
    out = ctypes.c_char_p()
    check(lib.bl_finding_text(ctypes.byref(out), f, part, lang))
    return text(out.value)


def read_finding(f) -> Finding:
    """A copy of the C finding `f` (owned by its report, which must be alive)."""
    due = ctypes.c_int64()
    margin = ctypes.c_int64()
    unit = ctypes.c_int()
    has_due = lib.bl_finding_due(f, ctypes.byref(due))
    has_margin = lib.bl_finding_margin(f, ctypes.byref(margin), ctypes.byref(unit))
    events = []
    for i in range(lib.bl_finding_event_count(f)):
        eid, element, role, line = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_int(), ctypes.c_uint32()
        check(lib.bl_finding_event(ctypes.byref(eid), ctypes.byref(element), ctypes.byref(role), ctypes.byref(line), f, i))
        events.append(EventUse(text(eid.value), text(element.value), _ROLES[role.value], line.value))
    return Finding(
        rule_id=text(lib.bl_finding_rule_id(f)), status=text(lib.bl_finding_status_name(f)),
        severity=text(lib.bl_finding_severity(f)), section=text(lib.bl_finding_section(f)),
        reason=text(lib.bl_finding_reason(f)), basis=text(lib.bl_finding_basis(f)),
        subject_id=text(lib.bl_finding_subject_id(f)), subject_line=lib.bl_finding_subject_line(f),
        due=from_seconds(due.value) if has_due else None, margin=margin.value if has_margin else None,
        margin_unit=_MARGIN_UNITS[unit.value] if has_margin else None,
        phase=PHASES[lib.bl_finding_phase(f)], confidence=text(lib.bl_finding_confidence(f)),
        title_en=_text_of(f, _TEXT_TITLE, _EN), title_da=_text_of(f, _TEXT_TITLE, _DA),
        message_en=_text_of(f, _TEXT_MESSAGE, _EN), message_da=_text_of(f, _TEXT_MESSAGE, _DA),
        counting_en=_text_of(f, _TEXT_COUNTING, _EN), counting_da=_text_of(f, _TEXT_COUNTING, _DA),
        basis_en=_text_of(f, _TEXT_BASIS, _EN), basis_da=_text_of(f, _TEXT_BASIS, _DA),
        events=tuple(events))
