#pragma once

#include <string_view>

namespace cccd::access {

/// How the chip's nonce becomes the ephemeral generator (ICAO 9303-11 §4.4.3.3).
enum class PaceMapping {
    Generic,            ///< GM: G~ = s*G + H, H from an anonymous key agreement (§4.4.3.3.1)
    Integrated,         ///< IM: G~ = f_G(R_p(s, t)) with the terminal's nonce t (§4.4.3.3.2)
    ChipAuthentication, ///< CAM: GM, then the chip proves its static key (§4.4.3.3.3, §4.4.3.5)
};

/// "generic", "integrated", "chip_authentication" for logs and JSON.
[[nodiscard]] std::string_view paceMappingName(PaceMapping mapping);

} // namespace cccd::access
