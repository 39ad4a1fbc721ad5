"""A case built element by element from a case system's own rows."""
import ctypes
import warnings
from typing import Mapping, Optional

from ._case import Case
from ._errors import ERROR_INPUT, check, last_error, to_bytes
from ._handle import Handle
from ._native import lib
from ._times import Value, attribute_text

Attributes = Optional[Mapping[str, Optional[Value]]]


def _pairs(attributes: Attributes, keywords: Mapping[str, Optional[Value]]):
    """Name and text of each attribute: the mapping's names as in the file format, keyword names
    with _ for - (birth_date= is birth-date; the format has no name with _). None is left out,
    as a NULL column of a row would be."""
    named = dict(attributes or {})
    named.update((k.replace("_", "-"), v) for k, v in keywords.items())
    return [(to_bytes(n), to_bytes(attribute_text(n, v))) for n, v in named.items() if v is not None]


class CaseBuilder(Handle):
    """Builds a case with the vocabulary of the case-file format, from an Engine's builder().

    Each element takes its attributes as a mapping in the file format's names, as keywords (with
    _ for -), or both; a value is a str as a file holds it, a datetime (naive: Copenhagen
    wall-clock time), a date, a bool or an int:

        case = (engine.builder("case 2024-0655")
                .case(id="2024-0655", municipality="0851")
                .child(birth_date=date(2012, 10, 10))
                .event("underretning", id="u1", received_at=datetime(2024, 11, 20, 9, 0), notifier="professional")
                .finish())

    A wrong value does not stop the building: finish() raises one InputError with every problem
    (its `problems` in input order), as loading a file does. Spent after finish()."""
    _free = staticmethod(lib.bl_builder_free)
    _what = "builder"

    def __init__(self, engine: Handle, source_name: str = "<memory>") -> None:
        ptr = ctypes.c_void_p()
        check(lib.bl_builder_new(ctypes.byref(ptr), engine._ptr, to_bytes(source_name)))
        super().__init__(ptr.value, keeps=engine)  # the C builder uses the engine's calendar
        self._source_name = source_name

    def __repr__(self) -> str:
        return f"<barnetslov.CaseBuilder {self._source_name!r}{', closed' if self.closed else ''}>"

    @staticmethod
    def _call(status: int) -> None:
        # The C builder keeps every input problem for bl_builder_finish; anything else (a call out
        # of order, no memory) is not about the case and is raised now.
        if status not in (0, ERROR_INPUT):
            raise last_error(status)

    def _element(self, begin, set_attribute, attributes: Attributes, keywords) -> "CaseBuilder":
        pairs = _pairs(attributes, keywords)  # a TypeError before the element is opened
        self._call(begin())
        for name, value in pairs:
            self._call(set_attribute(self._ptr, name, value))
        return self

    def case(self, attributes: Attributes = None, /, **keywords: Optional[Value]) -> "CaseBuilder":
        """Attributes of the case element: id (required), municipality, unit."""
        return self._element(lambda: 0, lib.bl_builder_case_attribute, attributes, keywords)

    def child(self, attributes: Attributes = None, /, **keywords: Optional[Value]) -> "CaseBuilder":
        """The child (exactly one): id, birth-date, cpr, due-date. A CPR number is never echoed."""
        return self._element(lambda: lib.bl_builder_begin_child(self._ptr), lib.bl_builder_child_attribute,
                             attributes, keywords)

    def person(self, element: str, attributes: Attributes = None, /, **keywords: Optional[Value]) -> "CaseBuilder":
        """A "party" or a "sibling" with its attributes."""
        return self._element(lambda: lib.bl_builder_begin_person(self._ptr, to_bytes(element)),
                             lib.bl_builder_person_attribute, attributes, keywords)

    def event(self, element: str, attributes: Attributes = None, /, **keywords: Optional[Value]) -> "CaseBuilder":
        """An event of the vocabulary ("underretning", "afgoerelse", ...) with its id and attributes;
        attributes whose names are not Python names ("from") go in the mapping."""
        return self._element(lambda: lib.bl_builder_begin_event(self._ptr, to_bytes(element)),
                             lib.bl_builder_event_attribute, attributes, keywords)

    def case_attribute(self, name: str, value: Value) -> "CaseBuilder":
        """Deprecated: case({name: value})."""
        warnings.warn("CaseBuilder.case_attribute(name, value) is case({name: value})", DeprecationWarning, stacklevel=2)
        return self.case({name: value})

    def finish(self) -> Case:
        """The case, or InputError with every problem found while building."""
        out = ctypes.c_void_p()
        check(lib.bl_builder_finish(ctypes.byref(out), self._ptr))
        return Case(out.value)
