"""barnetslov for Python: the rules of the Danish Children's Act checked on a case, over the C
library libbarnetslov.so.1 with ctypes (no other dependency).

    import barnetslov
    engine = barnetslov.Engine()
    case = engine.load_file("examples/03-late-24-hour-assessment.xml")
    report = engine.evaluate(case, barnetslov.instant("2025-01-15T12:00"))
    for f in report.findings:
        print(f.status, f.rule_id, f.message_en)

Findings are frozen dataclasses copied out of the report, so they outlive it. Errors raise
BarnetslovError (InputError for a case that is not valid) with the library's message.
The C library is found through BARNETSLOV_LIBRARY, next to this package, or by its soname.
"""
import ctypes
from dataclasses import dataclass, field
from datetime import datetime
from typing import Dict, List, Optional, Tuple, Union
from zoneinfo import ZoneInfo

from . import _native
from ._native import lib

__all__ = ["BarnetslovError", "InputError", "Engine", "Case", "CaseBuilder", "Report", "Finding", "EventUse",
           "ProposedDecision", "PROPOSED_DECISION_ID", "STATUSES", "version", "case_format", "instant"]

STATUSES = ("met", "late", "missed", "violated", "pending", "not_applicable", "indeterminate")
PROBLEM_STATUSES = frozenset({"late", "missed", "violated", "indeterminate"})
PHASES = ("none", "before", "with", "after")  # bl_phase
PRECHECK_LISTS = ("blocking", "to_include", "deadlines", "other")  # bl_precheck_list
PROPOSED_DECISION_ID = "proposed-decision"
_STATUS_NAMES = {0: "BL_OK", 1: "BL_ERROR_ARGUMENT", 2: "BL_ERROR_INPUT", 3: "BL_ERROR_IO", 4: "BL_ERROR_NO_MEMORY",
                 5: "BL_ERROR_RANGE", 6: "BL_ERROR_INTERNAL", 7: "BL_ERROR_STATE"}
_MARGIN_UNITS = ("seconds", "days", "hverdage")
_ROLES = ("trigger", "fulfilment", "exception", "related")
_TEXT_MESSAGE, _TEXT_COUNTING, _TEXT_BASIS, _TEXT_TITLE = 0, 2, 4, 5
_EN, _DA = 0, 1
_COPENHAGEN = ZoneInfo("Europe/Copenhagen")


class BarnetslovError(Exception):
    """A call the library refused: `status` is the bl_status name, the text its message."""

    def __init__(self, status: int, message: str):
        self.code = status
        self.status = _STATUS_NAMES.get(status, "BL_UNKNOWN_STATUS")
        super().__init__(message)


class InputError(BarnetslovError):
    """The case is not valid (BL_ERROR_INPUT) or could not be read (BL_ERROR_IO)."""


def _text(p: Optional[bytes]) -> str:
    return p.decode("utf-8", "replace") if p else ""


def _check(status: int) -> None:
    if status != 0:
        message = _text(lib.bl_last_error_message())
        raise (InputError if status in (2, 3) else BarnetslovError)(status, message)


def _bytes(s: str) -> bytes:
    if not isinstance(s, str):
        raise TypeError(f"expected str, got {type(s).__name__}")
    if "\0" in s:
        raise ValueError("a value may not contain NUL")
    return s.encode("utf-8")


def version() -> str:
    """The version of the C library loaded, e.g. "0.1.0"."""
    return _text(lib.bl_version())


def case_format() -> str:
    return _text(lib.bl_case_format())


def instant(when: Union[int, str, datetime]) -> int:
    """Unix seconds: an int as is; an ISO string or naive datetime read as Copenhagen time."""
    if isinstance(when, bool):
        raise TypeError("a time is an int, an ISO string or a datetime")
    if isinstance(when, int):
        return when
    if isinstance(when, str):
        when = datetime.fromisoformat(when)
    if isinstance(when, datetime):
        if when.tzinfo is None:
            when = when.replace(tzinfo=_COPENHAGEN)
        return int(when.timestamp())
    raise TypeError("a time is an int, an ISO string or a datetime")


@dataclass(frozen=True)
class EventUse:
    id: str
    element: str   # "underretning"
    role: str      # "trigger", "fulfilment", "exception", "related"
    line: int      # in the case file; 0 for a case built in memory


