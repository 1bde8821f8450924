"""The base of Plan, Session and Report: ownership of one native object."""

from __future__ import annotations

from ctypes import c_void_p
from typing import Any, Optional, TypeVar

from ._errors import lib

_H = TypeVar("_H", bound="Handle")


class Handle:
    """Owns one native object; freed by close() (idempotent), by a `with`
    block, or by the garbage collector as a safety net.  Using a closed
    handle raises ValueError."""

    _free_name = ""  # the rollgate_*_free function of the subclass

    def __init__(self, ptr: c_void_p) -> None:
        self._ptr: Optional[c_void_p] = ptr

    def handle(self) -> c_void_p:
        """The native handle; ValueError once closed."""
        if self._ptr is None:
            raise ValueError("%s is closed" % type(self).__name__)
        return self._ptr

    # The name the binding used before; kept for code written against it.
    _handle = handle

    @property
    def closed(self) -> bool:
        """True once close() has been called."""
        return self._ptr is None

    def close(self) -> None:
        """Frees the native object.  Calling it again does nothing."""
        ptr, self._ptr = getattr(self, "_ptr", None), None
        if ptr is not None:
            getattr(lib(), self._free_name)(ptr)

    def __enter__(self: _H) -> _H:
        self.handle()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: the library may be gone
            pass
