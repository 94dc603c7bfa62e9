#include "crypto/KeyAgreementGroup.h"

#include <array>
#include <string>

#include <openssl/obj_mac.h>

#include "base/Error.h"
#include "crypto/DhGroup.h"
#include "crypto/EcdhGroup.h"

namespace cccd::crypto {

namespace {

// ICAO 9303-11 §9.5.1, Table 12. IDs 0-2 are the MODP groups of RFC 5114 (OpenSSL names them),
// 8-18 prime curves (NIST curves by their SEC 2 names, brainpool curves of RFC 5639). 3-7 and
// 19-31 are reserved.
struct StandardizedGroup {
    std::uint64_t parameterId;
    const char* dhGroupName; ///< null for a curve
    int curveNid;            ///< NID_undef for a MODP group
};

constexpr std::array<StandardizedGroup, 14> StandardizedGroups = {{
    {0, "dh_1024_160", NID_undef},      // 1024-bit MODP group, 160-bit subgroup (RFC 5114 §2.1)
    {1, "dh_2048_224", NID_undef},      // 2048-bit MODP group, 224-bit subgroup (RFC 5114 §2.2)
    {2, "dh_2048_256", NID_undef},      // 2048-bit MODP group, 256-bit subgroup (RFC 5114 §2.3)
    {8, nullptr, NID_X9_62_prime192v1}, // NIST P-192, secp192r1
    {9, nullptr, NID_brainpoolP192r1},
    {10, nullptr, NID_secp224r1}, // NIST P-224: p = 1 mod 4, no Integrated Mapping
    {11, nullptr, NID_brainpoolP224r1},
    {12, nullptr, NID_X9_62_prime256v1}, // NIST P-256, secp256r1
    {13, nullptr, NID_brainpoolP256r1},
    {14, nullptr, NID_brainpoolP320r1},
    {15, nullptr, NID_secp384r1}, // NIST P-384
    {16, nullptr, NID_brainpoolP384r1},
    {17, nullptr, NID_brainpoolP512r1},
    {18, nullptr, NID_secp521r1}, // NIST P-521
}};

} // namespace

std::unique_ptr<KeyAgreementGroup> KeyAgreementGroup::standardized(std::uint64_t parameterId) {
    for (const StandardizedGroup& row : StandardizedGroups) {
        if (row.parameterId != parameterId) {
            continue;
        }
        if (row.dhGroupName != nullptr) {
            return DhGroup::fromName(row.dhGroupName);
        }
        return EcdhGroup::fromCurve(row.curveNid);
    }
    throw Error(ErrorCode::NotSupported,
                "domain parameter " + std::to_string(parameterId) + " is not standardized");
}

} // namespace cccd::crypto
