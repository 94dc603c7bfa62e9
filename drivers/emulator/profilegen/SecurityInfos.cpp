#include "emulator/profilegen/SecurityInfos.h"

#include "crypto/Oid.h"
#include "emulator/profilegen/Keys.h"
#include "tlv/Tlv.h"

namespace cccd::emulator {

namespace {

// BSI TR-03110-3 §A.1.1 object identifiers under bsi-de protocols smartcard (0.4.0.127.0.7.2.2).
constexpr const char* IdTa = "0.4.0.127.0.7.2.2.2";
constexpr const char* IdCaEcdhAesCbcCmac128 = "0.4.0.127.0.7.2.2.3.2.2";
constexpr const char* IdPaceEcdhGmAesCbcCmac128 = "0.4.0.127.0.7.2.2.4.2.2";
constexpr const char* IdPkEcdh = "0.4.0.127.0.7.2.2.1.2";
constexpr std::uint64_t BrainpoolP256r1ParameterId = 13;

Bytes securityInfo(const char* protocol, std::initializer_list<std::uint64_t> integers) {
    Bytes body = crypto::encodeOidObject(protocol);
    for (std::uint64_t value : integers) {
        append(body, tlv::encodeInteger(value));
    }
    return tlv::encode(0x30, body);
}

// The three SecurityInfos EF.CardAccess and DG14 share, in the card's order.
Bytes commonInfos() {
    Bytes infos = securityInfo(IdTa, {1});
    append(infos, securityInfo(IdCaEcdhAesCbcCmac128, {1}));
    append(infos, securityInfo(IdPaceEcdhGmAesCbcCmac128, {2, BrainpoolP256r1ParameterId}));
    return infos;
}

} // namespace

Bytes buildCardAccess() {
    return tlv::encode(0x31, commonInfos());
}

Bytes buildDg14(EVP_PKEY* chipAuthenticationKey) {
    Bytes infos = commonInfos();
    Bytes publicKeyInfo = crypto::encodeOidObject(IdPkEcdh);
    append(publicKeyInfo, subjectPublicKeyInfo(chipAuthenticationKey, true));
    append(infos, tlv::encode(0x30, publicKeyInfo));
    return tlv::encode(0x6E, tlv::encode(0x31, infos));
}

} // namespace cccd::emulator
