#include "lds/Sod.h"

#include "base/Error.h"
#include "crypto/Oid.h"

namespace cccd::lds {

namespace {

namespace asn1 = crypto::asn1;

constexpr int SignedDataVersion = 3; // ICAO 9303-10 §4.6.2.2
constexpr int MaxDataGroup = 16;

[[noreturn]] void malformed(const std::string& what) {
    throw Error(ErrorCode::MalformedData, "security object: " + what);
}

LdsVersionInfo parseVersionInfo(const tlv::Tlv& sequence) {
    tlv::TlvReader reader(sequence.value);
    LdsVersionInfo info;
    info.ldsVersion = toString(reader.expect(asn1::PrintableString).value);
    info.unicodeVersion = toString(reader.expect(asn1::PrintableString).value);
    return info;
}

// LDSSecurityObject ::= SEQUENCE { version, hashAlgorithm, dataGroupHashValues SEQUENCE OF
// DataGroupHash, ldsVersionInfo OPTIONAL } (ICAO 9303-10 §4.6.2.3).
LdsSecurityObject parseLdsSecurityObject(ByteView der) {
    tlv::Tlv outer = tlv::parse(der, asn1::Sequence);
    tlv::TlvReader reader(outer.value);
    LdsSecurityObject lds;
    lds.version = static_cast<int>(tlv::decodeUnsigned(reader.expect(asn1::Integer).value));
    lds.hashAlgorithmIdentifier = crypto::parseAlgorithmIdentifier(reader.expect(asn1::Sequence));
    auto hash = crypto::hashAlgorithmFromOid(lds.hashAlgorithmIdentifier.oid);
    if (!hash) {
        throw Error(ErrorCode::NotSupported,
                    "EF.SOD: LDSSecurityObject hash algorithm " + lds.hashAlgorithmIdentifier.oid);
    }
    lds.hashAlgorithm = *hash;

    for (const tlv::Tlv& entry : tlv::children(reader.expect(asn1::Sequence))) {
        if (entry.tag != asn1::Sequence) {
            malformed("DataGroupHash is not a SEQUENCE");
        }
        tlv::TlvReader fields(entry.value);
        auto number = tlv::decodeUnsigned(fields.expect(asn1::Integer).value);
        tlv::Tlv value = fields.expect(asn1::OctetString);
        if (number < 1 || number > MaxDataGroup) {
            malformed("data group number out of range");
        }
        if (value.value.size() != crypto::digestSize(lds.hashAlgorithm)) {
            malformed("data group hash of the wrong length");
        }
        if (!lds.dataGroupHashes.emplace(int(number), Bytes(value.value.begin(), value.value.end()))
                 .second) {
            malformed("data group listed twice");
        }
    }
    if (!reader.atEnd()) {
        lds.ldsVersionInfo = parseVersionInfo(reader.expect(asn1::Sequence));
    }

    // Version 0 has no LDSVersionInfo, version 1 must have it (ICAO 9303-10 §4.6.2.3).
    if ((lds.version == 0) == lds.ldsVersionInfo.has_value() || lds.version > 1) {
        malformed("LDSSecurityObject version does not match its content");
    }
    return lds;
}

crypto::SignedData parseSignedData(ByteView contentInfo, std::string_view expectedType) {
    crypto::SignedData signedData = crypto::SignedData::parse(contentInfo);
    if (signedData.version != SignedDataVersion) {
        malformed("SignedData version is not 3");
    }
    if (signedData.eContentType != expectedType) {
        malformed("unexpected eContentType " + signedData.eContentType);
    }
    if (!signedData.eContent) {
        malformed("no encapsulated content");
    }
    // The digests the signers used (RFC 5652 §5.1): one this SDK does not accept (e.g. MD5)
    // is as unacceptable here as in the SignerInfo (BSI TR-03105-5.1 LDS_H_22).
    for (const crypto::AlgorithmIdentifier& digest : signedData.digestAlgorithms) {
        if (!crypto::hashAlgorithmFromOid(digest.oid)) {
            throw Error(ErrorCode::NotSupported, "security object: digest algorithm " + digest.oid);
        }
    }
    return signedData;
}

} // namespace

DocumentSignerInfo locateDocumentSigner(const crypto::SignedData& signedData) {
    if (signedData.signerInfos.empty()) {
        malformed("no SignerInfo");
    }
    DocumentSignerInfo out{signedData.signerInfos.front(), std::nullopt, crypto::SignerMatch::None};
    for (const crypto::Certificate& certificate : signedData.certificates) {
        crypto::SignerMatch match = crypto::matchSigner(out.signerInfo.sid, certificate);
        if (match != crypto::SignerMatch::None) {
            out.certificate = certificate;
            out.match = match;
            break;
        }
    }
    return out;
}

Sod Sod::parse(ByteView efSod) {
    tlv::Tlv outer = tlv::parse(efSod, Tag);
    Sod sod;
    sod.m_raw.assign(outer.encoded.begin(), outer.encoded.end());
    sod.m_signedData = parseSignedData(outer.value, LdsSecurityObjectOid);
    sod.m_lds = parseLdsSecurityObject(*sod.m_signedData.eContent);
    sod.m_signer = locateDocumentSigner(sod.m_signedData);
    return sod;
}

CardSecurity CardSecurity::parse(ByteView efCardSecurity) {
    tlv::Tlv outer = tlv::parse(efCardSecurity, asn1::Sequence);
    CardSecurity cardSecurity;
    cardSecurity.m_raw.assign(outer.encoded.begin(), outer.encoded.end());
    cardSecurity.m_signedData = parseSignedData(outer.encoded, SecurityObjectOid);
    if (tlv::parse(*cardSecurity.m_signedData.eContent).tag != asn1::Set) {
        malformed("SecurityInfos is not a SET");
    }
    cardSecurity.m_signer = locateDocumentSigner(cardSecurity.m_signedData);
    return cardSecurity;
}

} // namespace cccd::lds
