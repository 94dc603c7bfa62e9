"""Result: one read of a card. Holds personal data: keep it no longer than needed."""

import ctypes
import json

from ._handle import Handle
from ._native import lib, text
from .errors import check


class Result(Handle):
    """What cccd_session_read gave: the JSON record, the verdict, the problems, the portrait."""

    _free = lib.cccd_result_free  # and wipes the library's copy of the personal data

    @property
    def json(self):
        """The citizen record, verification report and read details as a JSON string."""
        return text(lib.cccd_result_json(self._handle))

    @property
    def record(self):
        """The same JSON as a dict."""
        return json.loads(self.json)

    @property
    def verified(self):
        """True when the data is the issuer's and the chip is not a possible clone."""
        return lib.cccd_result_verified(self._handle) == 1

    @property
    def problems(self):
        """Why the result is not verified: (code, file) pairs, e.g. ("data_group_hash_mismatch",
        "DG2"); empty exactly when `verified` is True. The codes are listed in cccd.h."""
        count = lib.cccd_result_problem_count(self._handle)
        return [(text(lib.cccd_result_problem(self._handle, i)),
                 text(lib.cccd_result_problem_file(self._handle, i))) for i in range(count)]

    @property
    def portrait(self):
        """The portrait as stored on the card (JPEG or JPEG 2000), or None."""
        data = ctypes.POINTER(ctypes.c_uint8)()
        size = ctypes.c_size_t()
        check(lib.cccd_result_portrait(self._handle, ctypes.byref(data), ctypes.byref(size)))
        if not data or size.value == 0:
            return None
        return ctypes.string_at(data, size.value)

    def bundle(self, groups=()):
        """The evidence bundle of the read (docs/evidence-bundle.md) as a JSON string, for
        re-verification later without the card (Context.reverify, cccd-verify). `groups`: the
        data groups it keeps, e.g. (1, 13, 14, 15) without the portrait; empty keeps every one
        read. Holds personal data, as the record does."""
        groups = list(groups)
        array = (ctypes.c_int * len(groups))(*groups)
        out = ctypes.c_void_p()
        check(lib.cccd_result_bundle(self._handle, array, len(groups), ctypes.byref(out)))
        try:
            return ctypes.string_at(out).decode("utf-8")
        finally:
            lib.cccd_bundle_free(out)
