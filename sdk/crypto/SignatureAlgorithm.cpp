#include "crypto/SignatureAlgorithm.h"

#include <array>

#include "base/Error.h"
#include "crypto/Oid.h"

namespace cccd::crypto {

namespace {

struct KnownAlgorithm {
    std::string_view oid;
    SignatureScheme scheme;
    HashAlgorithm hash;
};

// RFC 8017 Appendix C, RFC 5758 §3.1-3.2, RFC 3279 §2.2, BSI TR-03111 §5.2.1 (ecdsa-plain-*).
constexpr std::array KnownAlgorithms{
    KnownAlgorithm{"1.2.840.113549.1.1.5", SignatureScheme::RsaPkcs1v15, HashAlgorithm::Sha1},
    KnownAlgorithm{"1.2.840.113549.1.1.14", SignatureScheme::RsaPkcs1v15, HashAlgorithm::Sha224},
    KnownAlgorithm{"1.2.840.113549.1.1.11", SignatureScheme::RsaPkcs1v15, HashAlgorithm::Sha256},
    KnownAlgorithm{"1.2.840.113549.1.1.12", SignatureScheme::RsaPkcs1v15, HashAlgorithm::Sha384},
    KnownAlgorithm{"1.2.840.113549.1.1.13", SignatureScheme::RsaPkcs1v15, HashAlgorithm::Sha512},
    KnownAlgorithm{"1.2.840.10045.4.1", SignatureScheme::Ecdsa, HashAlgorithm::Sha1},
    KnownAlgorithm{"1.2.840.10045.4.3.1", SignatureScheme::Ecdsa, HashAlgorithm::Sha224},
    KnownAlgorithm{"1.2.840.10045.4.3.2", SignatureScheme::Ecdsa, HashAlgorithm::Sha256},
    KnownAlgorithm{"1.2.840.10045.4.3.3", SignatureScheme::Ecdsa, HashAlgorithm::Sha384},
    KnownAlgorithm{"1.2.840.10045.4.3.4", SignatureScheme::Ecdsa, HashAlgorithm::Sha512},
    KnownAlgorithm{"0.4.0.127.0.7.1.1.4.1.1", SignatureScheme::EcdsaPlain, HashAlgorithm::Sha1},
    KnownAlgorithm{"0.4.0.127.0.7.1.1.4.1.2", SignatureScheme::EcdsaPlain, HashAlgorithm::Sha224},
    KnownAlgorithm{"0.4.0.127.0.7.1.1.4.1.3", SignatureScheme::EcdsaPlain, HashAlgorithm::Sha256},
    KnownAlgorithm{"0.4.0.127.0.7.1.1.4.1.4", SignatureScheme::EcdsaPlain, HashAlgorithm::Sha384},
    KnownAlgorithm{"0.4.0.127.0.7.1.1.4.1.5", SignatureScheme::EcdsaPlain, HashAlgorithm::Sha512},
    KnownAlgorithm{"1.2.840.10040.4.3", SignatureScheme::Dsa, HashAlgorithm::Sha1},
    KnownAlgorithm{"2.16.840.1.101.3.4.3.1", SignatureScheme::Dsa, HashAlgorithm::Sha224},
    KnownAlgorithm{"2.16.840.1.101.3.4.3.2", SignatureScheme::Dsa, HashAlgorithm::Sha256},
};

constexpr std::string_view RsaEncryption = "1.2.840.113549.1.1.1";
constexpr std::string_view RsaSsaPss = "1.2.840.113549.1.1.10";
constexpr std::string_view Mgf1 = "1.2.840.113549.1.1.8";
constexpr std::string_view EcPublicKey = "1.2.840.10045.2.1";

std::optional<HashAlgorithm> hashOf(const tlv::Tlv& algorithmIdentifier) {
    return hashAlgorithmFromOid(parseAlgorithmIdentifier(algorithmIdentifier).oid);
}

// RFC 4055 §3.1: every field is an EXPLICIT context tag and may be absent (default value).
std::optional<PssParameters> parsePssParameters(const AlgorithmIdentifier& id) {
    PssParameters pss;
    if (id.hasNoParameters()) {
        return pss;
    }
    tlv::Tlv sequence = tlv::parse(*id.parameters, asn1::Sequence);
    for (const tlv::Tlv& field : tlv::children(sequence)) {
        tlv::Tlv inner = tlv::parse(field.value);
        if (field.tag == asn1::ContextConstructed0) {
            auto hash = hashOf(inner);
            if (!hash) {
                return std::nullopt;
            }
            pss.hash = *hash;
        } else if (field.tag == asn1::ContextConstructed1) {
            AlgorithmIdentifier mgf = parseAlgorithmIdentifier(inner);
            if (mgf.oid != Mgf1 || !mgf.parameters) {
                return std::nullopt;
            }
            auto hash = hashOf(tlv::parse(*mgf.parameters));
            if (!hash) {
                return std::nullopt;
            }
            pss.mgf1Hash = *hash;
        } else if (field.tag == asn1::ContextConstructed2) {
            if (inner.tag != asn1::Integer) {
                return std::nullopt;
            }
            pss.saltLength = static_cast<std::size_t>(tlv::decodeUnsigned(inner.value));
        } else if (field.tag == asn1::ContextConstructed3) {
            // trailerField: only trailerFieldBC (1) is defined.
            if (inner.tag != asn1::Integer || tlv::decodeUnsigned(inner.value) != 1) {
                return std::nullopt;
            }
        } else {
            return std::nullopt;
        }
    }
    return pss;
}

} // namespace

std::optional<SignatureAlgorithm>
signatureAlgorithmFromIdentifier(const AlgorithmIdentifier& id,
                                 std::optional<HashAlgorithm> digestAlgorithm) {
    for (const KnownAlgorithm& known : KnownAlgorithms) {
        if (id.oid == known.oid) {
            return SignatureAlgorithm{known.scheme, known.hash, std::nullopt};
        }
    }
    if (id.oid == RsaSsaPss) {
        std::optional<PssParameters> pss;
        try {
            pss = parsePssParameters(id);
        } catch (const Error&) {
            return std::nullopt;
        }
        if (!pss) {
            return std::nullopt;
        }
        return SignatureAlgorithm{SignatureScheme::RsaPss, pss->hash, pss};
    }
    if (id.oid == RsaEncryption && digestAlgorithm) {
        return SignatureAlgorithm{SignatureScheme::RsaPkcs1v15, *digestAlgorithm, std::nullopt};
    }
    if (id.oid == EcPublicKey && digestAlgorithm) {
        return SignatureAlgorithm{SignatureScheme::Ecdsa, *digestAlgorithm, std::nullopt};
    }
    return std::nullopt;
}

std::string_view signatureSchemeName(SignatureScheme scheme) {
    switch (scheme) {
    case SignatureScheme::RsaPkcs1v15:
        return "rsa_pkcs1_v1_5";
    case SignatureScheme::RsaPss:
        return "rsa_pss";
    case SignatureScheme::Ecdsa:
        return "ecdsa";
    case SignatureScheme::EcdsaPlain:
        return "ecdsa_plain";
    case SignatureScheme::Dsa:
        return "dsa";
    }
    return "unknown";
}

} // namespace cccd::crypto
