"""Context: the trust store and the read options that sessions opened with it share."""

import ctypes
import os

from ._handle import Handle
from ._native import lib
from .errors import check
from .result import Result

ACCESS_POLICIES = {"auto": 0, "pace_only": 1, "bac_only": 2, "pace_then_bac": 3}


class Context(Handle):
    """Starts with an empty trust store, access policy "auto", every data group and chip
    authentication on. May be shared by sessions on several threads."""

    _free = lib.cccd_context_free  # sessions opened with the context keep what they need

    def __init__(self):
        handle = ctypes.c_void_p()
        check(lib.cccd_context_new(ctypes.byref(handle)))
        super().__init__(handle)

    def add_default_anchor(self):
        """Trusts the SDK's built-in CSCA (the Vietnamese eID anchor)."""
        check(lib.cccd_context_add_default_anchor(self._handle))

    def add_trust_file(self, path):
        """Trusts a PEM or DER certificate or an ICAO master list."""
        check(lib.cccd_context_add_trust_file(self._handle, os.fsencode(path)))

    def add_trust_directory(self, path):
        """Trusts every certificate and master list file of a directory."""
        check(lib.cccd_context_add_trust_directory(self._handle, os.fsencode(path)))

    def set_access_policy(self, policy):
        """"auto", "pace_only", "bac_only" or "pace_then_bac"."""
        if policy not in ACCESS_POLICIES:
            raise ValueError(f"access policy {policy!r}: one of {', '.join(ACCESS_POLICIES)}")
        check(lib.cccd_context_set_access_policy(self._handle, ACCESS_POLICIES[policy]))

    def set_data_groups(self, groups):
        """The data groups to read (1 to 16); an empty list reads every one the card lists."""
        groups = list(groups)
        array = (ctypes.c_int * len(groups))(*groups)
        check(lib.cccd_context_set_data_groups(self._handle, array, len(groups)))

    def set_authenticate_chip(self, enabled):
        """Whether a read proves the chip (Chip or Active Authentication); on by default."""
        check(lib.cccd_context_set_authenticate_chip(self._handle, 1 if enabled else 0))

    def reverify(self, bundle, challenge=None):
        """Re-verifies an evidence bundle (its JSON string) without the card against this
        context's trust store: a Result as after a read, whose record has a `reverification`
        object. `challenge`: the 8 bytes the server issued as the Active Authentication
        challenge of the read; the chip must have signed them."""
        challenge = b"" if challenge is None else bytes(challenge)
        handle = ctypes.c_void_p()
        check(lib.cccd_bundle_reverify(self._handle, bundle.encode("utf-8"), challenge or None,
                                       len(challenge), ctypes.byref(handle)))
        return Result(handle)
