#include "lds/SecurityInfos.h"

#include <array>

#include "base/Error.h"
#include "crypto/Oid.h"
#include "tlv/Tlv.h"

namespace cccd::lds {

namespace {

constexpr std::uint32_t SetTag = 0x31;
constexpr std::uint32_t SequenceTag = 0x30;
constexpr std::uint32_t IntegerTag = 0x02;
constexpr std::uint32_t OidTag = 0x06;

// BSI TR-03110-3 A.1.1 / ICAO 9303-11 §9.2: bsi-de 0.4.0.127.0.7, then 2.2.x protocols.
constexpr std::string_view IdPk = "0.4.0.127.0.7.2.2.1.";
constexpr std::string_view IdTa = "0.4.0.127.0.7.2.2.2";
constexpr std::string_view IdCa = "0.4.0.127.0.7.2.2.3.";
constexpr std::string_view IdPace = "0.4.0.127.0.7.2.2.4.";
constexpr std::string_view IdAa = "2.23.136.1.1.5"; // ICAO 9303-11 §9.2.8

// The arcs after a prefix: "2.2" after id-PACE gives {2, 2}; nullopt when not under it.
std::optional<std::vector<std::uint64_t>> arcsAfter(const std::string& oid,
                                                    std::string_view prefix) {
    if (oid.size() <= prefix.size() || oid.compare(0, prefix.size(), prefix) != 0) {
        return std::nullopt;
    }
    std::vector<std::uint64_t> arcs;
    std::size_t pos = prefix.size();
    while (pos <= oid.size()) {
        std::size_t end = oid.find('.', pos);
        arcs.push_back(std::stoull(oid.substr(pos, end - pos)));
        if (end == std::string::npos) {
            break;
        }
        pos = end + 1;
    }
    return arcs;
}

// Last arc of a PACE or CA protocol: 1 3DES (112-bit), 2-4 AES-128/192/256.
bool setCipher(std::uint64_t arc, SmCipher& cipher, unsigned& keyLength) {
    static constexpr std::array<unsigned, 4> Lengths = {112, 128, 192, 256};
    if (arc < 1 || arc > 4) {
        return false;
    }
    cipher = arc == 1 ? SmCipher::TripleDes : SmCipher::Aes;
    keyLength = Lengths[arc - 1];
    return true;
}

// id-PACE arcs: 1 DH-GM, 2 ECDH-GM, 3 DH-IM, 4 ECDH-IM, 6 ECDH-CAM (ICAO 9303-11 §9.2.1).
bool setPaceMapping(std::uint64_t arc, KeyAgreement& agreement, PaceMapping& mapping) {
    switch (arc) {
    case 1:
    case 2:
        mapping = PaceMapping::Generic;
        break;
    case 3:
    case 4:
        mapping = PaceMapping::Integrated;
        break;
    case 6:
        mapping = PaceMapping::ChipAuthentication;
        break;
    default:
        return false;
    }
    agreement = arc == 1 || arc == 3 ? KeyAgreement::Dh : KeyAgreement::Ecdh;
    return true;
}

bool setCaAgreement(std::uint64_t arc, KeyAgreement& agreement) {
    if (arc != 1 && arc != 2) {
        return false;
    }
    agreement = arc == 1 ? KeyAgreement::Dh : KeyAgreement::Ecdh;
    return true;
}

std::uint64_t integer(const tlv::Tlv& object) {
    if (object.tag != IntegerTag) {
        throw Error(ErrorCode::MalformedData, "SecurityInfo: INTEGER expected");
    }
    return tlv::decodeUnsigned(object.value);
}

Bytes encodedOf(const tlv::Tlv& object) {
    return Bytes(object.encoded.begin(), object.encoded.end());
}

// Reads one SecurityInfo into its typed list; false when the protocol is not one we know.
// Shape errors of a known protocol throw and the caller keeps the info as "other".
bool readKnown(const std::string& protocol, const tlv::Tlv& info,
               const std::vector<tlv::Tlv>& parts, SecurityInfos& out) {
    auto optional = [&parts](std::size_t i) {
        return parts.size() > i ? std::optional(integer(parts[i])) : std::nullopt;
    };
    if (auto arcs = arcsAfter(protocol, IdPace)) {
        if (arcs->size() == 2) {
            PaceInfo pace;
            pace.encoded = encodedOf(info);
            pace.protocol = protocol;
            if (!setPaceMapping((*arcs)[0], pace.keyAgreement, pace.mapping) ||
                !setCipher((*arcs)[1], pace.cipher, pace.keyLength)) {
                return false;
            }
            pace.version = integer(parts.at(1));
            pace.parameterId = optional(2);
            out.paceInfos.push_back(std::move(pace));
            return true;
        }
        if (arcs->size() == 1) {
            PaceDomainParameterInfo domain;
            domain.encoded = encodedOf(info);
            domain.protocol = protocol;
            if (!setPaceMapping((*arcs)[0], domain.keyAgreement, domain.mapping) ||
                parts.at(1).tag != SequenceTag) {
                return false;
            }
            domain.domainParameter = encodedOf(parts[1]);
            domain.parameterId = optional(2);
            out.paceDomainParameterInfos.push_back(std::move(domain));
            return true;
        }
        return false;
    }
    if (auto arcs = arcsAfter(protocol, IdCa)) {
        if (arcs->size() == 2) {
            ChipAuthenticationInfo ca;
            ca.encoded = encodedOf(info);
            ca.protocol = protocol;
            if (!setCaAgreement((*arcs)[0], ca.keyAgreement) ||
                !setCipher((*arcs)[1], ca.cipher, ca.keyLength)) {
                return false;
            }
            ca.version = integer(parts.at(1));
            ca.keyId = optional(2);
            out.chipAuthenticationInfos.push_back(std::move(ca));
            return true;
        }
        if (arcs->size() == 1) {
            ChipAuthenticationDomainParameterInfo domain;
            domain.encoded = encodedOf(info);
            domain.protocol = protocol;
            if (!setCaAgreement((*arcs)[0], domain.keyAgreement) ||
                parts.at(1).tag != SequenceTag) {
                return false;
            }
            domain.domainParameter = encodedOf(parts[1]);
            domain.keyId = optional(2);
            out.chipAuthenticationDomainParameterInfos.push_back(std::move(domain));
            return true;
        }
        return false;
    }
    if (auto arcs = arcsAfter(protocol, IdPk)) {
        ChipAuthenticationPublicKeyInfo key;
        key.encoded = encodedOf(info);
        key.protocol = protocol;
        if (arcs->size() != 1 || !setCaAgreement((*arcs)[0], key.keyAgreement)) {
            return false;
        }
        key.publicKey = SubjectPublicKeyInfo::parse(parts.at(1).encoded);
        key.keyId = optional(2);
        out.chipAuthenticationPublicKeyInfos.push_back(std::move(key));
        return true;
    }
    if (protocol == IdTa) {
        TerminalAuthenticationInfo ta;
        ta.encoded = encodedOf(info);
        ta.protocol = protocol;
        ta.version = integer(parts.at(1));
        if (parts.size() > 2) {
            ta.efCvca = encodedOf(parts[2]);
        }
        out.terminalAuthenticationInfos.push_back(std::move(ta));
        return true;
    }
    if (protocol == IdAa) {
        ActiveAuthenticationInfo aa;
        aa.encoded = encodedOf(info);
        aa.protocol = protocol;
        aa.version = integer(parts.at(1));
        if (parts.size() > 2 && parts[2].tag == OidTag) {
            aa.signatureAlgorithm = crypto::decodeOid(parts[2].value);
        }
        out.activeAuthenticationInfos.push_back(std::move(aa));
        return true;
    }
    return false;
}

void readInfo(const tlv::Tlv& info, SecurityInfos& out) {
    std::string protocol;
    bool malformed = true;
    try {
        if (info.tag != SequenceTag) {
            throw Error(ErrorCode::MalformedData, "SecurityInfo is not a SEQUENCE");
        }
        std::vector<tlv::Tlv> parts = tlv::children(info);
        if (parts.empty() || parts.front().tag != OidTag) {
            throw Error(ErrorCode::MalformedData, "SecurityInfo without protocol");
        }
        protocol = crypto::decodeOid(parts.front().value);
        if (readKnown(protocol, info, parts, out)) {
            return;
        }
        malformed = false; // a protocol this SDK does not know
    } catch (const Error&) {
        // Fall through: kept as it is.
    } catch (const std::out_of_range&) {
        // A required element is missing: kept as it is.
    }
    out.otherInfos.push_back(OtherSecurityInfo{encodedOf(info), protocol, malformed});
}

} // namespace

SecurityInfos SecurityInfos::parse(ByteView set) {
    SecurityInfos out;
    tlv::Tlv infos = tlv::parse(set, SetTag);
    out.raw.assign(infos.encoded.begin(), infos.encoded.end());
    for (const tlv::Tlv& info : tlv::children(infos)) {
        readInfo(info, out);
    }
    return out;
}

std::optional<std::string_view> standardizedDomainParameterName(std::uint64_t id) {
    static constexpr std::array<std::string_view, 19> Names = {"MODP-1024-160",
                                                               "MODP-2048-224",
                                                               "MODP-2048-256",
                                                               "",
                                                               "",
                                                               "",
                                                               "",
                                                               "",
                                                               "secp192r1",
                                                               "brainpoolP192r1",
                                                               "secp224r1",
                                                               "brainpoolP224r1",
                                                               "secp256r1",
                                                               "brainpoolP256r1",
                                                               "brainpoolP320r1",
                                                               "secp384r1",
                                                               "brainpoolP384r1",
                                                               "brainpoolP512r1",
                                                               "secp521r1"};
    if (id >= Names.size() || Names[id].empty()) {
        return std::nullopt;
    }
    return Names[id];
}

} // namespace cccd::lds
