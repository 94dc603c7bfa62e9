"""The emulated card (cccd-emulator) on pcscd's vpcd reader, for the end-to-end tests.

CCCD_BINARY_DIR names the build: its bin/cccd-emulator and profiles/. pcscd with the vpcd driver
must run already; these tests never start or stop it.
"""

import json
import os
import socket
import subprocess
import tempfile
import time

import cccd

VPCD_PORT = 35963
# Far above the second it takes: beyond it, the card never came (or never left).
WAIT_SECONDS = 15


def binary_dir():
    return os.environ["CCCD_BINARY_DIR"]


def profiles_dir():
    return os.path.join(binary_dir(), "profiles")


def profile_text(persona, extension):
    with open(os.path.join(profiles_dir(), persona + extension), encoding="utf-8") as file:
        return file.read().strip()


def profile_file(persona, fid):
    """The bytes of file `fid` (e.g. "0102" for DG2) of the persona's card."""
    with open(os.path.join(profiles_dir(), persona + ".json"), encoding="utf-8") as file:
        profile = json.load(file)
    entry = profile["application"][fid]
    return bytes.fromhex(entry["data"] if isinstance(entry, dict) else entry)


def native_environment():
    """The environment for a program of the build: without the ASan runtime that the sanitizer
    build preloads into python3 (for libcccd.so.0), which an instrumented program brings itself,
    and with ASan's default options (leak checking on)."""
    return {name: value for name, value in os.environ.items()
            if name not in ("LD_PRELOAD", "ASAN_OPTIONS")}


def _card_present():
    return any(has_card for _name, has_card in cccd.list_readers())


def _wait(condition, what):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise TimeoutError(what)


class EmulatedCard:
    """Starts cccd-emulator with a persona and waits until pcscd shows the card; stop() takes
    it out of the reader again."""

    def __init__(self, persona="vn-basic"):
        self.persona = persona
        self._directory = tempfile.TemporaryDirectory(prefix="cccd-e2e-")
        self.control_path = os.path.join(self._directory.name, "control")
        # A file, not a pipe: nobody reads the log while the card runs, and a full pipe would
        # stop the card.
        self._log = open(os.path.join(self._directory.name, "emulator.log"), "wb")
        self._process = subprocess.Popen(
            [os.path.join(binary_dir(), "bin", "cccd-emulator"), "--persona", persona,
             "--profiles-dir", profiles_dir(), "--port", str(VPCD_PORT),
             "--control", self.control_path, "--link", "off"],
            stdout=subprocess.DEVNULL, stderr=self._log, env=native_environment())
        try:
            _wait(_card_present, "the emulated card did not appear in pcscd's reader")
        except BaseException:
            self.stop()
            raise

    def control(self, line):
        """Sends a line to the emulator's control socket; returns its answer."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(WAIT_SECONDS)
            client.connect(self.control_path)
            client.sendall(line.encode("ascii") + b"\n")
            reply = b""
            while not reply.endswith(b"\n"):
                chunk = client.recv(4096)
                if not chunk:
                    break
                reply += chunk
        return reply.decode("utf-8").strip()

    def stop(self):
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._log.close()
        self._process = None
        self._directory.cleanup()
        _wait(lambda: not _card_present(), "the card stayed in the reader")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
