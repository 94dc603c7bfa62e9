"""The PC/SC readers attached."""

import ctypes

from ._native import lib, text
from .errors import check


def list_readers():
    """[(name, has_card)] for every PC/SC reader, in PC/SC's order. Raises CccdError
    "no_reader" when the PC/SC service (pcscd) does not run."""
    handle = ctypes.c_void_p()
    check(lib.cccd_list_readers(ctypes.byref(handle)))
    try:
        return [(text(lib.cccd_reader_list_name(handle, i)),
                 lib.cccd_reader_list_has_card(handle, i) == 1)
                for i in range(lib.cccd_reader_list_count(handle))]
    finally:
        lib.cccd_reader_list_free(handle)
