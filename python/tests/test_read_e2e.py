"""The binding reading the emulated card through pcscd (label e2e): the record as a dict, the
verdict, the problems, the portrait, progress and cancel."""

import json
import os
import unittest

import cccd
from emulated_card import EmulatedCard, profile_file, profile_text, profiles_dir

PERSONA = "vn-basic"


class ReadE2ETest(unittest.TestCase):
    def setUp(self):
        self.card = EmulatedCard(PERSONA)
        self.addCleanup(self.card.stop)
        self.context = cccd.Context()
        self.addCleanup(self.context.close)
        self.context.add_trust_file(os.path.join(profiles_dir(), "csca.pem"))

    def read(self):
        with cccd.Session.open_pcsc(self.context) as session:
            session.set_mrz(profile_text(PERSONA, ".mrz"))
            return session.read()

    def test_a_sound_card_is_verified_with_its_record_and_portrait(self):
        with self.read() as result:
            record = result.record
            self.assertTrue(result.verified)
            self.assertEqual(result.problems, [])
            self.assertTrue(record["verified"])
            self.assertEqual(record["verification"]["passive_authentication"]["verdict"],
                             "valid")
            self.assertIsNotNone(record["citizen"])
            portrait = result.portrait
            self.assertEqual(len(portrait), record["portrait"]["size_bytes"])

    def test_a_changed_portrait_is_a_hash_mismatch_of_dg2(self):
        size = len(profile_file(PERSONA, "0102"))
        self.assertTrue(self.card.control(f"fault corrupt-file 0102 {size - 3}").startswith("ok"))
        with self.read() as result:
            self.assertFalse(result.verified)
            self.assertEqual(result.problems, [("data_group_hash_mismatch", "DG2")])

    def test_progress_is_reported_and_cancel_from_it_stops_the_read(self):
        calls = []
        with cccd.Session.open_pcsc(self.context) as session:
            session.set_mrz(profile_text(PERSONA, ".mrz"))

            def progress(file, bytes_read, total_bytes, sequence):
                calls.append((file, bytes_read, total_bytes, sequence))
                if sequence == 2:
                    session.cancel()

            session.set_progress(progress)
            with self.assertRaises(cccd.CccdError) as raised:
                session.read()
        self.assertEqual(raised.exception.status, "cancelled")
        self.assertEqual([call[3] for call in calls], [1, 2])

    def test_a_wrong_key_is_access_denied(self):
        self.context.set_access_policy("bac_only")
        with cccd.Session.open_pcsc(self.context) as session:
            session.set_mrz_key("C00000000", "900514", "300514")
            with self.assertRaises(cccd.CccdError) as raised:
                session.read()
        self.assertEqual(raised.exception.status, "access_denied")

    def test_a_bundle_of_the_read_reverifies_on_a_server_with_its_nonce(self):
        nonce = bytes(range(0x41, 0x49))
        with cccd.Session.open_pcsc(self.context) as session:
            session.set_mrz(profile_text(PERSONA, ".mrz"))
            session.set_aa_challenge(nonce)
            with session.read() as result:
                bundle = result.bundle(groups=(1, 13, 14, 15))
        self.assertNotIn("DG2", json.loads(bundle)["files"])

        with cccd.Context() as server:
            server.add_trust_directory(profiles_dir())
            with server.reverify(bundle, challenge=nonce) as again:
                self.assertTrue(again.verified)
                self.assertEqual(again.problems, [])
                self.assertEqual(again.record["reverification"]["active_authentication"]
                                 ["challenge"], "matches")
            with server.reverify(bundle, challenge=bytes(8)) as replayed:
                self.assertFalse(replayed.verified)
                self.assertEqual(replayed.problems, [("chip_possible_clone", "")])
            with self.assertRaises(cccd.CccdError) as raised:
                server.reverify(bundle[:-2])
        self.assertEqual(raised.exception.status, "malformed_data")

    def test_the_reader_list_shows_the_card(self):
        self.assertIn(True, [has_card for _name, has_card in cccd.list_readers()])


if __name__ == "__main__":
    unittest.main()
