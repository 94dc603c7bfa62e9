#pragma once

#include <string_view>

namespace cccd::access {

/// The key agreement a PACE protocol OID names (ICAO 9303-11 §4.4.3.1, §4.4.3.2).
enum class PaceKeyAgreement {
    Dh,   ///< Diffie-Hellman over a MODP group (PKCS#3)
    Ecdh, ///< elliptic-curve Diffie-Hellman over a prime curve (ECKA, BSI TR-03111)
};

/// How the chip's nonce becomes the ephemeral generator (ICAO 9303-11 §4.4.3.3).
enum class PaceMapping {
    Generic,            ///< GM: G~ = s*G + H, H from an anonymous key agreement (§4.4.3.3.1)
    Integrated,         ///< IM: G~ = f_G(R_p(s, t)) with the terminal's nonce t (§4.4.3.3.2)
    ChipAuthentication, ///< CAM: GM, then the chip proves its static key (§4.4.3.3.3, §4.4.3.5)
};

/// "dh", "ecdh" for logs and JSON.
[[nodiscard]] std::string_view paceKeyAgreementName(PaceKeyAgreement keyAgreement);

/// "generic", "integrated", "chip_authentication" for logs and JSON.
[[nodiscard]] std::string_view paceMappingName(PaceMapping mapping);

} // namespace cccd::access
