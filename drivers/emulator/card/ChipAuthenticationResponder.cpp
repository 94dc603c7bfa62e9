#include "emulator/card/ChipAuthenticationResponder.h"

#include <algorithm>
#include <map>

#include "base/Error.h"
#include "crypto/Mac.h"
#include "crypto/Oid.h"
#include "crypto/Padding.h"
#include "emulator/card/SecurityEnvironment.h"
#include "tlv/Tlv.h"

namespace cccd::emulator {

namespace {

// Data objects of MSE:Set AT / MSE:Set KAT / GENERAL AUTHENTICATE (BSI TR-03110-3 §B.11).
constexpr std::uint32_t TagDynamicData = 0x7C;       // dynamic authentication data
constexpr std::uint32_t TagGaPublicKey = 0x80;       // ephemeral public key in GA
constexpr std::uint32_t TagNonce = 0x81;             // CA version 2
constexpr std::uint32_t TagToken = 0x82;             // CA version 2
constexpr std::uint32_t TagPublicKeyObject = 0x7F49; // public key data object (TR-03110-3 §D.3)
constexpr std::uint32_t TagEcPoint = 0x86;
constexpr std::uint32_t TagDhValue = 0x84;
constexpr std::size_t NonceSize = 8; // TR-03110-3 §B.2.2
constexpr std::size_t TokenSize = 8; // TR-03110-3 §A.2.4: MAC truncated to 8 bytes

using Objects = std::map<std::uint32_t, ByteView>;

// The data objects of a command, each tag at most once and all of them known; nullopt if not.
std::optional<Objects> dataObjects(ByteView data, std::initializer_list<std::uint32_t> allowed) {
    Objects objects;
    try {
        tlv::TlvReader reader(data);
        while (!reader.atEnd()) {
            tlv::Tlv object = reader.next();
            if (std::find(allowed.begin(), allowed.end(), object.tag) == allowed.end() ||
                !objects.emplace(object.tag, object.value).second) {
                return std::nullopt;
            }
        }
    } catch (const Error&) {
        return std::nullopt;
    }
    return objects;
}

ChipAuthenticationResponder::Outcome refused(StatusWord statusWord) {
    return {{}, statusWord, std::nullopt};
}

} // namespace

ChipAuthenticationResponder::ChipAuthenticationResponder(ByteView privateKeyPem,
                                                         std::string_view protocolOid,
                                                         std::optional<std::uint64_t> keyId,
                                                         unsigned version,
                                                         crypto::RandomSource random)
    : m_key(privateKeyPem), m_keyId(keyId), m_version(version), m_random(std::move(random)) {
    auto protocol = chipAuthenticationProtocol(protocolOid);
    if (!protocol) {
        throw Error(ErrorCode::InvalidArgument,
                    "chip authentication: not a CA protocol: " + std::string(protocolOid));
    }
    if (protocol->keyAgreement != m_key.keyAgreement()) {
        throw Error(ErrorCode::InvalidArgument,
                    "chip authentication: the key does not suit " + std::string(protocolOid));
    }
    if (version != 1 && version != 2) {
        throw Error(ErrorCode::InvalidArgument, "chip authentication: version must be 1 or 2");
    }
    m_protocol = std::move(*protocol);
}

// DO'84' holds the keyId of ChipAuthenticationInfo as an unsigned big-endian integer. A card
// that names no key knows no reference.
bool ChipAuthenticationResponder::keyReferenceMatches(ByteView reference) const {
    std::optional<std::uint64_t> value = referenceNumber(reference);
    return m_keyId && value == m_keyId;
}

// ICAO 9303-11 §9.7.1: KS_enc = KDF(K, 1), KS_mac = KDF(K, 2) with the cipher of the protocol;
// version 2 appends the chip's nonce to K (BSI TR-03110-2, Chip Authentication version 2). The SSC
// restarts at zero.
std::optional<SessionKeys> ChipAuthenticationResponder::agree(ByteView terminalPublicKey,
                                                              ByteView nonce) {
    std::optional<SecureBytes> k = m_key.sharedSecret(terminalPublicKey);
    if (!k) {
        return std::nullopt;
    }
    SecureBytes seed(concat(k->view(), nonce));
    return deriveSessionKeys(seed.view(), m_protocol.cipher, m_protocol.keyType);
}

// BSI TR-03110-3 §A.2.4: T_IC = MAC(KS_mac, PK_PCD as a public key data object naming the
// protocol), truncated to 8 bytes; the point is DO'86', a DH value DO'84' (§D.3).
Bytes ChipAuthenticationResponder::authenticationToken(const SessionKeys& keys,
                                                       ByteView terminalPublicKey) const {
    bool ec = m_protocol.keyAgreement == ChipAuthenticationProtocol::KeyAgreement::Ecdh;
    Bytes body = crypto::encodeOidObject(m_protocol.oid);
    append(body, tlv::encode(ec ? TagEcPoint : TagDhValue, terminalPublicKey));
    Bytes input = tlv::encode(TagPublicKeyObject, body);
    Bytes mac = keys.cipher == SmCipher::Aes
                    ? crypto::aesCmac(keys.macKey, input)
                    : crypto::retailMac(keys.macKey, crypto::pad(input, 8));
    mac.resize(TokenSize);
    return mac;
}

ChipAuthenticationResponder::Outcome
ChipAuthenticationResponder::setKeyAgreementTemplate(ByteView data) {
    m_templateSet = false;
    // TR-03110-3 §B.2: MSE:Set KAT is version 1 with 3DES only.
    if (m_version != 1 || m_protocol.cipher != SmCipher::Tdes) {
        return refused(StatusWord::IncorrectData);
    }
    std::optional<SecurityEnvironment> environment = parseSecurityEnvironment(data);
    if (!environment || !environment->ephemeralPublicKey || environment->protocol ||
        environment->passwordReference) {
        return refused(StatusWord::IncorrectData);
    }
    if (environment->privateKeyReference &&
        !keyReferenceMatches(*environment->privateKeyReference)) {
        return refused(StatusWord::IncorrectData);
    }
    std::optional<SessionKeys> keys = agree(*environment->ephemeralPublicKey, {});
    if (!keys) {
        return refused(StatusWord::IncorrectData);
    }
    return {{}, StatusWord::Success, std::move(keys)};
}

ChipAuthenticationResponder::Outcome
ChipAuthenticationResponder::setAuthenticationTemplate(ByteView data) {
    m_templateSet = false;
    std::optional<SecurityEnvironment> environment = parseSecurityEnvironment(data);
    if (!environment || environment->protocol != m_protocol.oid || environment->passwordReference ||
        environment->ephemeralPublicKey) {
        return refused(StatusWord::IncorrectData);
    }
    if (environment->privateKeyReference &&
        !keyReferenceMatches(*environment->privateKeyReference)) {
        return refused(StatusWord::IncorrectData);
    }
    m_templateSet = true;
    return {{}, StatusWord::Success, std::nullopt};
}

ChipAuthenticationResponder::Outcome
ChipAuthenticationResponder::generalAuthenticate(ByteView data) {
    if (!m_templateSet) {
        return refused(StatusWord::ConditionsOfUseNotSatisfied);
    }
    m_templateSet = false; // one GENERAL AUTHENTICATE per MSE:Set AT

    std::optional<Objects> outer = dataObjects(data, {TagDynamicData});
    if (!outer || !outer->contains(TagDynamicData)) {
        return refused(StatusWord::IncorrectData);
    }
    std::optional<Objects> inner = dataObjects(outer->at(TagDynamicData), {TagGaPublicKey});
    if (!inner || !inner->contains(TagGaPublicKey)) {
        return refused(StatusWord::IncorrectData);
    }
    ByteView terminalPublicKey = inner->at(TagGaPublicKey);

    // Version 1 has no protocol response data (TR-03110-3 §B.2): the next correctly MACed
    // response proves the chip. Version 2 sends a nonce and the authentication token.
    Bytes nonce = m_version == 2 ? m_random(NonceSize) : Bytes();
    std::optional<SessionKeys> keys = agree(terminalPublicKey, nonce);
    if (!keys) {
        return refused(StatusWord::IncorrectData);
    }
    Bytes dynamicData;
    if (m_version == 2) {
        dynamicData = tlv::encode(TagNonce, nonce);
        append(dynamicData, tlv::encode(TagToken, authenticationToken(*keys, terminalPublicKey)));
    }
    return {tlv::encode(TagDynamicData, dynamicData), StatusWord::Success, std::move(keys)};
}

} // namespace cccd::emulator
