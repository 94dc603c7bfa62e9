#pragma once

#include <string_view>

namespace cccd::crypto {

/// The key agreement a PACE or Chip Authentication protocol OID names (ICAO 9303-11 §4.4.3.1,
/// §4.4.3.2, §6.2; BSI TR-03110-3 Appendix A).
enum class KeyAgreementAlgorithm {
    Dh,   ///< Diffie-Hellman over a MODP group (PKCS#3, ANSI X9.42)
    Ecdh, ///< elliptic-curve Diffie-Hellman over a prime curve (ECKA, BSI TR-03111)
};

/// "dh", "ecdh" for logs and JSON.
[[nodiscard]] std::string_view keyAgreementAlgorithmName(KeyAgreementAlgorithm algorithm);

} // namespace cccd::crypto
