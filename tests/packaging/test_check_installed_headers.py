"""The header checker of tests/packaging finds each kind of leak it is there for."""

import tempfile
import unittest
from pathlib import Path

from check_installed_headers import check


class HeaderCheckerTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = Path(self.tmp.name)
        self.write("cccd/base/Bytes.h", "#pragma once\n#include <vector>\n")

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, path, text):
        file = self.root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")

    def test_clean_headers_pass(self):
        self.write(
            "cccd/pcsc/Channel.h",
            '#include "base/Bytes.h"\n// SCARD_ATTR_MAXINPUT, as PC/SC calls it\n'
            'const char* n = "cv::Mat";\n',
        )
        self.assertEqual(check(self.root), [])

    def test_third_party_includes_are_found(self):
        for name in ("opencv2/core.hpp", "ZXing/ReadBarcode.h", "QString", "QtCore/QObject",
                     "winscard.h", "PCSC/winscard.h", "pcsclite.h"):
            with self.subTest(include=name):
                self.write("cccd/vision/Leak.h", f"#include <{name}>\n")
                self.assertEqual(len(check(self.root)), 1)

    def test_third_party_types_are_found(self):
        for code in ("cv::Mat m;", "ZXing::Result r;", "SCARDHANDLE h;", "DWORD d;",
                     "QString s;"):
            with self.subTest(code=code):
                self.write("cccd/vision/Leak.h", code + "\n")
                self.assertEqual(len(check(self.root)), 1)

    def test_a_header_not_installed_is_found(self):
        self.write("cccd/reader/Reader.h", '#include "reader/Missing.h"\n')
        self.assertEqual(check(self.root), ['cccd/reader/Reader.h: includes "reader/Missing.h", '
                                            "which is not installed"])

    def test_no_headers_at_all_fails(self):
        (self.root / "cccd/base/Bytes.h").unlink()
        self.assertEqual(len(check(self.root)), 1)


if __name__ == "__main__":
    unittest.main()
