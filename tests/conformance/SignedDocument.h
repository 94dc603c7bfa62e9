#pragma once

// The documents of BSI TR-03105-5.1 unit LDS_H (conformance.md §2.10): the Vietnamese card with
// EF.SOD re-signed by a PKI of the test case's algorithms, and the expectations on the Passive
// Authentication report that the LDS_H tests share.
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ConformanceCard.h"
#include "tlv/Tlv.h"

namespace cccd::conformance {

using emulator::SignatureSpec;
using Scheme = SignatureSpec::Scheme;

inline SignatureSpec signatureSpec(Scheme scheme, const char* digest, bool rsaEncryption = false) {
    SignatureSpec spec;
    spec.scheme = scheme;
    spec.digest = digest;
    spec.rsaEncryptionOid = rsaEncryption;
    return spec;
}

inline SignatureSpec rsaPkcs1(const char* digest) {
    return signatureSpec(Scheme::RsaPkcs1v15, digest);
}

inline SignatureSpec rsaPss(const char* digest) {
    return signatureSpec(Scheme::RsaPss, digest);
}

inline SignatureSpec ecdsa(const char* digest) {
    return signatureSpec(Scheme::Ecdsa, digest);
}

/// ECDSA with r || s under the BSI TR-03111 OIDs (ecdsa-plain-*).
inline SignatureSpec ecdsaPlain(const char* digest) {
    return signatureSpec(Scheme::EcdsaPlain, digest);
}

inline SignatureSpec dsa(const char* digest) {
    return signatureSpec(Scheme::Dsa, digest);
}

/// RSASSA-PKCS1-v1_5 named by rsaEncryption (LDS_H_79-83).
inline SignatureSpec rsaEncryption(const char* digest) {
    return signatureSpec(Scheme::RsaPkcs1v15, digest, true);
}

/// CFG.DFLT.EAC's PKI (conformance.md §1.6): CSCA RSA-3072, Document Signer RSA-2048, both
/// certificates signed with RSASSA-PSS and SHA-256.
inline const SigningPki& defaultPki() {
    static const SigningPki pki = signingPki("rsa3072", "rsa2048", rsaPss("sha256"));
    return pki;
}

/// CFG.DFLT.EAC's EF.SOD: SHA-256 hashes, SignerInfo with SHA-256 and RSASSA-PSS.
inline SodSigning defaultSigning() {
    SodSigning signing;
    signing.signedData.signature = rsaPss("sha256");
    return signing;
}

/// The Vietnamese card (BAC, Chip Authentication) after `change`, EF.SOD re-signed as `signing`
/// says, inspected with pki's CSCA as the only anchor.
inline Inspection inspectSigned(const SigningPki& pki, const SodSigning& signing,
                                const std::function<void(ConformanceCard&)>& change = {}) {
    ConformanceCard card = buildCard("vn-basic");
    if (change) {
        change(card);
    }
    card.resign(pki, signing);
    return inspect(card, pki.trustStore());
}

/// The report, or an empty one (and a test failure) when the read threw.
inline const verify::PassiveAuthenticationReport& passiveAuthenticationOf(const Inspection& i) {
    static const verify::PassiveAuthenticationReport none;
    if (!i.document) {
        ADD_FAILURE() << "no document: " << i.explain();
        return none;
    }
    return i.document->passiveAuthentication;
}

inline std::optional<verify::DgHashStatus> hashStatus(const Inspection& inspection, int dg) {
    for (const verify::DgHashResult& r : passiveAuthenticationOf(inspection).dataGroups) {
        if (r.dataGroup == dg) {
            return r.status;
        }
    }
    return std::nullopt;
}

/// ✔: every check of Passive Authentication passed, up to the trusted CSCA.
inline void expectSuccessful(const Inspection& inspection) {
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    const verify::PassiveAuthenticationReport& pa = passiveAuthenticationOf(inspection);
    EXPECT_EQ(pa.verdict, verify::Verdict::Valid);
    EXPECT_EQ(pa.signer.signature, verify::SignatureStatus::Valid);
    EXPECT_EQ(pa.signer.certificateProfile, verify::CertificateProfileStatus::Conforming);
    EXPECT_EQ(pa.signer.chain, verify::ChainStatus::Trusted);
    EXPECT_EQ(pa.signer.documentSignerAtSigning, verify::ValidityStatus::Valid);
    for (const verify::DgHashResult& r : pa.dataGroups) {
        EXPECT_EQ(r.status, verify::DgHashStatus::Match) << "DG" << r.dataGroup;
    }
}

/// ✘ because EF.SOD does not parse (Malformed) or names what this SDK refuses (Unsupported).
inline void expectSodRejected(const Inspection& inspection, verify::ParseStatus status) {
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    const verify::PassiveAuthenticationReport& pa = passiveAuthenticationOf(inspection);
    EXPECT_EQ(pa.sodParse, status) << inspection.explain();
    EXPECT_EQ(pa.verdict, verify::Verdict::Invalid);
}

/// ✘ because of the SignerInfo signature check, everything before it intact.
inline void expectSignature(const Inspection& inspection, verify::SignatureStatus status) {
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    const verify::PassiveAuthenticationReport& pa = passiveAuthenticationOf(inspection);
    EXPECT_EQ(pa.sodParse, verify::ParseStatus::Ok) << inspection.explain();
    EXPECT_EQ(pa.signer.signature, status) << inspection.explain();
    EXPECT_EQ(pa.verdict, verify::Verdict::Invalid);
}

/// ✘ because of the Document Signer certificate's profile; the signatures hold.
inline void expectCertificateProfile(const Inspection& inspection,
                                     verify::CertificateProfileStatus status) {
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    const verify::PassiveAuthenticationReport& pa = passiveAuthenticationOf(inspection);
    EXPECT_EQ(pa.signer.certificateProfile, status) << inspection.explain();
    EXPECT_EQ(pa.signer.signature, verify::SignatureStatus::Valid) << inspection.explain();
    EXPECT_EQ(pa.verdict, verify::Verdict::Invalid);
}

/// ✘ because the Document Signer does not chain to the trusted CSCA as it should.
inline void expectChain(const Inspection& inspection, verify::ChainStatus status) {
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    const verify::PassiveAuthenticationReport& pa = passiveAuthenticationOf(inspection);
    EXPECT_EQ(pa.signer.chain, status) << inspection.explain();
    EXPECT_NE(pa.verdict, verify::Verdict::Valid);
}

/// ✘ because of one data group's hash, the signature and chain intact.
inline void expectHash(const Inspection& inspection, int dg, verify::DgHashStatus status) {
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    const verify::PassiveAuthenticationReport& pa = passiveAuthenticationOf(inspection);
    EXPECT_EQ(hashStatus(inspection, dg), status) << "DG" << dg << ": " << inspection.explain();
    EXPECT_EQ(pa.signer.signature, verify::SignatureStatus::Valid);
    EXPECT_EQ(pa.signer.chain, verify::ChainStatus::Trusted);
    EXPECT_EQ(pa.verdict, verify::Verdict::Invalid);
}

// --- DER surgery on the encoded parts SodSigning and CertificateSpec hand out ---

/// The object with its last byte changed.
inline Bytes lastByteFlipped(Bytes object) {
    object.back() ^= 0x01;
    return object;
}

/// DataGroupHash ::= SEQUENCE { dataGroupNumber, dataGroupHashValue } (ICAO 9303-10 §4.6.2.3).
inline int dataGroupNumberOf(const Bytes& dataGroupHash) {
    return static_cast<int>(
        tlv::decodeUnsigned(tlv::children(tlv::parse(dataGroupHash)).at(0).value));
}

inline Bytes& dataGroupHashOf(std::vector<Bytes>& hashes, int dg) {
    auto it = std::find_if(hashes.begin(), hashes.end(),
                           [dg](const Bytes& h) { return dataGroupNumberOf(h) == dg; });
    if (it == hashes.end()) {
        throw Error(ErrorCode::InvalidArgument, "no such DataGroupHash");
    }
    return *it;
}

inline void eraseDataGroupHash(std::vector<Bytes>& hashes, int dg) {
    Bytes& entry = dataGroupHashOf(hashes, dg);
    hashes.erase(hashes.begin() + (&entry - hashes.data()));
}

} // namespace cccd::conformance
