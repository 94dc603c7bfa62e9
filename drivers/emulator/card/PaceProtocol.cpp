#include "emulator/card/PaceProtocol.h"

#include <string>

namespace cccd::emulator {

namespace {

// ICAO 9303-11 §9.2.1: id-PACE = bsi-de protocols smartcard 4 = 0.4.0.127.0.7.2.2.4.
constexpr std::string_view PaceArc = "0.4.0.127.0.7.2.2.4";

std::optional<int> arc(std::string_view text) {
    if (text.empty() || text.size() > 2) {
        return std::nullopt;
    }
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

bool PaceProtocol::isPaceOid(std::string_view dottedOid) {
    return dottedOid == PaceArc ||
           (dottedOid.size() > PaceArc.size() && dottedOid.substr(0, PaceArc.size()) == PaceArc &&
            dottedOid[PaceArc.size()] == '.');
}

std::optional<PaceProtocol> PaceProtocol::fromOid(std::string_view dottedOid) {
    if (!isPaceOid(dottedOid) || dottedOid.size() <= PaceArc.size()) {
        return std::nullopt;
    }
    std::string_view rest = dottedOid.substr(PaceArc.size() + 1);
    std::size_t dot = rest.find('.');
    if (dot == std::string_view::npos) {
        return std::nullopt;
    }
    std::optional<int> variant = arc(rest.substr(0, dot));
    std::optional<int> suite = arc(rest.substr(dot + 1));
    if (!variant || !suite) {
        return std::nullopt;
    }

    // id-PACE-DH-GM 1, -ECDH-GM 2, -DH-IM 3, -ECDH-IM 4, -ECDH-CAM 6.
    PaceProtocol protocol;
    switch (*variant) {
    case 1:
        protocol.mapping = PaceMapping::Generic;
        protocol.agreement = PaceAgreement::Dh;
        break;
    case 2:
        protocol.mapping = PaceMapping::Generic;
        protocol.agreement = PaceAgreement::Ecdh;
        break;
    case 3:
        protocol.mapping = PaceMapping::Integrated;
        protocol.agreement = PaceAgreement::Dh;
        break;
    case 4:
        protocol.mapping = PaceMapping::Integrated;
        protocol.agreement = PaceAgreement::Ecdh;
        break;
    case 6:
        protocol.mapping = PaceMapping::ChipAuthentication;
        protocol.agreement = PaceAgreement::Ecdh;
        break;
    default:
        return std::nullopt;
    }

    // -3DES-CBC-CBC 1 (not with CAM), -AES-CBC-CMAC-128 2, -192 3, -256 4.
    switch (*suite) {
    case 1:
        if (protocol.mapping == PaceMapping::ChipAuthentication) {
            return std::nullopt;
        }
        protocol.cipher = SmCipher::Tdes;
        protocol.keyType = crypto::KeyType::Tdes;
        break;
    case 2:
        protocol.keyType = crypto::KeyType::Aes128;
        break;
    case 3:
        protocol.keyType = crypto::KeyType::Aes192;
        break;
    case 4:
        protocol.keyType = crypto::KeyType::Aes256;
        break;
    default:
        return std::nullopt;
    }
    return protocol;
}

} // namespace cccd::emulator
