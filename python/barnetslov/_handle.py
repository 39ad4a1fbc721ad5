"""Ownership of the C handles.

The C API frees every handle with its own function, and some handles must outlive others: an
engine every report and builder made with it. Each C handle is owned by one _Owned object that
frees it when the last Python object holding it lets go; a report holds its engine's _Owned. So
close() (or leaving a `with` block) frees at once what nothing else needs, and an engine closed
while a report still uses it is freed after that report: never a dangling pointer in C.
"""
from typing import Callable, Optional


class _Owned:
    __slots__ = ("ptr", "_free", "_keeps")

    def __init__(self, ptr: int, free: Callable[[int], None], keeps: Optional["_Owned"] = None) -> None:
        self.ptr = ptr
        self._free = free
        self._keeps = keeps  # what the C handle needs alive until it is freed

    def __del__(self):
        if self.ptr:
            self._free(self.ptr)
            self.ptr = None


class Handle:
    """The base of Engine, Case, CaseBuilder and Report: a context manager whose close() releases
    the C handle; using it after close() raises ValueError, as a closed file does."""
    _free: Callable[[int], None]
    _what = "handle"

    def __init__(self, ptr: int, keeps: Optional["Handle"] = None) -> None:
        self._owned: Optional[_Owned] = _Owned(ptr, type(self)._free, keeps._owned if keeps else None)

    @property
    def _ptr(self) -> int:
        if self._owned is None:
            raise ValueError(f"the {self._what} is closed")
        return self._owned.ptr

    @property
    def closed(self) -> bool:
        return self._owned is None

    def close(self) -> None:
        """Releases the C handle (at once, or when the last report or builder that needs it is
        gone). Closing twice is harmless."""
        self._owned = None

    def __enter__(self):
        if self._owned is None:
            raise ValueError(f"the {self._what} is closed")
        return self

    def __exit__(self, *exc) -> None:
        self.close()
