"""The samples run as a developer runs them, against the emulated card through pcscd: kyc-check
(C), read-card (C++) and read_card.py (Python). Their paths come from the environment CTest
sets: CCCD_KYC_CHECK, CCCD_READ_CARD, CCCD_READ_CARD_PY."""

import json
import os
import subprocess
import sys
import unittest

from emulated_card import (EmulatedCard, native_environment, profile_file, profile_text,
                           profiles_dir)

PERSONA = "vn-basic"


def trust():
    return ["--trust", os.path.join(profiles_dir(), "csca.pem")]


def mrz_key():
    """The MRZ key fields from the card's printed MRZ (ICAO 9303-5 TD1): document number, birth
    date, expiry date."""
    lines = profile_text(PERSONA, ".mrz").splitlines()
    return [lines[0][5:14].rstrip("<"), lines[1][0:6], lines[1][8:14]]


def run(command, environment=None):
    """Runs a sample; a compiled one gets the environment of a program of the build."""
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False,
                          env=environment or native_environment())


class KycCheckTest(unittest.TestCase):
    def kyc_check(self, *args):
        return run([os.environ["CCCD_KYC_CHECK"], *args])

    def test_a_sound_card_is_accepted_with_the_can(self):
        with EmulatedCard(PERSONA):
            done = self.kyc_check(*trust(), "--can", profile_text(PERSONA, ".can"))
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(done.stdout, "accept\n")

    def test_a_changed_portrait_is_rejected_for_its_hash(self):
        with EmulatedCard(PERSONA) as card:
            size = len(profile_file(PERSONA, "0102"))
            self.assertTrue(card.control(f"fault corrupt-file 0102 {size - 3}").startswith("ok"))
            done = self.kyc_check(*trust(), "--mrz", *mrz_key())
        self.assertEqual(done.returncode, 1, done.stderr)
        self.assertEqual(done.stdout, "reject\nreason: data_group_hash_mismatch DG2\n")

    def test_a_card_of_an_untrusted_issuer_is_rejected(self):
        with EmulatedCard(PERSONA):
            done = self.kyc_check("--can", profile_text(PERSONA, ".can"))
        self.assertEqual(done.returncode, 1, done.stderr)
        self.assertEqual(done.stdout, "reject\nreason: issuer_unknown EF.SOD\n")

    def test_a_wrong_key_is_a_read_error(self):
        with EmulatedCard(PERSONA):
            done = self.kyc_check(*trust(), "--mrz", "C00000000", "900514", "300514")
        self.assertEqual(done.returncode, 3)
        self.assertIn("access_denied", done.stderr)

    def test_no_key_is_usage(self):
        done = self.kyc_check("--trust", "x.pem")
        self.assertEqual(done.returncode, 2)
        self.assertIn("usage", done.stderr)


class ReadCardTest(unittest.TestCase):
    def check_record(self, done):
        self.assertEqual(done.returncode, 0, done.stderr)
        record = json.loads(done.stdout)
        self.assertTrue(record["verified"])
        self.assertIsNotNone(record["citizen"])
        self.assertEqual(record["verification"]["passive_authentication"]["verdict"], "valid")

    def test_the_cpp_sample_prints_the_verified_record(self):
        with EmulatedCard(PERSONA):
            done = run([os.environ["CCCD_READ_CARD"], *trust(), "--mrz", *mrz_key()])
        self.check_record(done)

    def test_the_python_sample_prints_the_verified_record(self):
        with EmulatedCard(PERSONA):
            done = run([sys.executable, os.environ["CCCD_READ_CARD_PY"], *trust(), "--can",
                        profile_text(PERSONA, ".can")], os.environ)
        self.check_record(done)

    def test_usage_errors_exit_2(self):
        self.assertEqual(run([os.environ["CCCD_READ_CARD"]]).returncode, 2)
        self.assertEqual(
            run([sys.executable, os.environ["CCCD_READ_CARD_PY"]], os.environ).returncode, 2)


if __name__ == "__main__":
    unittest.main()
