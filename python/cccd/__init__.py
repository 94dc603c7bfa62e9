"""Reads Vietnamese chip ID cards (CCCD) through the SDK's C API, libcccd.so.0.

    import cccd
    with cccd.Context() as context:
        context.add_default_anchor()
        with cccd.Session.open_pcsc(context) as session:
            session.set_can("123456")
            with session.read() as result:
                print(result.verified, result.problems, result.record["citizen"])

Set CCCD_LIBRARY to the path of libcccd.so.0 to use another one than the system's.
"""

from ._native import lib, text
from .context import Context
from .errors import CccdError, status_name
from .readers import list_readers
from .result import Result
from .session import Session

__all__ = ["CccdError", "Context", "Result", "Session", "list_readers", "status_name",
           "version"]


def version():
    """The library's version, e.g. "0.1.0"."""
    return text(lib.cccd_version())
