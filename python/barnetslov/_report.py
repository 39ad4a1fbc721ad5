"""A report: the findings of one case as of one instant."""
import ctypes
from dataclasses import dataclass
from datetime import datetime
from typing import Dict, Iterable, Iterator, Optional, Tuple

from . import _native
from ._errors import check, owned_text, to_bytes
from ._findings import STATUSES, Finding, read_finding
from ._handle import Handle
from ._native import lib
from ._times import from_seconds

PRECHECK_LISTS = ("blocking", "to_include", "deadlines", "other")  # bl_precheck_list
_ORDER_REPORT, _ORDER_DUE = 0, 1  # bl_order


@dataclass(frozen=True)
class LaterEvent:
    """An event dated after a report's as-of time."""
    id: str
    element: str
    at: datetime  # Copenhagen time; a date's start of day
    line: int     # in the case file; 0 in memory


class Report(Handle):
    """The findings of one case as of one instant, from Engine.evaluate() or a pre-check.
    Iterating gives the findings in the report's order (rule, then event); the selections
    (pending(), select(), ...) are tuples of the same frozen findings."""
    _free = staticmethod(lib.bl_report_free)
    _what = "report"

    def __init__(self, ptr: int, engine: Handle) -> None:
        super().__init__(ptr, keeps=engine)  # the C report needs its engine alive
        self._findings = tuple(self._at(i) for i in range(lib.bl_report_count(ptr)))
        self._as_of = from_seconds(lib.bl_report_as_of(ptr))
        self._has_problems = lib.bl_report_has_problems(ptr) == 1
        self._later = tuple(self._event_after(i) for i in range(lib.bl_report_events_after_as_of(ptr)))

    def _event_after(self, index: int) -> "LaterEvent":
        eid, element, at, line = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_int64(), ctypes.c_uint32()
        check(lib.bl_report_event_after_as_of(ctypes.byref(eid), ctypes.byref(element), ctypes.byref(at), ctypes.byref(line),
                                              self._ptr, index))
        return LaterEvent(eid.value.decode("utf-8", "replace"), element.value.decode(), from_seconds(at.value), line.value)

    @property
    def events_after_as_of(self) -> Tuple["LaterEvent", ...]:
        """The case's events dated after the as-of time, in time order: not judged (a planned
        kvittering does not make its duty met), and listed so that nothing is left out silently."""
        return self._later

    def _at(self, index: int) -> Finding:
        f = ctypes.c_void_p()
        check(lib.bl_report_finding(ctypes.byref(f), self._ptr, index))
        return read_finding(f)

    def _iterate(self, make) -> Tuple[Finding, ...]:
        it = ctypes.c_void_p()
        check(make(ctypes.byref(it)))
        try:
            out = []
            f = ctypes.c_void_p()
            while True:
                check(lib.bl_finding_iter_next(ctypes.byref(f), it))
                if not f.value:
                    return tuple(out)
                out.append(read_finding(f))
        finally:
            lib.bl_finding_iter_free(it)

    @property
    def findings(self) -> Tuple[Finding, ...]:
        """Every finding, in the report's order. Still there after close()."""
        return self._findings

    def __iter__(self) -> Iterator[Finding]:
        return iter(self._findings)

    def __len__(self) -> int:
        return len(self._findings)

    @property
    def as_of(self) -> datetime:
        """The instant the report judges as of, in Copenhagen time."""
        return self._as_of

    @property
    def has_problems(self) -> bool:
        """Whether any finding is late, missed, violated or indeterminate."""
        return self._has_problems

    def __repr__(self) -> str:
        state = "closed, " if self.closed else ""
        return f"<barnetslov.Report {state}{len(self._findings)} findings as of {self._as_of.isoformat()}>"

    def counts(self) -> Dict[str, int]:
        """How many findings have each status, every status present: {"met": 3, "late": 1, ...}."""
        counts = dict.fromkeys(STATUSES, 0)
        for f in self._findings:
            counts[f.status] += 1
        return counts

    def pending(self) -> Tuple[Finding, ...]:
        """The caseworker's warning list: deadlines_ahead(), then open_duties()."""
        return self._iterate(lambda out: lib.bl_report_pending(out, self._ptr))

    def deadlines_ahead(self) -> Tuple[Finding, ...]:
        """The pending findings with a deadline, earliest due first."""
        return self._iterate(lambda out: lib.bl_report_deadlines_ahead(out, self._ptr))

    def open_duties(self) -> Tuple[Finding, ...]:
        """The pending findings without a deadline (steps the law sets no time for), in report order."""
        return self._iterate(lambda out: lib.bl_report_open_duties(out, self._ptr))

    def select(self, rule_id: Optional[str] = None, statuses: Iterable[str] = (), by_due: bool = False) -> Tuple[Finding, ...]:
        """The findings of one rule and/or of some statuses (all when not given), in the report's
        order or, with by_due, earliest due first and those without a deadline last."""
        flt = _native.bl_finding_filter()
        check(lib.bl_finding_filter_init(ctypes.byref(flt)))
        for s in statuses:
            if s not in STATUSES:
                raise ValueError(f"unknown status {s!r} (statuses: {', '.join(STATUSES)})")
            flt.statuses |= 1 << STATUSES.index(s)
        flt.rule_id = to_bytes(rule_id) if rule_id is not None else None
        flt.order = _ORDER_DUE if by_due else _ORDER_REPORT
        return self._iterate(lambda out: lib.bl_report_findings(out, self._ptr, ctypes.byref(flt)))

    def precheck(self, which: str) -> Tuple[Finding, ...]:
        """One list of a pre-check's findings: "blocking" (duties due before the decision that are
        not done: do not save it), "to_include" (what the decision and its letter must carry),
        "deadlines" (what it starts) or "other". A report that is not a pre-check's raises
        BarnetslovError (BL_ERROR_ARGUMENT)."""
        if which not in PRECHECK_LISTS:
            raise ValueError(f"unknown pre-check list {which!r} (lists: {', '.join(PRECHECK_LISTS)})")
        return self._iterate(lambda out: lib.bl_precheck_findings(out, self._ptr, PRECHECK_LISTS.index(which)))

    def to_json(self) -> str:
        """The report as JSON, format "barnetslov-report" version 1 (docs/report-json.md)."""
        return owned_text(lambda out, size: lib.bl_report_to_json(out, size, self._ptr))
