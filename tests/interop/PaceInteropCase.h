#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "access/PacePassword.h"

namespace cccd::test {

/// The mapping and key agreement of a PACE protocol OID (ICAO 9303-11 §9.2.1, the arc after
/// id-PACE 0.4.0.127.0.7.2.2.4).
enum class PaceMapping : std::uint8_t {
    DhGm = 1,    ///< id-PACE-DH-GM
    EcdhGm = 2,  ///< id-PACE-ECDH-GM
    DhIm = 3,    ///< id-PACE-DH-IM
    EcdhIm = 4,  ///< id-PACE-ECDH-IM
    EcdhCam = 6, ///< id-PACE-ECDH-CAM
};

/// The cipher suite arc of the OID (ICAO 9303-11 §9.2.1): 3DES or AES with its key length.
enum class PaceCipher : std::uint8_t {
    Tdes = 1,   ///< -3DES-CBC-CBC
    Aes128 = 2, ///< -AES-CBC-CMAC-128
    Aes192 = 3, ///< -AES-CBC-CMAC-192
    Aes256 = 4, ///< -AES-CBC-CMAC-256
};

/// One interop case: a PACE protocol, standardized domain parameters and a password type.
struct PaceInteropCase {
    PaceMapping mapping = PaceMapping::EcdhGm;
    PaceCipher cipher = PaceCipher::Aes128;
    std::uint64_t parameterId = 13;
    access::PacePasswordType password = access::PacePasswordType::Can;

    /// The dotted protocol OID, e.g. 0.4.0.127.0.7.2.2.4.2.2.
    [[nodiscard]] std::string protocolOid() const;

    /// A GoogleTest name, e.g. EcdhGm_Aes128_Brainpool256_Can.
    [[nodiscard]] std::string name() const;
};

std::ostream& operator<<(std::ostream& out, const PaceInteropCase& c);

/// Every case: GM and IM with DH (parameter IDs 0-2) and ECDH (8-18) under 3DES and AES, CAM
/// (AES only) on every curve, each with the MRZ and the CAN password.
[[nodiscard]] std::vector<PaceInteropCase> allPaceInteropCases();

/// One case per mapping and password type, for the wrong-password test.
[[nodiscard]] std::vector<PaceInteropCase> wrongPasswordCases();

} // namespace cccd::test