@dataclass(frozen=True)
class Finding:
    rule_id: str
    status: str
    severity: str
    section: str
    reason: str
    basis: str
    subject_id: str
    subject_line: int
    due: Optional[int]            # Unix seconds, when the finding has a deadline
    margin: Optional[int]         # > 0 to spare or left, < 0 late or overdue
    margin_unit: Optional[str]    # "seconds", "days", "hverdage"
    title_en: str
    title_da: str
    message_en: str
    message_da: str
    counting_en: str
    counting_da: str
    basis_en: str
    basis_da: str
    events: Tuple[EventUse, ...] = field(default_factory=tuple)
    phase: str = "none"           # the rule's: "before", "with" or "after" the decision, or "none"
    confidence: str = ""          # the catalog's marker of the rule version applied: "CONFIRMED", "INFERRED", ...

    @property
    def is_problem(self) -> bool:
        return self.status in PROBLEM_STATUSES


def _finding_text(f, part: int, lang: int) -> str:
    out = ctypes.c_char_p()
    _check(lib.bl_finding_text(ctypes.byref(out), f, part, lang))
    return _text(out.value)


def _finding(f) -> Finding:
    due = ctypes.c_int64()
    margin = ctypes.c_int64()
    unit = ctypes.c_int()
    has_due = lib.bl_finding_due(f, ctypes.byref(due))
    has_margin = lib.bl_finding_margin(f, ctypes.byref(margin), ctypes.byref(unit))
    events = []
    for i in range(lib.bl_finding_event_count(f)):
        eid, element, role, line = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_int(), ctypes.c_uint32()
        _check(lib.bl_finding_event(ctypes.byref(eid), ctypes.byref(element), ctypes.byref(role), ctypes.byref(line), f, i))
        events.append(EventUse(_text(eid.value), _text(element.value), _ROLES[role.value], line.value))
    return Finding(
        rule_id=_text(lib.bl_finding_rule_id(f)), status=_text(lib.bl_finding_status_name(f)),
        severity=_text(lib.bl_finding_severity(f)), section=_text(lib.bl_finding_section(f)),
        reason=_text(lib.bl_finding_reason(f)), basis=_text(lib.bl_finding_basis(f)),
        subject_id=_text(lib.bl_finding_subject_id(f)), subject_line=lib.bl_finding_subject_line(f),
        due=due.value if has_due else None, margin=margin.value if has_margin else None,
        margin_unit=_MARGIN_UNITS[unit.value] if has_margin else None,
        title_en=_finding_text(f, _TEXT_TITLE, _EN), title_da=_finding_text(f, _TEXT_TITLE, _DA),
        message_en=_finding_text(f, _TEXT_MESSAGE, _EN), message_da=_finding_text(f, _TEXT_MESSAGE, _DA),
        counting_en=_finding_text(f, _TEXT_COUNTING, _EN), counting_da=_finding_text(f, _TEXT_COUNTING, _DA),
        basis_en=_finding_text(f, _TEXT_BASIS, _EN), basis_da=_finding_text(f, _TEXT_BASIS, _DA),
        events=tuple(events), phase=PHASES[lib.bl_finding_phase(f)], confidence=_text(lib.bl_finding_confidence(f)))


class _Handle:
    """Owns one C handle and frees it exactly once."""
    _free = None

    def __init__(self, ptr: int):
        self._ptr = ptr

    def _close(self):
        if getattr(self, "_ptr", None):
            type(self)._free(self._ptr)
            self._ptr = None

    def __del__(self):
        self._close()


class Case(_Handle):
    """A case, from a file, a buffer or a CaseBuilder. Immutable; independent of the engine."""
    _free = staticmethod(lib.bl_case_free)

    @property
    def id(self) -> str:
        return _text(lib.bl_case_id(self._ptr))

    @property
    def event_count(self) -> int:
        return lib.bl_case_event_count(self._ptr)


