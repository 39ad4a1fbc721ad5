"""A case, however it was made."""
from ._errors import text
from ._handle import Handle
from ._native import lib


class Case(Handle):
    """A case, from a file, a buffer or a CaseBuilder. Immutable, and independent of the engine:
    a report keeps what it needs of its case, so a case may be closed once evaluated."""
    _free = staticmethod(lib.bl_case_free)
    _what = "case"

    @property
    def id(self) -> str:
        return text(lib.bl_case_id(self._ptr))

    @property
    def event_count(self) -> int:
        return lib.bl_case_event_count(self._ptr)

    def __repr__(self) -> str:
        if self.closed:
            return "<barnetslov.Case closed>"
        return f"<barnetslov.Case {self.id!r}, {self.event_count} events>"
