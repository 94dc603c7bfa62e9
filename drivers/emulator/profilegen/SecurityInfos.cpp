#include "emulator/profilegen/SecurityInfos.h"

#include <optional>
#include <set>

#include "base/Error.h"
#include "crypto/Oid.h"
#include "emulator/profilegen/Keys.h"
#include "tlv/Tlv.h"

namespace cccd::emulator {

namespace {

constexpr std::uint32_t SetTag = 0x31;
constexpr std::uint32_t SequenceTag = 0x30;
constexpr std::uint32_t Dg14Tag = 0x6E;
constexpr std::uint64_t TaVersion = 1;   // TerminalAuthenticationInfo v1 (EAC1)
constexpr std::uint64_t CaVersion = 1;   // ChipAuthenticationInfo v1 (ICAO 9303)
constexpr std::uint64_t PaceVersion = 2; // ICAO 9303-11 §9.2.1
constexpr std::uint64_t AaVersion = 1;   // ICAO 9303-11 §9.2.8

// SecurityInfo ::= SEQUENCE { protocol OID, requiredData, optionalData OPTIONAL }.
Bytes securityInfo(const std::string& protocol, ByteView contents) {
    Bytes body = crypto::encodeOidObject(protocol);
    append(body, contents);
    return tlv::encode(SequenceTag, body);
}

Bytes integers(std::initializer_list<std::uint64_t> values) {
    Bytes out;
    for (std::uint64_t value : values) {
        append(out, tlv::encodeInteger(value));
    }
    return out;
}

Bytes withKeyId(Bytes contents, const std::optional<std::uint64_t>& keyId) {
    if (keyId) {
        append(contents, tlv::encodeInteger(*keyId));
    }
    return contents;
}

// PACEDomainParameterInfo ::= SEQUENCE { protocol id-PACE-{DH,ECDH}-{GM,IM} | id-PACE-ECDH-CAM,
// domainParameter AlgorithmIdentifier, parameterId INTEGER OPTIONAL } (ICAO 9303-11 §9.2.2):
// one per proprietary ID, its protocol the first PACEInfo's without the cipher arc.
Bytes paceDomainParameterInfos(const std::vector<PaceOption>& options) {
    Bytes infos;
    std::set<std::uint64_t> written;
    for (const PaceOption& pace : options) {
        if (!pace.explicitParameterId || !written.insert(*pace.explicitParameterId).second) {
            continue;
        }
        Bytes contents = explicitDomainParameters(pace.parameterId);
        append(contents, tlv::encodeInteger(*pace.explicitParameterId));
        std::string protocol = pace.protocol.substr(0, pace.protocol.rfind('.'));
        append(infos, securityInfo(protocol, contents));
    }
    return infos;
}

// TA, CA and PACE infos: the content of EF.CardAccess and the start of DG14.
Bytes accessInfos(const CardFeatures& features) {
    Bytes infos;
    if (features.terminalAuthentication) {
        append(infos, securityInfo(IdTa, integers({TaVersion})));
    }
    if (const auto& ca = features.chipAuthentication) {
        append(infos, securityInfo(ca->protocol, withKeyId(integers({CaVersion}), ca->keyId)));
    }
    for (const PaceOption& pace : features.pace) {
        append(infos,
               securityInfo(pace.protocol, integers({PaceVersion, pace.announcedParameterId()})));
    }
    append(infos, paceDomainParameterInfos(features.pace));
    return infos;
}

// ChipAuthenticationPublicKeyInfo ::= SEQUENCE { id-PK-DH | id-PK-ECDH,
// SubjectPublicKeyInfo, keyId INTEGER OPTIONAL } (BSI TR-03110-3 §A.1.1).
Bytes chipAuthenticationPublicKeyInfo(const ChipAuthenticationOption& ca, EVP_PKEY* key) {
    bool ec = EVP_PKEY_get_base_id(key) == EVP_PKEY_EC;
    Bytes spki = subjectPublicKeyInfo(key, ec && ca.explicitParameters);
    return securityInfo(ec ? IdPkEcdh : IdPkDh, withKeyId(spki, ca.keyId));
}

// ecdsa-with-SHA1 (ANSI X9.62) and ecdsa-with-SHA224..512 (RFC 5758 §3.2).
const char* ecdsaSignatureOid(const std::string& digest) {
    if (digest == "sha1") {
        return "1.2.840.10045.4.1";
    }
    if (digest == "sha224") {
        return "1.2.840.10045.4.3.1";
    }
    if (digest == "sha256") {
        return "1.2.840.10045.4.3.2";
    }
    if (digest == "sha384") {
        return "1.2.840.10045.4.3.3";
    }
    if (digest == "sha512") {
        return "1.2.840.10045.4.3.4";
    }
    throw Error(ErrorCode::InvalidArgument, "no ECDSA signature algorithm for " + digest);
}

} // namespace

Bytes buildCardAccess(const CardFeatures& features) {
    return tlv::encode(SetTag, accessInfos(features));
}

Bytes buildDg14(const CardFeatures& features, EVP_PKEY* chipAuthenticationKey,
                EVP_PKEY* activeAuthenticationKey, const std::vector<EVP_PKEY*>& additionalKeys) {
    Bytes infos = accessInfos(features);
    if (features.chipAuthentication && chipAuthenticationKey != nullptr) {
        append(infos, chipAuthenticationPublicKeyInfo(*features.chipAuthentication,
                                                      chipAuthenticationKey));
    }
    for (std::size_t i = 0; i < additionalKeys.size(); ++i) {
        const ChipAuthenticationOption& ca = features.additionalChipAuthentication.at(i);
        append(infos, securityInfo(ca.protocol, withKeyId(integers({CaVersion}), ca.keyId)));
        append(infos, chipAuthenticationPublicKeyInfo(ca, additionalKeys[i]));
    }
    // ActiveAuthenticationInfo ::= SEQUENCE { id-AA, version 1, signatureAlgorithm OID }.
    const auto& aa = features.activeAuthentication;
    if (aa && aa->keyType == ActiveAuthenticationOption::KeyType::Ec &&
        activeAuthenticationKey != nullptr) {
        Bytes contents = integers({AaVersion});
        append(contents, crypto::encodeOidObject(ecdsaSignatureOid(aa->digest)));
        append(infos, securityInfo(IdAa, contents));
    }
    return tlv::encode(Dg14Tag, tlv::encode(SetTag, infos));
}

Bytes cardSecurityInfos(const CardFeatures& features, EVP_PKEY* chipAuthenticationKey) {
    Bytes infos = accessInfos(features);
    if (features.chipAuthentication && chipAuthenticationKey != nullptr) {
        append(infos, chipAuthenticationPublicKeyInfo(*features.chipAuthentication,
                                                      chipAuthenticationKey));
    }
    return tlv::encode(SetTag, infos);
}

} // namespace cccd::emulator
