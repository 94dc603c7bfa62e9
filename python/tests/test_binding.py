"""The binding without a card: version, status names, bad arguments as CccdError."""

import os
import tempfile
import unittest

import cccd


class BindingTest(unittest.TestCase):
    def test_version_is_the_librarys(self):
        self.assertRegex(cccd.version(), r"^\d+\.\d+\.\d+$")

    def test_status_names_are_the_stable_ones(self):
        self.assertEqual(cccd.status_name(0), "ok")
        self.assertEqual(cccd.status_name(5), "no_card")
        self.assertEqual(cccd.status_name(18), "io")
        self.assertEqual(cccd.status_name(101), "bad_handle")
        self.assertEqual(cccd.status_name(55), "unknown")

    def test_a_trust_file_that_does_not_exist_is_io(self):
        with cccd.Context() as context:
            with self.assertRaises(cccd.CccdError) as raised:
                context.add_trust_file("/nonexistent/csca.pem")
        self.assertEqual(raised.exception.status, "io")
        self.assertEqual(raised.exception.code, 18)
        self.assertTrue(raised.exception.message)

    def test_a_trust_file_that_is_no_certificate_is_an_error(self):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "not-a-certificate.pem")
            with open(path, "w", encoding="ascii") as file:
                file.write("not a certificate\n")
            with cccd.Context() as context, self.assertRaises(cccd.CccdError) as raised:
                context.add_trust_file(path)
        self.assertNotEqual(raised.exception.status, "ok")

    def test_bad_options_are_invalid_argument(self):
        with cccd.Context() as context:
            with self.assertRaises(cccd.CccdError) as raised:
                context.set_data_groups([1, 17])
            self.assertEqual(raised.exception.status, "invalid_argument")
            with self.assertRaises(ValueError):
                context.set_access_policy("bluetooth")
            context.set_access_policy("pace_only")
            context.set_data_groups([1, 2, 13])
            context.set_authenticate_chip(False)

    def test_the_default_anchor_loads(self):
        with cccd.Context() as context:
            context.add_default_anchor()

    def test_a_closed_handle_is_bad_handle(self):
        context = cccd.Context()
        context.close()
        with self.assertRaises(cccd.CccdError) as raised:
            context.add_default_anchor()
        self.assertEqual(raised.exception.status, "bad_handle")


if __name__ == "__main__":
    unittest.main()
