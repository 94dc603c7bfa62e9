#include "sm/AuthenticationToken.h"

#include "crypto/Mac.h"
#include "crypto/Oid.h"
#include "crypto/Padding.h"
#include "tlv/Tlv.h"

namespace cccd::sm {

namespace {

constexpr std::size_t TokenSize = 8;
constexpr std::size_t TdesBlockSize = 8;
constexpr std::uint32_t PublicKeyTag = 0x7F49;
constexpr std::uint32_t DhPublicValueTag = 0x84; // ICAO 9303-11 §9.4.3, Table 10
constexpr std::uint32_t EcPublicPointTag = 0x86; // §9.4.4, Table 11

} // namespace

Bytes authenticationTokenInput(std::string_view protocolOid,
                               crypto::KeyAgreementAlgorithm keyAgreement, ByteView publicKey) {
    std::uint32_t keyTag =
        keyAgreement == crypto::KeyAgreementAlgorithm::Dh ? DhPublicValueTag : EcPublicPointTag;
    Bytes body = concat(crypto::encodeOidObject(protocolOid), tlv::encode(keyTag, publicKey));
    return tlv::encode(PublicKeyTag, body);
}

Bytes authenticationToken(SmCipher cipher, ByteView ksMac, ByteView input) {
    switch (cipher) {
    case SmCipher::Tdes:
        return crypto::retailMac(ksMac, crypto::pad(input, TdesBlockSize));
    case SmCipher::Aes: {
        Bytes mac = crypto::aesCmac(ksMac, input);
        mac.resize(TokenSize);
        return mac;
    }
    }
    return {};
}

} // namespace cccd::sm