class Report(_Handle):
    """The findings of one case as of one instant. `findings` is in the report's order."""
    _free = staticmethod(lib.bl_report_free)

    def __init__(self, ptr: int, engine: "Engine"):
        super().__init__(ptr)
        self._engine = engine  # the C report needs its engine alive
        self.findings: List[Finding] = [self._at(i) for i in range(lib.bl_report_count(ptr))]

    def _at(self, index: int) -> Finding:
        f = ctypes.c_void_p()
        _check(lib.bl_report_finding(ctypes.byref(f), self._ptr, index))
        return _finding(f)

    def _iterate(self, make) -> List[Finding]:
        it = ctypes.c_void_p()
        _check(make(ctypes.byref(it)))
        try:
            out = []
            f = ctypes.c_void_p()
            while True:
                _check(lib.bl_finding_iter_next(ctypes.byref(f), it))
                if not f.value:
                    return out
                out.append(_finding(f))
        finally:
            lib.bl_finding_iter_free(it)

    @property
    def as_of(self) -> int:
        return lib.bl_report_as_of(self._ptr)

    @property
    def has_problems(self) -> bool:
        return lib.bl_report_has_problems(self._ptr) == 1

    def pending(self) -> List[Finding]:
        """The caseworker's warning list: pending findings, those with a deadline first (earliest due
        first), then the open duties without one."""
        return self._iterate(lambda out: lib.bl_report_pending(out, self._ptr))

    def deadlines_ahead(self) -> List[Finding]:
        """The pending findings with a deadline, earliest due first."""
        return self._iterate(lambda out: lib.bl_report_deadlines_ahead(out, self._ptr))

    def open_duties(self) -> List[Finding]:
        """The pending findings without a deadline: steps the law sets no time for."""
        return self._iterate(lambda out: lib.bl_report_open_duties(out, self._ptr))

    def select(self, rule_id: Optional[str] = None, statuses=(), by_due: bool = False) -> List[Finding]:
        """The findings of one rule and/or some statuses, in report order or by due time."""
        flt = _native.bl_finding_filter(ctypes.sizeof(_native.bl_finding_filter), 0, None, 1 if by_due else 0)
        for s in statuses:
            flt.statuses |= 1 << STATUSES.index(s)
        flt.rule_id = _bytes(rule_id) if rule_id is not None else None
        return self._iterate(lambda out: lib.bl_report_findings(out, self._ptr, ctypes.byref(flt)))

    def precheck(self, which: str) -> List[Finding]:
        """A pre-check's findings in one list: "blocking" (duties due before the decision, not done:
        do not save it), "to_include" (what the decision and its letter must carry), "deadlines"
        (what it starts) or "other"."""
        return self._iterate(lambda out: lib.bl_precheck_findings(out, self._ptr, PRECHECK_LISTS.index(which)))

    def counts(self) -> Dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for f in self.findings:
            counts[f.status] += 1
        return counts

    def to_json(self) -> str:
        """The report as JSON, format "barnetslov-report" version 1 (docs/report-json.md)."""
        out = ctypes.c_void_p()
        size = ctypes.c_size_t()
        _check(lib.bl_report_to_json(ctypes.byref(out), ctypes.byref(size), self._ptr))
        try:
            return ctypes.string_at(out.value, size.value).decode("utf-8")
        finally:
            lib.bl_string_free(out)


class CaseBuilder(_Handle):
    """Builds a case call by call with the vocabulary of the case-file format. A wrong value
    raises InputError at once; finish() raises with every problem. Spent after finish()."""
    _free = staticmethod(lib.bl_builder_free)

    def __init__(self, engine: "Engine", source_name: str = "<memory>"):
        ptr = ctypes.c_void_p()
        _check(lib.bl_builder_new(ctypes.byref(ptr), engine._ptr, _bytes(source_name)))
        super().__init__(ptr.value)
        self._engine = engine

    def case_attribute(self, name: str, value: str) -> "CaseBuilder":
        _check(lib.bl_builder_case_attribute(self._ptr, _bytes(name), _bytes(value)))
        return self

    def child(self, **attributes: str) -> "CaseBuilder":
        """The child element; keyword names use _ for - (birth_date="2013-03-09")."""
        _check(lib.bl_builder_begin_child(self._ptr))
        for name, value in attributes.items():
            _check(lib.bl_builder_child_attribute(self._ptr, _bytes(name.replace("_", "-")), _bytes(value)))
        return self

    def person(self, element: str, attributes: Dict[str, str]) -> "CaseBuilder":
        _check(lib.bl_builder_begin_person(self._ptr, _bytes(element)))
        for name, value in attributes.items():
            _check(lib.bl_builder_person_attribute(self._ptr, _bytes(name), _bytes(value)))
        return self

    def event(self, element: str, attributes: Dict[str, str]) -> "CaseBuilder":
        """An event element with its attributes as in a file: {"id": "u1", "received-at": ...}."""
        _check(lib.bl_builder_begin_event(self._ptr, _bytes(element)))
        for name, value in attributes.items():
            _check(lib.bl_builder_event_attribute(self._ptr, _bytes(name), _bytes(value)))
        return self

    def finish(self) -> Case:
        out = ctypes.c_void_p()
        _check(lib.bl_builder_finish(ctypes.byref(out), self._ptr))
        return Case(out.value)


@dataclass(frozen=True)
class ProposedDecision:
    """A decision not yet made: `kind` is the vocabulary's decision kind."""
    at: Union[int, str, datetime]
    kind: str
    body: Optional[str] = None
    refs: Optional[str] = None            # event ids, space separated
    attributes: Dict[str, str] = field(default_factory=dict)  # e.g. {"has-reasons": "true"}


