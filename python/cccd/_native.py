"""libcccd.so.0 loaded with ctypes, and the prototypes of the cccd.h functions the package uses.

The library is the one CCCD_LIBRARY names (a path), else the system's libcccd.so.0.
"""

import ctypes
import os

ABI_VERSION = 0

PROGRESS_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
                               ctypes.c_size_t, ctypes.c_uint)

_HANDLE = ctypes.c_void_p
_OUT = ctypes.POINTER(ctypes.c_void_p)
_STATUS = ctypes.c_int

# name: (result type, argument types)
_PROTOTYPES = {
    "cccd_version": (ctypes.c_char_p, []),
    "cccd_abi_version": (ctypes.c_int, []),
    "cccd_status_name": (ctypes.c_char_p, [ctypes.c_int]),
    "cccd_last_error_message": (ctypes.c_char_p, []),
    "cccd_context_new": (_STATUS, [_OUT]),
    "cccd_context_free": (None, [_HANDLE]),
    "cccd_context_add_default_anchor": (_STATUS, [_HANDLE]),
    "cccd_context_add_trust_file": (_STATUS, [_HANDLE, ctypes.c_char_p]),
    "cccd_context_add_trust_directory": (_STATUS, [_HANDLE, ctypes.c_char_p]),
    "cccd_context_set_access_policy": (_STATUS, [_HANDLE, ctypes.c_int]),
    "cccd_context_set_data_groups": (_STATUS, [_HANDLE, ctypes.POINTER(ctypes.c_int),
                                               ctypes.c_size_t]),
    "cccd_context_set_authenticate_chip": (_STATUS, [_HANDLE, ctypes.c_int]),
    "cccd_list_readers": (_STATUS, [_OUT]),
    "cccd_reader_list_free": (None, [_HANDLE]),
    "cccd_reader_list_count": (ctypes.c_size_t, [_HANDLE]),
    "cccd_reader_list_name": (ctypes.c_char_p, [_HANDLE, ctypes.c_size_t]),
    "cccd_reader_list_has_card": (ctypes.c_int, [_HANDLE, ctypes.c_size_t]),
    "cccd_session_open_pcsc": (_STATUS, [_HANDLE, ctypes.c_char_p, _OUT]),
    "cccd_session_free": (None, [_HANDLE]),
    "cccd_session_set_mrz_key": (_STATUS, [_HANDLE, ctypes.c_char_p, ctypes.c_char_p,
                                           ctypes.c_char_p]),
    "cccd_session_set_mrz": (_STATUS, [_HANDLE, ctypes.c_char_p]),
    "cccd_session_set_can": (_STATUS, [_HANDLE, ctypes.c_char_p]),
    "cccd_session_set_aa_challenge": (_STATUS, [_HANDLE, ctypes.c_char_p, ctypes.c_size_t]),
    "cccd_session_set_progress_callback": (_STATUS, [_HANDLE, PROGRESS_FN, ctypes.c_void_p]),
    "cccd_session_read": (_STATUS, [_HANDLE, _OUT]),
    "cccd_session_cancel": (_STATUS, [_HANDLE]),
    "cccd_result_free": (None, [_HANDLE]),
    "cccd_result_json": (ctypes.c_char_p, [_HANDLE]),
    "cccd_result_verified": (ctypes.c_int, [_HANDLE]),
    "cccd_result_portrait": (_STATUS, [_HANDLE, ctypes.POINTER(ctypes.POINTER(ctypes.c_uint8)),
                                       ctypes.POINTER(ctypes.c_size_t)]),
    "cccd_result_problem_count": (ctypes.c_size_t, [_HANDLE]),
    "cccd_result_problem": (ctypes.c_char_p, [_HANDLE, ctypes.c_size_t]),
    "cccd_result_problem_file": (ctypes.c_char_p, [_HANDLE, ctypes.c_size_t]),
    "cccd_result_bundle": (_STATUS, [_HANDLE, ctypes.POINTER(ctypes.c_int), ctypes.c_size_t,
                                     _OUT]),
    "cccd_bundle_free": (None, [ctypes.c_void_p]),
    "cccd_bundle_reverify": (_STATUS, [_HANDLE, ctypes.c_char_p, ctypes.c_char_p,
                                       ctypes.c_size_t, _OUT]),
}


def _load():
    path = os.environ.get("CCCD_LIBRARY") or "libcccd.so.0"
    library = ctypes.CDLL(path)
    for name, (restype, argtypes) in _PROTOTYPES.items():
        function = getattr(library, name)
        function.restype = restype
        function.argtypes = argtypes
    if library.cccd_abi_version() != ABI_VERSION:
        raise ImportError(f"{path}: ABI {library.cccd_abi_version()}, expected {ABI_VERSION}")
    return library


lib = _load()


def text(value):
    """A C string of the library as str (UTF-8); None stays None."""
    return None if value is None else value.decode("utf-8")
