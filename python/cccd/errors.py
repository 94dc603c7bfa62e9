"""CccdError: a cccd_status other than CCCD_OK, with its stable name and the library's message."""

from ._native import lib, text


class CccdError(Exception):
    """A failed call: `status` is the status name ("io", "no_card", ...), `code` its number and
    `message` the library's description (never personal data)."""

    def __init__(self, code, message):
        self.code = code
        self.status = status_name(code)
        self.message = message
        super().__init__(f"{self.status}: {message}")


def status_name(code):
    """The stable name of a cccd_status number ("ok", "access_denied", ...; "unknown")."""
    return text(lib.cccd_status_name(code))


def check(code):
    """Raises CccdError unless `code` is CCCD_OK (0)."""
    if code != 0:
        raise CccdError(code, text(lib.cccd_last_error_message()))
