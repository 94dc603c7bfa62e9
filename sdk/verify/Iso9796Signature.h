#pragma once

#include <optional>
#include <string_view>

#include "base/Bytes.h"
#include "crypto/Hash.h"

namespace cccd::verify {

/// The checks of ISO/IEC 9796-2 digital signature scheme 1 with partial message recovery, in
/// the order they run.
enum class Iso9796Status {
    Valid,
    OutOfRange,     ///< the signature is not below the modulus, or the key is unusable
    HeaderInvalid,  ///< F does not start with '01', more-data bit 1, padding nibbles B..BA
    TrailerInvalid, ///< neither BC (SHA-1) nor a known hash identifier followed by CC
    HashMismatch,   ///< the hash field differs from Hash(M1 || M2)
};

/// What verification recovered from the message representative F.
struct Iso9796Recovery {
    Iso9796Status status = Iso9796Status::HeaderInvalid;
    std::optional<crypto::HashAlgorithm> hash; ///< from the trailer, once it is read
    bool explicitTrailer = false;              ///< two-byte trailer xx CC
    Bytes recoveredMessage;                    ///< M1, once the header and trailer are read
};

/// Verifies F = header || M1 || Hash(M1 || M2) || trailer (ICAO 9303-11 §6.1 and Appendix F):
/// the header says partial recovery; the trailer is BC (SHA-1) or hash identifier || CC with
/// the identifiers of ISO/IEC 10118-3 (33 SHA-1, 34 SHA-256, 35 SHA-512, 36 SHA-384,
/// 38 SHA-224); M2 is the non-recoverable part, Active Authentication's challenge.
[[nodiscard]] Iso9796Recovery checkIso9796Representative(ByteView representative,
                                                         ByteView nonRecoverable);

/// F = s^e mod n (RSAVP1), then checkIso9796Representative. Moduli whose length is not a whole
/// number of bytes are not supported and fail as HeaderInvalid.
[[nodiscard]] Iso9796Recovery verifyIso9796Signature(ByteView modulus, ByteView publicExponent,
                                                     ByteView signature, ByteView nonRecoverable);

/// "valid", "out_of_range", "header_invalid", "trailer_invalid", "hash_mismatch".
[[nodiscard]] std::string_view iso9796StatusName(Iso9796Status status);

} // namespace cccd::verify
