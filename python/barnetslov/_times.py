"""Times across the C boundary: datetimes in the Python API, Unix seconds in the C API.

A naive datetime is Copenhagen wall-clock time, as case systems hold it, and the library turns
it into an instant (bl_time_from_local), never Python: so a time the clocks skip in spring or
pass twice in autumn is refused in the loader's words, as in a case file, instead of being
quietly read as some other hour. An aware datetime is an instant already: its own offset says
which. A string is read as a case file writes it (bl_time_parse). Times going out are aware
datetimes in Europe/Copenhagen, from the same OS tz database the library reads.
"""
import ctypes
from datetime import date, datetime, timedelta, timezone
from typing import Union
from zoneinfo import ZoneInfo

from ._errors import check, to_bytes
from ._native import lib

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_SECOND = timedelta(seconds=1)

# What a time parameter takes.
Time = Union[datetime, str]
# What an attribute value of a case or a proposed event takes.
Value = Union[str, datetime, date, bool, int]


def _aware(when: datetime) -> bool:
    return when.tzinfo is not None and when.utcoffset() is not None


def _refuse(when, what: str) -> TypeError:
    hint = " (Unix seconds are not taken: datetime.fromtimestamp(s, timezone.utc) is that instant)" \
        if isinstance(when, int) and not isinstance(when, bool) else ""
    return TypeError(f"{what}: a time is a datetime (naive: Copenhagen wall-clock time) or a string as a case file "
                     f"writes it, not {type(when).__name__}{hint}")


def to_seconds(engine_ptr, when: Time, what: str) -> int:
    """Unix seconds for a time parameter (`what` names it in a TypeError). Fractions of a second
    are dropped: no rule counts below a second."""
    out = ctypes.c_int64()
    if isinstance(when, datetime):
        if _aware(when):
            return (when - _EPOCH) // _SECOND
        check(lib.bl_time_from_local(ctypes.byref(out), engine_ptr, when.year, when.month, when.day, when.hour,
                                     when.minute, when.second))
        return out.value
    if isinstance(when, str):
        check(lib.bl_time_parse(ctypes.byref(out), engine_ptr, to_bytes(when)))
        return out.value
    raise _refuse(when, what)


def from_seconds(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, COPENHAGEN)


def attribute_text(name: str, value: Value) -> str:
    """An attribute value as a case file writes it. A naive datetime is written as it is, for
    the library to read as Copenhagen time (and refuse in the gap or the overlap with the
    attribute named); an aware one as its instant in UTC; a date as YYYY-MM-DD; a bool as
    true/false."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):  # before int: a bool is an int
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime):
        if _aware(value):
            value = value.astimezone(timezone.utc)
            return f"{_day(value)}T{value.hour:02}:{value.minute:02}:{value.second:02}Z"
        return f"{_day(value)}T{value.hour:02}:{value.minute:02}:{value.second:02}"
    if isinstance(value, date):
        return _day(value)
    raise TypeError(f"attribute {name!r}: a value is a str, datetime, date, bool or int, not {type(value).__name__}")


def _day(d: date) -> str:
    # The day alone: a datetime is a date too, and its isoformat() would add the time.
    return f"{d.year:04}-{d.month:02}-{d.day:02}"
