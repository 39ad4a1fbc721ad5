"""The library's refusals as Python exceptions, with the library's own message."""
import ctypes
import os
from dataclasses import dataclass
from typing import Optional, Tuple

from . import _native
from ._native import lib

_STATUS_NAMES = {0: "BL_OK", 1: "BL_ERROR_ARGUMENT", 2: "BL_ERROR_INPUT", 3: "BL_ERROR_IO", 4: "BL_ERROR_NO_MEMORY",
                 5: "BL_ERROR_RANGE", 6: "BL_ERROR_INTERNAL", 7: "BL_ERROR_STATE"}
ERROR_INPUT, ERROR_IO = 2, 3


@dataclass(frozen=True)
class InputProblem:
    """One problem of a case that could not be read or built (the C API's bl_input_problem)."""
    code: str                   # a stable key: "invalid_value", "unknown_attribute", "missing_attribute", ...
    message: str                # the problem alone, without source or position
    source: str                 # the file, or the builder's source name
    line: int                   # 0 when there is no position (a case built in memory)
    column: int
    element: str                # "case", "child", "party", "sibling", an event element, or ""
    event_index: Optional[int]  # the event's 0-based position in input order, None when not about an event
    id: str                     # the element's id when known, or ""
    attribute: str              # the attribute at fault, or ""


class BarnetslovError(Exception):
    """A call the library refused. `status` is the bl_status name ("BL_ERROR_ARGUMENT"), `code`
    its number, and the text the library's message."""

    def __init__(self, status: int, message: str):
        self.code = status
        self.status = _STATUS_NAMES.get(status, "BL_UNKNOWN_STATUS")
        super().__init__(message)


class InputError(BarnetslovError):
    """The case is not valid (BL_ERROR_INPUT) or could not be read (BL_ERROR_IO); a time that
    names no instant (BL_ERROR_INPUT). The message lists every problem, one per line; `problems`
    has them one by one, in input order (empty when the refusal was not about a case)."""

    def __init__(self, status: int, message: str, problems: Tuple[InputProblem, ...] = ()):
        super().__init__(status, message)
        self.problems = problems


def text(p: Optional[bytes]) -> str:
    return p.decode("utf-8", "replace") if p else ""


def to_bytes(s: str) -> bytes:
    if not isinstance(s, str):
        raise TypeError(f"expected str, got {type(s).__name__}")
    if "\0" in s:
        raise ValueError("a value may not contain NUL")
    return s.encode("utf-8")


def path_bytes(path) -> bytes:
    """A file name as the OS has it: str or bytes or a path object, not necessarily UTF-8."""
    b = os.fsencode(os.fspath(path))
    if b"\0" in b:
        raise ValueError("a path may not contain NUL")
    return b


def _problems() -> Tuple[InputProblem, ...]:
    """The structured problems of the last failed call, each copied at once: their strings live
    only until the next bl_ call."""
    # Not bl_input_problem_init: a successful status-returning call may reset the last error and
    # its problems. Its struct_size is what BL_INPUT_PROBLEM_INIT sets.
    p = _native.bl_input_problem(ctypes.sizeof(_native.bl_input_problem))
    out = []
    for i in range(lib.bl_last_error_problem_count()):
        if not lib.bl_last_error_problem(ctypes.byref(p), i):
            break
        out.append(InputProblem(code=text(p.code), message=text(p.message), source=text(p.source), line=p.line,
                                column=p.column, element=text(p.element),
                                event_index=p.event_index if p.event_index >= 0 else None, id=text(p.id),
                                attribute=text(p.attribute)))
    return tuple(out)


def last_error(status: int) -> BarnetslovError:
    """The exception for the failed call that returned `status`, read at once: the library keeps
    only the last error of this thread."""
    if status in (ERROR_INPUT, ERROR_IO):
        problems = _problems()  # before the message: nothing may come between the failure and them
        return InputError(status, text(lib.bl_last_error_message()), problems)
    return BarnetslovError(status, text(lib.bl_last_error_message()))


def check(status: int) -> None:
    if status != 0:
        raise last_error(status)


def owned_text(call) -> str:
    """The string a bl_* call hands over (`call(out, size)`, freed with bl_string_free), as str."""
    out, size = ctypes.c_void_p(), ctypes.c_size_t()
    check(call(ctypes.byref(out), ctypes.byref(size)))
    try:
        return ctypes.string_at(out.value, size.value).decode("utf-8")
    finally:
        lib.bl_string_free(out)
