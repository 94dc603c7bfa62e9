#include "crypto/SignerInfo.h"

#include "base/Error.h"
#include "crypto/Hash.h"
#include "crypto/Oid.h"
#include "crypto/Signature.h"
#include "crypto/SignatureAlgorithm.h"

namespace cccd::crypto {

namespace {

// PKCS #9 attribute types (RFC 2985 §5.3.1-5.3.3), the ones CMS signed attributes use.
constexpr std::string_view ContentTypeAttribute = "1.2.840.113549.1.9.3";
constexpr std::string_view MessageDigestAttribute = "1.2.840.113549.1.9.4";
constexpr std::string_view SigningTimeAttribute = "1.2.840.113549.1.9.5";
constexpr std::uint8_t SetTag = 0x31;

[[noreturn]] void malformed(const char* what) {
    throw Error(ErrorCode::MalformedData, std::string("CMS SignerInfo: ") + what);
}

SignerIdentifier parseSid(const tlv::Tlv& sid) {
    SignerIdentifier out;
    if (sid.tag == asn1::Sequence) {
        tlv::TlvReader reader(sid.value);
        tlv::Tlv issuer = reader.expect(asn1::Sequence);
        tlv::Tlv serial = reader.expect(asn1::Integer);
        out.issuerAndSerialNumber =
            IssuerAndSerialNumber{DistinguishedName::fromDer(issuer.encoded),
                                  Bytes(serial.value.begin(), serial.value.end())};
    } else if (sid.tag == asn1::ContextPrimitive0) {
        out.subjectKeyIdentifier = Bytes(sid.value.begin(), sid.value.end());
    } else {
        malformed("unknown SignerIdentifier");
    }
    return out;
}

// Attribute ::= SEQUENCE { attrType OID, attrValues SET OF value } (RFC 5652 §5.3); the three
// attributes read here are single-valued (RFC 5652 §11.1-11.3).
void parseSignedAttributes(const tlv::Tlv& attributes, SignerInfo& out) {
    for (const tlv::Tlv& attribute : tlv::children(attributes)) {
        if (attribute.tag != asn1::Sequence) {
            malformed("attribute is not a SEQUENCE");
        }
        tlv::TlvReader reader(attribute.value);
        std::string type = readOid(reader.next());
        std::vector<tlv::Tlv> values = tlv::children(reader.expect(asn1::Set));
        if (values.size() != 1) {
            if (type == ContentTypeAttribute || type == MessageDigestAttribute ||
                type == SigningTimeAttribute) {
                malformed("attribute must have exactly one value");
            }
            continue;
        }
        const tlv::Tlv& value = values.front();
        if (type == ContentTypeAttribute) {
            out.contentType = readOid(value);
        } else if (type == MessageDigestAttribute) {
            if (value.tag != asn1::OctetString) {
                malformed("messageDigest is not an OCTET STRING");
            }
            out.messageDigest = Bytes(value.value.begin(), value.value.end());
        } else if (type == SigningTimeAttribute) {
            out.signingTime = decodeAsn1Time(value);
        }
    }
}

} // namespace

// SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, signedAttrs [0] IMPLICIT OPTIONAL,
// signatureAlgorithm, signature OCTET STRING, unsignedAttrs [1] IMPLICIT OPTIONAL }.
SignerInfo parseSignerInfo(const tlv::Tlv& sequence) {
    if (sequence.tag != asn1::Sequence) {
        malformed("expected a SEQUENCE");
    }
    tlv::TlvReader reader(sequence.value);
    SignerInfo out;
    out.version = static_cast<int>(tlv::decodeUnsigned(reader.expect(asn1::Integer).value));
    out.sid = parseSid(reader.next());
    // RFC 5652 §5.3: version 1 goes with issuerAndSerialNumber, 3 with subjectKeyIdentifier.
    if (out.version != (out.sid.issuerAndSerialNumber ? 1 : 3)) {
        malformed("version does not match the SignerIdentifier");
    }
    out.digestAlgorithm = parseAlgorithmIdentifier(reader.expect(asn1::Sequence));

    tlv::Tlv next = reader.next();
    if (next.tag == asn1::ContextConstructed0) {
        out.signedAttributes = Bytes(next.encoded.begin(), next.encoded.end());
        parseSignedAttributes(next, out);
        next = reader.next();
    }
    out.signatureAlgorithm = parseAlgorithmIdentifier(next);
    tlv::Tlv signature = reader.expect(asn1::OctetString);
    out.signature.assign(signature.value.begin(), signature.value.end());
    return out;
}

SignerMatch matchSigner(const SignerIdentifier& sid, const Certificate& certificate) {
    if (sid.issuerAndSerialNumber) {
        const IssuerAndSerialNumber& id = *sid.issuerAndSerialNumber;
        if (id.serialNumber == certificate.serialNumber() && id.issuer == certificate.issuer()) {
            return SignerMatch::IssuerAndSerialNumber;
        }
    }
    if (sid.subjectKeyIdentifier && certificate.subjectKeyIdentifier() &&
        *sid.subjectKeyIdentifier == *certificate.subjectKeyIdentifier()) {
        return SignerMatch::SubjectKeyIdentifier;
    }
    return SignerMatch::None;
}

SignerInfoStatus verifySignerInfo(const SignerInfo& signerInfo, std::string_view eContentType,
                                  ByteView eContent, const PublicKey& key) {
    auto digestAlgorithm = hashAlgorithmFromOid(signerInfo.digestAlgorithm.oid);
    if (!digestAlgorithm) {
        return SignerInfoStatus::UnsupportedAlgorithm;
    }
    auto signatureAlgorithm =
        signatureAlgorithmFromIdentifier(signerInfo.signatureAlgorithm, digestAlgorithm);
    if (!signatureAlgorithm) {
        return SignerInfoStatus::UnsupportedAlgorithm;
    }
    if (!signerInfo.signedAttributes) {
        return verifySignature(key, *signatureAlgorithm, eContent, signerInfo.signature)
                   ? SignerInfoStatus::Valid
                   : SignerInfoStatus::SignatureInvalid;
    }

    // RFC 5652 §5.4: with signed attributes, messageDigest and contentType must be present and
    // agree with the content, and the signature covers the attributes as an explicit SET OF.
    if (!signerInfo.messageDigest) {
        return SignerInfoStatus::MessageDigestMissing;
    }
    if (!equalConstantTime(*signerInfo.messageDigest, digest(*digestAlgorithm, eContent))) {
        return SignerInfoStatus::MessageDigestMismatch;
    }
    if (signerInfo.contentType && *signerInfo.contentType != eContentType) {
        return SignerInfoStatus::ContentTypeMismatch;
    }
    Bytes signedBytes = *signerInfo.signedAttributes;
    signedBytes[0] = SetTag;
    return verifySignature(key, *signatureAlgorithm, signedBytes, signerInfo.signature)
               ? SignerInfoStatus::Valid
               : SignerInfoStatus::SignatureInvalid;
}

std::string_view signerInfoStatusName(SignerInfoStatus status) {
    switch (status) {
    case SignerInfoStatus::Valid:
        return "valid";
    case SignerInfoStatus::MessageDigestMissing:
        return "message_digest_missing";
    case SignerInfoStatus::MessageDigestMismatch:
        return "message_digest_mismatch";
    case SignerInfoStatus::ContentTypeMismatch:
        return "content_type_mismatch";
    case SignerInfoStatus::UnsupportedAlgorithm:
        return "unsupported_algorithm";
    case SignerInfoStatus::SignatureInvalid:
        return "signature_invalid";
    }
    return "unknown";
}

} // namespace cccd::crypto
