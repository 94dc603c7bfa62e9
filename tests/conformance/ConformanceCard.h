#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "base/Bytes.h"
#include "base/Error.h"
#include "emulator/card/CardProfile.h"
#include "emulator/card/EmulatedCard.h"
#include "emulator/profilegen/Persona.h"
#include "emulator/profilegen/ProfileBuilder.h"
#include "emulator/profilegen/SodBuilder.h"
#include "emulator/profilegen/TestPki.h"
#include "reader/AccessKey.h"
#include "reader/CardReader.h"
#include "reader/Document.h"
#include "verify/TrustStore.h"

// The simulated documents of BSI TR-03105-5.1 as conformance.md §1.5-§1.6 describes them: a
// default card, only the named files changed, and EF.SOD re-hashed and re-signed so that Passive
// Authentication passes and only the reader's own checks can find the fault. Cards are built in
// process (not from the build-time profiles) because re-signing needs the Document Signer key.
namespace cccd::conformance {

/// The test PKI of this test program, generated once.
[[nodiscard]] const emulator::TestPki& testPki();

/// A trust store holding testPki()'s CSCA only.
[[nodiscard]] verify::TrustStore trustStore();

/// A key of this test program by kind, generated once: "rsa2048", "rsa3072", "dsa1" and "dsa2"
/// (DSA on the groups of emulator::generateDsaKey), or a curve name ("P-256",
/// "brainpoolP384r1", ...). Owned by the program.
[[nodiscard]] EVP_PKEY* cachedKey(const std::string& kind);

/// A CSCA and the Document Signer it issued, for documents signed with other algorithms or with
/// a defective certificate (conformance.md §2.10). The CSCA is the inspection's only anchor.
struct SigningPki {
    emulator::IssuedCertificate csca;
    emulator::IssuedCertificate documentSigner;
    EVP_PKEY* documentSignerKey = nullptr; ///< from cachedKey()

    /// A trust store holding this CSCA only.
    [[nodiscard]] verify::TrustStore trustStore() const;
};

/// A self-signed CSCA on cscaKey and a Document Signer on documentSignerKey (cachedKey() kinds),
/// both certificates signed with `chain`; `changeDocumentSigner` and `changeCsca` adjust the
/// certificate specifications first.
[[nodiscard]] SigningPki
signingPki(const std::string& cscaKey, const std::string& documentSignerKey,
           const emulator::SignatureSpec& chain,
           const std::function<void(emulator::CertificateSpec&)>& changeDocumentSigner = {},
           const std::function<void(emulator::CertificateSpec&)>& changeCsca = {});

/// How ConformanceCard::resign builds EF.SOD: the LDSSecurityObject's hash, the SignedData and
/// edits of each encoded part, each made before the step that depends on it.
struct SodSigning {
    std::string hash = "sha256"; ///< LDSSecurityObject hashAlgorithm, OpenSSL's name
    /// Each DataGroupHash, before the LDSSecurityObject is assembled.
    std::function<void(std::vector<Bytes>&)> editDataGroupHashes;
    /// The LDSSecurityObject's fields (version, hashAlgorithm, dataGroupHashValues), before it
    /// is signed.
    std::function<void(std::vector<Bytes>&)> editLdsSecurityObject;
    std::string eContentType = "2.23.136.1.1.1"; ///< id-icao-ldsSecurityObject
    emulator::SignedDataSpec signedData;         ///< its signingTime is the persona's date of issue
    /// The whole file (tag 77), after signing.
    std::function<void(Bytes&)> editFile;
};

/// A persona of drivers/emulator/personas, by profile name, for the caller to change.
[[nodiscard]] emulator::Persona persona(const std::string& name);

/// A card built from the persona and signed by testPki().
struct ConformanceCard {
    emulator::Persona persona;
    emulator::PersonaCard card;

    [[nodiscard]] emulator::CardProfile& profile() { return card.profile; }

    /// The file of the eMRTD application with this FID (EF.COM, EF.SOD, DGn); throws
    /// Error(InvalidArgument) when there is none.
    [[nodiscard]] Bytes& applicationFile(std::uint16_t fid);

    /// The file directly under the MF (EF.CardAccess, EF.CardSecurity), or nullptr.
    [[nodiscard]] emulator::ElementaryFile* masterFile(std::uint16_t fid);

    /// Replaces data group `dg` and re-signs EF.SOD over every data group the card holds, the
    /// "mutate, then re-sign" mode of conformance.md §1.5.
    void replaceDataGroup(int dg, Bytes contents);

    /// Rebuilds EF.SOD (SHA-256 hashes of every data group the card holds, signed by the test
    /// Document Signer at the persona's date of issue).
    void resign();

    /// Rebuilds EF.SOD over every data group the card holds as `signing` says, signed by
    /// pki's Document Signer.
    void resign(const SigningPki& pki, const SodSigning& signing);

    /// Replaces EF.CardSecurity by one over these SecurityInfos (a SET, DER), signed by the test
    /// Document Signer.
    void resignCardSecurity(ByteView securityInfos);

    /// The CAN (last 6 ID digits, cccd.md §1.3) and the MRZ key, as a clerk would have them.
    [[nodiscard]] reader::AccessKey accessKey() const;
};

/// Builds the card of a persona after `change` has edited it (features, quirks).
[[nodiscard]] ConformanceCard buildCard(const std::string& personaName,
                                        const std::function<void(emulator::Persona&)>& change = {});

/// The two verdicts a TR-03105 test expects (conformance.md §1.5).
enum class Verdict {
    Successful, ///< "MRTD inspection procedure successful"
    Failed,     ///< "MRTD inspection procedure failed"
};

/// One inspection: the reader's whole procedure (read, parse, Passive Authentication, Chip or
/// Active Authentication) on one card, and the verdict it comes to.
struct Inspection {
    std::optional<reader::Document> document; ///< set when the read completed
    std::optional<Error> error;               ///< set when the read threw

    /// Successful only when the read completed and the document is verified (every file
    /// parses, Passive Authentication valid, the chip not a possible clone).
    [[nodiscard]] Verdict verdict() const;

    /// Why, for test failure messages: the error, parse and content issues, PA verdict, chip
    /// verdict. No personal data.
    [[nodiscard]] std::string explain() const;
};

/// Runs the inspection on the emulated card in process, with a repeatable random source.
[[nodiscard]] Inspection inspect(const emulator::CardProfile& card, const reader::AccessKey& key,
                                 reader::ReadOptions options = {});

/// inspect() on a card the caller holds, e.g. to plan faults (EmulatedCard::faults()), with
/// trustStore() or the given trust anchors.
[[nodiscard]] Inspection inspect(std::shared_ptr<emulator::EmulatedCard> card,
                                 const reader::AccessKey& key, reader::ReadOptions options = {},
                                 const verify::TrustStore* anchors = nullptr);

/// A card for the reader, answering with a repeatable random source.
[[nodiscard]] std::shared_ptr<emulator::EmulatedCard> insert(const emulator::CardProfile& card);

/// inspect() with the card's own access key.
[[nodiscard]] Inspection inspect(ConformanceCard& card, reader::ReadOptions options = {});

/// inspect() with the card's own access key and these trust anchors.
[[nodiscard]] Inspection inspect(ConformanceCard& card, const verify::TrustStore& anchors);

} // namespace cccd::conformance
