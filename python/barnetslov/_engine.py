"""The engine: the rules and the calendar, and everything that reads or judges a case."""
import ctypes
import os
import warnings
from dataclasses import dataclass, field
from datetime import datetime
from typing import Dict, List, Mapping, Optional, Tuple, Union

from . import _native
from ._builder import CaseBuilder
from ._case import Case
from ._errors import check, path_bytes, text, to_bytes
from ._handle import Handle
from ._native import lib
from ._report import Report
from ._times import Time, Value, attribute_text, from_seconds, to_seconds

PROPOSED_DECISION_ID = "proposed-decision"  # BL_PROPOSED_DECISION_ID
PROPOSED_EVENT_ID = "proposed-event"        # BL_PROPOSED_EVENT_ID


@dataclass(frozen=True)
class ProposedDecision:
    """A decision not yet made, for Engine.precheck_decision(). `kind` is the vocabulary's
    decision kind ("supportive-measure"); `attributes` further attributes of the afgoerelse, as in
    a file ({"has-reasons": True, "section": "§ 32 stk. 1 nr. 3"})."""
    at: Time
    kind: str
    body: Optional[str] = None            # who would decide: "municipality", "committee", ...
    refs: Optional[str] = None            # ids of the events it rests on, space separated
    attributes: Mapping[str, Optional[Value]] = field(default_factory=dict)


@dataclass(frozen=True)
class ProposedEvent:
    """Any event not yet on file (a plan, a follow-up, a measure's start), for
    Engine.precheck_event(): its element, its time (a date alone is its day) and its other
    attributes as in a file, without "id" and "at"."""
    element: str
    at: Time
    attributes: Mapping[str, Optional[Value]] = field(default_factory=dict)


def _attribute_array(pairs: Mapping[str, Optional[Value]]):
    """name, value, ..., NULL as the C API takes attributes; the array keeps its bytes alive.
    None leaves an attribute out, as in the builder."""
    flat: List[Optional[bytes]] = []
    for name, value in pairs.items():
        if value is not None:
            flat += [to_bytes(name), to_bytes(attribute_text(name, value))]
    flat.append(None)
    return (ctypes.c_char_p * len(flat))(*flat)


def _as_pointer(array):
    return ctypes.cast(array, ctypes.POINTER(ctypes.c_char_p))


