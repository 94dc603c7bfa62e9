#!/usr/bin/python3
"""Reads the chip of the ID card in the first reader that holds one, through the Python binding
of the SDK (package `cccd`), and prints the citizen record and verification report as JSON.

    read_card.py [--trust FILE] --can CAN
    read_card.py [--trust FILE] --mrz DOCUMENT_NUMBER BIRTH_DATE EXPIRY_DATE   (dates YYMMDD)

Exit status: 0 the card was read (verified or not: see "verified"), 2 usage, 3 read error.
"""

import argparse
import json
import sys

import cccd


def main():
    parser = argparse.ArgumentParser(description="Reads a CCCD chip and prints its record.")
    parser.add_argument("--trust", help="a CSCA certificate to trust besides the built-in one")
    key = parser.add_mutually_exclusive_group(required=True)
    key.add_argument("--can", help="the card access number printed on the card")
    key.add_argument("--mrz", nargs=3, metavar=("DOCUMENT_NUMBER", "BIRTH_DATE", "EXPIRY_DATE"))
    args = parser.parse_args()  # exits with status 2 on a usage error

    try:
        with cccd.Context() as context:
            context.add_default_anchor()
            if args.trust:
                context.add_trust_file(args.trust)
            with cccd.Session.open_pcsc(context) as session:
                if args.can:
                    session.set_can(args.can)
                else:
                    session.set_mrz_key(*args.mrz)
                with session.read() as result:
                    print(json.dumps(result.record, indent=2, ensure_ascii=False))
    except cccd.CccdError as error:
        print(f"read_card: {error}", file=sys.stderr)
        return 2 if error.status == "invalid_argument" else 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