class Engine(_Handle):
    """The rules and the calendar. Immutable: share one between threads."""
    _free = staticmethod(lib.bl_engine_free)

    def __init__(self, grundlovsdag_off: bool = True, juleaftensdag_off: bool = True, nytaarsaftensdag_off: bool = True,
                 readings: Optional[Dict[str, Union[str, int]]] = None):
        """`readings`: the law README's readings a user may choose, as `barnetslov check --reading`
        takes them, e.g. {"supervision-year": "calendar", "receipt-post-hverdage": 4}. An unknown
        name or a value the reading does not take raises BarnetslovError (BL_ERROR_ARGUMENT)
        naming the valid ones. A holiday reading here wins over the *_off argument."""
        pairs = []
        for name, value in (readings or {}).items():
            if isinstance(value, bool) or not isinstance(value, (str, int)):
                raise TypeError(f"reading {name!r}: expected str or int, got {type(value).__name__}")
            pairs += [_bytes(name), _bytes(str(value))]
        array = (ctypes.c_char_p * (len(pairs) + 1))(*pairs, None)  # kept alive through the call
        options = _native.bl_engine_options(ctypes.sizeof(_native.bl_engine_options), int(grundlovsdag_off),
                                            int(juleaftensdag_off), int(nytaarsaftensdag_off), 0,
                                            ctypes.cast(array, ctypes.POINTER(ctypes.c_char_p)) if pairs else None)
        ptr = ctypes.c_void_p()
        _check(lib.bl_engine_new(ctypes.byref(ptr), ctypes.byref(options)))
        super().__init__(ptr.value)

    @property
    def rule_count(self) -> int:
        return lib.bl_engine_rule_count(self._ptr)

    @property
    def readings(self) -> Dict[str, str]:
        """Every reading a user may choose and the value this engine judges by, in the law README's
        order: {"supervision-year": "placement", ..., "before-record-months": "6"}."""
        out = {}
        for i in range(lib.bl_engine_reading_count(self._ptr)):
            name, value = ctypes.c_char_p(), ctypes.c_char_p()
            _check(lib.bl_engine_reading(ctypes.byref(name), ctypes.byref(value), None, self._ptr, i))
            out[_text(name.value)] = _text(value.value)
        return out

    def load_file(self, path) -> Case:
        out = ctypes.c_void_p()
        _check(lib.bl_case_load_file(ctypes.byref(out), self._ptr, _bytes(str(path))))
        return Case(out.value)

    def load_buffer(self, data: bytes, source_name: str = "<memory>") -> Case:
        out = ctypes.c_void_p()
        _check(lib.bl_case_load_buffer(ctypes.byref(out), self._ptr, bytes(data), len(data), _bytes(source_name)))
        return Case(out.value)

    def builder(self, source_name: str = "<memory>") -> CaseBuilder:
        return CaseBuilder(self, source_name)

    def evaluate(self, case: Case, as_of: Union[int, str, datetime]) -> Report:
        out = ctypes.c_void_p()
        _check(lib.bl_evaluate(ctypes.byref(out), self._ptr, case._ptr, instant(as_of)))
        return Report(out.value, self)

    def precheck_decision(self, case: Case, decision: ProposedDecision, as_of: Union[int, str, datetime]) -> Report:
        """The findings `decision` would give if it were made: only those about it."""
        pairs = [_bytes(x) for kv in decision.attributes.items() for x in kv] + [None]
        attributes = (ctypes.c_char_p * len(pairs))(*pairs)
        d = _native.bl_proposed_decision(ctypes.sizeof(_native.bl_proposed_decision), instant(decision.at),
                                         _bytes(decision.kind), _bytes(decision.body) if decision.body else None,
                                         _bytes(decision.refs) if decision.refs else None,
                                         ctypes.cast(attributes, ctypes.POINTER(ctypes.c_char_p)))
        out = ctypes.c_void_p()
        _check(lib.bl_precheck_decision(ctypes.byref(out), self._ptr, case._ptr, ctypes.byref(d), instant(as_of)))
        return Report(out.value, self)

    def precheck_event(self, case: Case, element: str, attributes: Dict[str, str], as_of: Union[int, str, datetime]) -> Report:
        """As precheck_decision, for any event (a plan, a follow-up, ...) in the file format's words."""
        pairs = [_bytes(x) for kv in attributes.items() for x in kv] + [None]
        array = (ctypes.c_char_p * len(pairs))(*pairs)
        e = _native.bl_proposed_event(ctypes.sizeof(_native.bl_proposed_event), _bytes(element),
                                      ctypes.cast(array, ctypes.POINTER(ctypes.c_char_p)))
        out = ctypes.c_void_p()
        _check(lib.bl_precheck_event(ctypes.byref(out), self._ptr, case._ptr, ctypes.byref(e), instant(as_of)))
        return Report(out.value, self)