class Engine(Handle):
    """The rules and the calendar. Immutable: share one between threads.

    `readings`: the law README's readings a user may choose, as `barnetslov check --reading`
    takes them, e.g. {"supervision-year": "calendar", "receipt-post-hverdage": 4}. An unknown
    name or a value the reading does not take raises BarnetslovError (BL_ERROR_ARGUMENT) naming
    the valid ones."""
    _free = staticmethod(lib.bl_engine_free)
    _what = "engine"

    def __init__(self, readings: Optional[Mapping[str, Union[str, int]]] = None, *,
                 grundlovsdag_off: Optional[bool] = None, juleaftensdag_off: Optional[bool] = None,
                 nytaarsaftensdag_off: Optional[bool] = None) -> None:
        options = _native.bl_engine_options()
        check(lib.bl_engine_options_init(ctypes.byref(options)))
        # The *_off keywords are the holiday readings under their older names; a reading wins.
        for name, off in (("grundlovsdag", grundlovsdag_off), ("juleaftensdag", juleaftensdag_off),
                          ("nytaarsaftensdag", nytaarsaftensdag_off)):
            if off is not None:
                warnings.warn(f"Engine({name}_off=...) is readings={{{name!r}: 'holiday' or 'working'}}",
                              DeprecationWarning, stacklevel=2)
                setattr(options, f"{name}_off", int(bool(off)))
        pairs = []
        for name, value in (readings or {}).items():
            if isinstance(value, bool) or not isinstance(value, (str, int)):
                raise TypeError(f"reading {name!r}: expected str or int, got {type(value).__name__}")
            pairs += [to_bytes(name), to_bytes(str(value))]
        array = (ctypes.c_char_p * (len(pairs) + 1))(*pairs, None)  # alive through the call
        if pairs:
            options.readings = _as_pointer(array)
        ptr = ctypes.c_void_p()
        check(lib.bl_engine_new(ctypes.byref(ptr), ctypes.byref(options)))
        super().__init__(ptr.value)

    def __repr__(self) -> str:
        if self.closed:
            return "<barnetslov.Engine closed>"
        chosen = {name: value for name, value, default in self._reading_table() if value != default}
        return f"<barnetslov.Engine {self.rule_count} rules{', readings ' + repr(chosen) if chosen else ''}>"

    @property
    def rule_count(self) -> int:
        return lib.bl_engine_rule_count(self._ptr)

    def _reading_table(self) -> List[Tuple[str, str, str]]:
        out = []
        for i in range(lib.bl_engine_reading_count(self._ptr)):
            name, value, default = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_char_p()
            check(lib.bl_engine_reading(ctypes.byref(name), ctypes.byref(value), ctypes.byref(default), self._ptr, i))
            out.append((text(name.value), text(value.value), text(default.value)))
        return out

    @property
    def readings(self) -> Dict[str, str]:
        """Every reading a user may choose and the value this engine judges by, in the law
        README's order: {"supervision-year": "placement", ..., "before-record-months": "6"}."""
        return {name: value for name, value, _ in self._reading_table()}

    def parse_time(self, value: str) -> datetime:
        """A time as a case file writes it ("2025-01-15T12:00", "2025-01-15" for the start of
        that day, "2025-01-15T11:00Z"), read by the library, in Copenhagen time. A time the clocks
        skip or pass twice raises InputError in the loader's words."""
        if not isinstance(value, str):
            raise TypeError(f"parse_time: expected str, got {type(value).__name__}")
        return from_seconds(to_seconds(self._ptr, value, "parse_time"))

    def _load_file(self, load, path: Union[str, bytes, "os.PathLike[str]"]) -> Case:
        out = ctypes.c_void_p()
        check(load(ctypes.byref(out), self._ptr, path_bytes(path)))
        return Case(out.value)

    def _load_buffer(self, load, data: bytes, source_name: str) -> Case:
        data = bytes(data)
        out = ctypes.c_void_p()
        check(load(ctypes.byref(out), self._ptr, data, len(data), to_bytes(source_name)))
        return Case(out.value)

    def load_file(self, path: Union[str, bytes, "os.PathLike[str]"]) -> Case:
        """A case file (a str, bytes or path-like name). InputError names file, line and column."""
        return self._load_file(lib.bl_case_load_file, path)

    def load_buffer(self, data: bytes, source_name: str = "<memory>") -> Case:
        """A case file's bytes; `source_name` names them in messages."""
        return self._load_buffer(lib.bl_case_load_buffer, data, source_name)

    def load_json_file(self, path: Union[str, bytes, "os.PathLike[str]"]) -> Case:
        """A JSON case file (schema/README.md): InputError names line, column and JSON pointer."""
        return self._load_file(lib.bl_case_load_json_file, path)

    def load_json_buffer(self, data: bytes, source_name: str = "<memory>") -> Case:
        """A JSON case file's bytes; `source_name` names them in messages."""
        return self._load_buffer(lib.bl_case_load_json_buffer, data, source_name)

    def builder(self, source_name: str = "<memory>") -> CaseBuilder:
        """A CaseBuilder; `source_name` names the case in messages."""
        return CaseBuilder(self, source_name)

    def evaluate(self, case: Case, as_of: Time, planned: bool = False) -> Report:
        """Every rule on `case` as of `as_of`. Events dated after it are not judged and are listed
        in Report.events_after_as_of; with planned=True every duty one of them touches is judged
        as if it happens as planned, those findings flagged Finding.planned (a "what if" view)."""
        options = _native.bl_evaluate_options()
        check(lib.bl_evaluate_options_init(ctypes.byref(options)))
        options.planned = 1 if planned else 0
        out = ctypes.c_void_p()
        check(lib.bl_evaluate_with(ctypes.byref(out), self._ptr, case._ptr, to_seconds(self._ptr, as_of, "as_of"),
                                   ctypes.byref(options)))
        return Report(out.value, self)

    def precheck_decision(self, case: Case, decision: ProposedDecision, as_of: Time) -> Report:
        """The findings `decision` would give if it were made: only those about it, as of the
        later of `as_of` and its time. Report.precheck() sorts them by what to do."""
        attributes = _attribute_array(decision.attributes)
        d = _native.bl_proposed_decision()
        check(lib.bl_proposed_decision_init(ctypes.byref(d)))
        d.at = to_seconds(self._ptr, decision.at, "ProposedDecision.at")
        d.kind = to_bytes(decision.kind)
        d.body = to_bytes(decision.body) if decision.body is not None else None
        d.refs = to_bytes(decision.refs) if decision.refs is not None else None
        d.attributes = _as_pointer(attributes)
        out = ctypes.c_void_p()
        check(lib.bl_precheck_decision(ctypes.byref(out), self._ptr, case._ptr, ctypes.byref(d),
                                       to_seconds(self._ptr, as_of, "as_of")))
        return Report(out.value, self)

    def precheck_event(self, case: Case, event: ProposedEvent, as_of: Time) -> Report:
        """As precheck_decision, for any event: added with id PROPOSED_EVENT_ID."""
        if not isinstance(event.at, (datetime, str)):
            raise TypeError(f"ProposedEvent.at: a time is a datetime or a string, not {type(event.at).__name__}")
        if {"id", "at"} & set(event.attributes):
            raise ValueError("ProposedEvent.attributes: the id is PROPOSED_EVENT_ID and the time is ProposedEvent.at")
        attributes = _attribute_array({"at": event.at, **event.attributes})
        e = _native.bl_proposed_event()
        check(lib.bl_proposed_event_init(ctypes.byref(e)))
        e.element = to_bytes(event.element)
        e.attributes = _as_pointer(attributes)
        out = ctypes.c_void_p()
        check(lib.bl_precheck_event(ctypes.byref(out), self._ptr, case._ptr, ctypes.byref(e),
                                    to_seconds(self._ptr, as_of, "as_of")))
        return Report(out.value, self)
