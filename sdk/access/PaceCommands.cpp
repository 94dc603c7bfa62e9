#include "access/PaceCommands.h"

#include "apdu/CommandApdu.h"
#include "base/Error.h"
#include "crypto/Oid.h"
#include "tlv/Tlv.h"
#include "transport/Send.h"

namespace cccd::access {

namespace {

constexpr std::uint8_t ClaLast = 0x00;
constexpr std::uint8_t ClaChained = 0x10; // ISO/IEC 7816-4 §5.1.1: command chaining
constexpr std::uint8_t InsManageSecurityEnvironment = 0x22;
constexpr std::uint8_t InsGeneralAuthenticate = 0x86;
constexpr std::uint8_t P1SetForAuthentication = 0xC1; // MSE:Set, computation and verification
constexpr std::uint8_t P2AuthenticationTemplate = 0xA4;

// ICAO 9303-11 §4.4.4.1 (MSE:Set AT) and §4.4.4.2 (dynamic authentication data).
constexpr std::uint32_t TagProtocol = 0x80;
constexpr std::uint32_t TagPasswordReference = 0x83;
constexpr std::uint32_t TagParameterReference = 0x84;
constexpr std::uint32_t TagDynamicAuthenticationData = 0x7C;

} // namespace

void setPaceAuthenticationTemplate(transport::CardChannel& channel, const std::string& protocol,
                                   PacePasswordType passwordType,
                                   std::optional<std::uint64_t> parameterId) {
    Bytes data = tlv::encode(TagProtocol, crypto::encodeOid(protocol));
    append(data, tlv::encode(TagPasswordReference, Bytes{static_cast<std::uint8_t>(passwordType)}));
    if (parameterId) {
        append(data, tlv::encode(TagParameterReference, tlv::encodeUnsigned(*parameterId)));
    }
    apdu::ResponseApdu answer =
        transport::send(channel, {ClaLast, InsManageSecurityEnvironment, P1SetForAuthentication,
                                  P2AuthenticationTemplate, data, 0, false});
    if (!answer.isSuccess()) {
        throw Error(ErrorCode::CardStatus, "MSE:Set AT for PACE failed", answer.sw);
    }
}

apdu::ResponseApdu generalAuthenticate(transport::CardChannel& channel, bool last,
                                       ByteView object) {
    Bytes data = tlv::encode(TagDynamicAuthenticationData, object);
    // §9.3.1.2: extended length for GENERAL AUTHENTICATE when the data needs it (DH 2048 keys);
    // never a short Lc with an extended Le.
    std::size_t ne = data.size() > apdu::ShortNcMax ? apdu::ExtendedNeMax : apdu::ShortNeMax;
    return transport::send(channel, {last ? ClaLast : ClaChained, InsGeneralAuthenticate, 0x00,
                                     0x00, std::move(data), ne, false});
}

std::optional<Bytes> findPaceObject(ByteView data, PaceTag tag) {
    tlv::Tlv outer = tlv::parse(data, TagDynamicAuthenticationData);
    std::optional<tlv::Tlv> object = tlv::findChild(outer, static_cast<std::uint32_t>(tag));
    if (!object) {
        return std::nullopt;
    }
    return Bytes(object->value.begin(), object->value.end());
}

Bytes requirePaceObject(const apdu::ResponseApdu& answer, PaceTag tag, const char* step) {
    if (!answer.isSuccess()) {
        throw Error(ErrorCode::CardStatus, std::string("PACE ") + step + " failed", answer.sw);
    }
    std::optional<Bytes> object = findPaceObject(answer.data, tag);
    if (!object) {
        throw Error(ErrorCode::MalformedData, std::string("PACE ") + step + ": data missing");
    }
    return std::move(*object);
}

Bytes encodePaceObject(PaceTag tag, ByteView value) {
    return tlv::encode(static_cast<std::uint32_t>(tag), value);
}

} // namespace cccd::access
