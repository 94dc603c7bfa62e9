"""The lifetime every object of the package shares: one C handle, freed exactly once."""


class Handle:
    """Owns a handle of cccd.h. close() frees it, as does the end of a `with` block or garbage
    collection; the object is unusable afterwards. Subclasses name their C free function."""

    _free = None  # the cccd_*_free function of the handle's type

    def __init__(self, handle):
        self._handle = handle

    def close(self):
        """Frees the handle now (wiping what the library wipes: keys, personal data)."""
        handle = getattr(self, "_handle", None)
        if handle:
            type(self)._free(handle)
            self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()
