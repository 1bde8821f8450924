"""Instants and durations between Python and the C ABI's (seconds, nanos)."""

from __future__ import annotations

import datetime as _dt
from ctypes import byref, c_int32, c_int64
from typing import Optional, Tuple, Union

from ._errors import call, lib, take_buffer, utf8

#: An instant as the binding accepts it: a timezone-aware datetime, an RFC
#: 3339 string, or (seconds, nanos) since the Unix epoch.
Instant = Union[_dt.datetime, str, bytes, Tuple[int, int]]

EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)


def parse_timestamp(text: Union[str, bytes]) -> Tuple[int, int]:
    """Parses an RFC 3339 timestamp into (seconds, nanos) since the Unix
    epoch ("2026-11-22T10:00:00Z", "2026-11-22T12:00:00.5+02:00"; years 1 to
    9999).  Raises RollgateError (EINPUT) for malformed text."""
    data = utf8(text, "timestamp")
    seconds, nanos = c_int64(), c_int32()
    call(lib().rollgate_timestamp_parse, byref(seconds), byref(nanos), data,
         len(data))
    return seconds.value, nanos.value


def format_timestamp(seconds: int, nanos: int = 0) -> str:
    """Formats (seconds, nanos) since the Unix epoch as RFC 3339 in UTC, as
    the reports write it ("2026-11-22T10:00:00Z").  Raises RollgateError
    (EINVAL) outside years 1 to 9999."""
    out = take_buffer(lib().rollgate_timestamp_format, seconds, nanos)
    return out or ""


def require_aware(when: _dt.datetime) -> None:
    if when.tzinfo is None or when.tzinfo.utcoffset(when) is None:
        raise ValueError(
            "naive datetime %s: give a timezone-aware datetime "
            "(e.g. datetime.now(timezone.utc))" % when.isoformat())


def datetime_text(when: _dt.datetime) -> str:
    """A timezone-aware datetime as RFC 3339 in UTC."""
    require_aware(when)
    return when.astimezone(_dt.timezone.utc).isoformat().replace("+00:00", "Z")


def instant(now: Optional[Instant]) -> Tuple[int, int]:
    """(seconds, nanos) since the Unix epoch for a datetime, an RFC 3339
    string, a (seconds, nanos) pair, or None (the current time)."""
    if now is None:
        now = _dt.datetime.now(_dt.timezone.utc)
    if isinstance(now, (str, bytes)):
        return parse_timestamp(now)
    if isinstance(now, tuple):
        return int(now[0]), int(now[1])
    if isinstance(now, _dt.datetime):
        require_aware(now)
        delta = now - EPOCH  # exact integer arithmetic, no float rounding
        return delta.days * 86400 + delta.seconds, delta.microseconds * 1000
    raise TypeError("an instant must be a timezone-aware datetime, an RFC 3339 "
                    "string, (seconds, nanos) or None, not %s"
                    % type(now).__name__)


def to_datetime(seconds: int, nanos: int) -> _dt.datetime:
    """(seconds, nanos) as an aware UTC datetime (to the microsecond)."""
    return EPOCH + _dt.timedelta(seconds=seconds, microseconds=nanos // 1000)


def duration_parts(value: _dt.timedelta) -> Tuple[int, int]:
    """A timedelta as (seconds, nanos) of the same sign, as CEL durations."""
    micros = (value.days * 86400 + value.seconds) * 10**6 + value.microseconds
    sign = -1 if micros < 0 else 1
    whole, frac = divmod(abs(micros), 10**6)
    return sign * whole, sign * frac * 1000


def to_timedelta(seconds: int, nanos: int) -> _dt.timedelta:
    return _dt.timedelta(seconds=seconds, microseconds=nanos // 1000)


def duration_text(value: _dt.timedelta) -> str:
    """A timedelta as a CEL duration, "259200s" or "1.5s"."""
    micros = (value.days * 86400 + value.seconds) * 10**6 + value.microseconds
    sign = "-" if micros < 0 else ""
    whole, frac = divmod(abs(micros), 10**6)
    if not frac:
        return "%s%ds" % (sign, whole)
    return ("%s%d.%06d" % (sign, whole, frac)).rstrip("0") + "s"
