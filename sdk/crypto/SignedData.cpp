#include "crypto/SignedData.h"

#include "base/Error.h"
#include "crypto/Oid.h"

namespace cccd::crypto {

namespace {

[[noreturn]] void malformed(const char* what) {
    throw Error(ErrorCode::MalformedData, std::string("CMS SignedData: ") + what);
}

// eContent is an OCTET STRING; BER allows it constructed from segments (X.690 §8.7.3).
Bytes octetStringContents(const tlv::Tlv& octets) {
    if (octets.tag == asn1::OctetString) {
        return Bytes(octets.value.begin(), octets.value.end());
    }
    if (octets.tag != (asn1::OctetString | 0x20)) {
        malformed("eContent is not an OCTET STRING");
    }
    Bytes out;
    for (const tlv::Tlv& segment : tlv::children(octets)) {
        append(out, octetStringContents(segment));
    }
    return out;
}

// EncapsulatedContentInfo ::= SEQUENCE { eContentType, eContent [0] EXPLICIT OCTET STRING OPTIONAL
// }
void parseEncapsulatedContent(const tlv::Tlv& info, SignedData& out) {
    tlv::TlvReader reader(info.value);
    out.eContentType = readOid(reader.next());
    if (!reader.atEnd()) {
        tlv::Tlv explicitTag = reader.expect(asn1::ContextConstructed0);
        out.eContent = octetStringContents(tlv::parse(explicitTag.value));
    }
}

} // namespace

// SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo,
// certificates [0] IMPLICIT OPTIONAL, crls [1] IMPLICIT OPTIONAL, signerInfos SET }.
SignedData SignedData::parse(ByteView contentInfo) {
    tlv::Tlv outer = tlv::parse(contentInfo, asn1::Sequence);
    tlv::TlvReader info(outer.value);
    if (readOid(info.next()) != SignedDataOid) {
        malformed("contentType is not id-signedData");
    }
    tlv::Tlv content = tlv::parse(info.expect(asn1::ContextConstructed0).value, asn1::Sequence);

    SignedData out;
    tlv::TlvReader reader(content.value);
    out.version = static_cast<int>(tlv::decodeUnsigned(reader.expect(asn1::Integer).value));
    for (const tlv::Tlv& algorithm : tlv::children(reader.expect(asn1::Set))) {
        out.digestAlgorithms.push_back(parseAlgorithmIdentifier(algorithm));
    }
    parseEncapsulatedContent(reader.expect(asn1::Sequence), out);

    tlv::Tlv next = reader.next();
    if (next.tag == asn1::ContextConstructed0) {
        for (const tlv::Tlv& certificate : tlv::children(next)) {
            if (certificate.tag == asn1::Sequence) {
                out.certificates.push_back(Certificate::fromDer(certificate.encoded));
            }
        }
        next = reader.next();
    }
    if (next.tag == asn1::ContextConstructed1) {
        next = reader.next(); // CRLs are not used from here: revocation comes from the trust store
    }
    if (next.tag != asn1::Set) {
        malformed("missing signerInfos");
    }
    for (const tlv::Tlv& signerInfo : tlv::children(next)) {
        out.signerInfos.push_back(parseSignerInfo(signerInfo));
    }
    return out;
}

} // namespace cccd::crypto
