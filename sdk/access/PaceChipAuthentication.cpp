#include "access/PaceChipAuthentication.h"

#include <memory>

#include "access/Pace.h"
#include "base/Error.h"
#include "crypto/Cipher.h"
#include "crypto/KeyAgreementGroup.h"
#include "crypto/Padding.h"

namespace cccd::access {

namespace {

constexpr std::size_t AesBlockSize = 16;

} // namespace

Bytes decryptChipAuthenticationData(ByteView ksEnc, ByteView encrypted) {
    if (encrypted.empty() || encrypted.size() % AesBlockSize != 0) {
        throw Error(ErrorCode::MalformedData, "PACE-CAM: A_IC is not whole AES blocks");
    }
    Bytes iv = crypto::aesEncryptBlock(ksEnc, Bytes(AesBlockSize, 0xFF));
    Bytes padded = crypto::aesCbcDecrypt(ksEnc, iv, encrypted);
    try {
        return crypto::unpad(padded);
    } catch (const Error&) {
        throw Error(ErrorCode::MalformedData, "PACE-CAM: A_IC does not decrypt to padded data");
    }
}

bool verifyChipAuthenticationMapping(const PaceResult& result, ByteView chipStaticPublicKey) {
    if (result.mapping != PaceMapping::ChipAuthentication ||
        result.chipAuthenticationData.empty() || result.chipMappingPublicKey.empty()) {
        throw Error(ErrorCode::InvalidArgument, "not the result of a PACE-CAM run");
    }
    std::unique_ptr<crypto::KeyAgreementGroup> group =
        result.explicitDomainParameters.empty()
            ? crypto::KeyAgreementGroup::standardized(result.parameterId)
            : crypto::KeyAgreementGroup::fromDomainParameters(result.explicitDomainParameters);
    // §4.4.5.6: CA_IC is FE2OS-encoded, as long as the group order.
    if (result.chipAuthenticationData.size() != group->orderSize()) {
        return false;
    }
    try {
        // §4.4.3.5.2: PK_map,IC = KA(CA_IC, PK_IC, D_IC), compared as points.
        SecureBytes expected = group->multiply(result.chipAuthenticationData, chipStaticPublicKey);
        return expected.view().size() == result.chipMappingPublicKey.size() &&
               equalConstantTime(expected, result.chipMappingPublicKey);
    } catch (const Error& e) {
        if (e.code() == ErrorCode::MalformedData) {
            return false; // PK_IC is not a point of D_IC, or CA_IC * PK_IC is infinity
        }
        throw;
    }
}

} // namespace cccd::access
