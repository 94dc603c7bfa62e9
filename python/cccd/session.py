"""Session: one card in one PC/SC reader, read with an access key."""

import ctypes

from ._handle import Handle
from ._native import PROGRESS_FN, lib, text
from .errors import check
from .result import Result


class Session(Handle):
    """Open with Session.open_pcsc(context, reader); set a key; read(). Used by one thread at a
    time, except cancel(), which any thread may call while another reads."""

    _free = lib.cccd_session_free  # releases the card and wipes the access key

    def __init__(self, handle):
        super().__init__(handle)
        self._progress = None  # the ctypes callback must live as long as the library holds it

    @classmethod
    def open_pcsc(cls, context, reader=None):
        """The card in the reader of that name, or with None in the first reader holding one.
        Raises CccdError "no_card" or "no_reader" at once; it does not wait."""
        handle = ctypes.c_void_p()
        name = None if reader is None else reader.encode("utf-8")
        check(lib.cccd_session_open_pcsc(context._handle, name, ctypes.byref(handle)))
        return cls(handle)

    def set_mrz(self, mrz):
        """The MRZ key from the whole machine readable zone (lines separated by newlines)."""
        check(lib.cccd_session_set_mrz(self._handle, mrz.encode("utf-8")))

    def set_mrz_key(self, document_number, birth_date, expiry_date):
        """The MRZ key from its fields; dates as YYMMDD."""
        check(lib.cccd_session_set_mrz_key(self._handle, document_number.encode("utf-8"),
                                           birth_date.encode("utf-8"),
                                           expiry_date.encode("utf-8")))

    def set_can(self, can):
        """The card access number (6 to 10 digits) for PACE."""
        check(lib.cccd_session_set_can(self._handle, can.encode("utf-8")))

    def set_aa_challenge(self, challenge):
        """The 8-byte Active Authentication challenge (e.g. a server's nonce); None: random."""
        data = b"" if challenge is None else bytes(challenge)
        check(lib.cccd_session_set_aa_challenge(self._handle, data or None, len(data)))

    def set_progress(self, callback):
        """callback(file, bytes_read, total_bytes, sequence) after every READ BINARY, on the
        reading thread; None removes it. It may call cancel()."""
        if callback is None:
            self._progress = None
            check(lib.cccd_session_set_progress_callback(self._handle, PROGRESS_FN(), None))
            return

        def forward(_user, file, bytes_read, total_bytes, sequence):
            callback(text(file), bytes_read, total_bytes, sequence)

        progress = PROGRESS_FN(forward)
        check(lib.cccd_session_set_progress_callback(self._handle, progress, None))
        self._progress = progress

    def read(self):
        """Reads and verifies the card; raises CccdError ("access_denied", "cancelled", ...)."""
        handle = ctypes.c_void_p()
        check(lib.cccd_session_read(self._handle, ctypes.byref(handle)))
        return Result(handle)

    def cancel(self):
        """Stops the read running on this session, from any thread: it raises CccdError
        "cancelled". Without a read running, the next read is cancelled."""
        check(lib.cccd_session_cancel(self._handle))
