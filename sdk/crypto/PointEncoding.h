#pragma once

#include "base/Bytes.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::crypto {

/// f_G(R_p) of the ECDH Integrated Mapping (ICAO 9303-11 §4.4.3.3.2 and Appendix B.2, the
/// simplified SWU encoding of Brier et al., CRYPTO 2010): t = int(pseudoRandom) mod p becomes a
/// point of the curve's prime-order subgroup, multiplied by the cofactor. The encoding needs
/// p = 3 mod 4 and a, b != 0; other curves (NIST P-224) throw Error(NotSupported).
[[nodiscard]] EcPointPtr encodeFieldElement(const EC_GROUP* group, ByteView pseudoRandom);

} // namespace cccd::crypto
