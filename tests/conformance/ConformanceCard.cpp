#include "ConformanceCard.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#include <openssl/pem.h>
#include <unistd.h>

#include "crypto/OpenSslPtr.h"
#include "emulator/channel/EmulatorChannel.h"
#include "emulator/profilegen/Keys.h"
#include "emulator/profilegen/MrzBuilder.h"
#include "emulator/profilegen/SodBuilder.h"
#include "mrz/Mrz.h"
#include "support/TestData.h"
#include "tlv/Tlv.h"
#include "verify/ActiveAuthenticationResult.h"
#include "verify/ChipAuthenticationResult.h"

namespace cccd::conformance {

namespace {

// ICAO 9303-10 §4.6: EF.SOD is 011D in the application, DGn is 0100 + n; EF.CardSecurity is
// 011D under the MF (BSI TR-03110-3 §A.1.2).
constexpr std::uint16_t FidSod = 0x011D;
constexpr std::uint16_t FidCardSecurity = 0x011D;
constexpr std::uint16_t FidFirstDataGroup = 0x0101;
constexpr std::uint16_t FidLastDataGroup = 0x0110;

// A linear congruential generator: the same card session every run, so a failure repeats.
crypto::RandomSource repeatableRandom(std::uint32_t seed) {
    auto state = std::make_shared<std::uint32_t>(seed);
    return [state](std::size_t size) {
        Bytes out(size);
        for (std::uint8_t& b : out) {
            *state = *state * 1664525u + 1013904223u;
            b = static_cast<std::uint8_t>(*state >> 24);
        }
        return out;
    };
}

std::chrono::sys_seconds midnight(std::chrono::year_month_day date) {
    return std::chrono::sys_seconds(std::chrono::sys_days(date).time_since_epoch());
}

crypto::EvpPkeyPtr generateKey(const std::string& kind) {
    if (kind.starts_with("rsa")) {
        return emulator::generateRsaKey(static_cast<unsigned>(std::stoul(kind.substr(3))));
    }
    if (kind.starts_with("dsa")) {
        return emulator::generateDsaKey(std::stoul(kind.substr(3)));
    }
    return emulator::generateEcKey(kind);
}

// Generating an RSA or DSA key takes up to seconds and every test runs in a process of its own,
// so the keys are kept in the build tree (test keys only), written once by whichever test
// needs a kind first; a rename makes the file appear whole to the others.
crypto::EvpPkeyPtr keyFromDisk(const std::string& kind) {
    const std::filesystem::path directory = test::binaryDir() / "test-keys";
    const std::filesystem::path file = directory / (kind + ".pem");
    if (std::filesystem::exists(file)) {
        Bytes pem = test::readFile(file);
        crypto::BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
        crypto::EvpPkeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)
                                   : nullptr);
        if (key) {
            return key;
        }
    }
    crypto::EvpPkeyPtr key = generateKey(kind);
    SecureBytes pem = emulator::privateKeyPem(key.get());
    std::filesystem::create_directories(directory);
    const std::filesystem::path partial = directory / (kind + ".pem." + std::to_string(::getpid()));
    {
        std::ofstream out(partial, std::ios::binary);
        out.write(reinterpret_cast<const char*>(pem.data()), static_cast<long>(pem.size()));
    }
    std::filesystem::rename(partial, file);
    return key;
}

} // namespace

EVP_PKEY* cachedKey(const std::string& kind) {
    static std::mutex mutex;
    static std::map<std::string, crypto::EvpPkeyPtr> keys;
    std::lock_guard lock(mutex);
    auto it = keys.find(kind);
    if (it == keys.end()) {
        it = keys.emplace(kind, keyFromDisk(kind)).first;
    }
    return it->second.get();
}

verify::TrustStore SigningPki::trustStore() const {
    verify::TrustStore store;
    store.addCertificate(crypto::Certificate::fromDer(csca.der));
    return store;
}

SigningPki signingPki(const std::string& cscaKey, const std::string& documentSignerKey,
                      const emulator::SignatureSpec& chain,
                      const std::function<void(emulator::CertificateSpec&)>& changeDocumentSigner,
                      const std::function<void(emulator::CertificateSpec&)>& changeCsca) {
    emulator::CertificateSpec csca;
    csca.subject = {{"C", "VN"}, {"O", "CCCD SDK Conformance PKI"}, {"CN", "CSCA Test " + cscaKey}};
    csca.notBefore = "20200101000000Z";
    csca.notAfter = "20451231235959Z";
    csca.certificateAuthority = true;
    csca.keyUsage = "critical,keyCertSign,cRLSign";
    csca.signature = chain;
    if (changeCsca) {
        changeCsca(csca);
    }
    emulator::CertificateSpec ds;
    ds.subject = {{"C", "VN"},
                  {"O", "CCCD SDK Conformance PKI"},
                  {"CN", "Document Signer Test " + documentSignerKey}};
    ds.signature = chain;
    if (changeDocumentSigner) {
        changeDocumentSigner(ds);
    }

    SigningPki pki;
    EVP_PKEY* cscaPrivateKey = cachedKey(cscaKey);
    pki.csca = emulator::issueCertificate(csca, cscaPrivateKey, nullptr, cscaPrivateKey);
    pki.documentSignerKey = cachedKey(documentSignerKey);
    pki.documentSigner =
        emulator::issueCertificate(ds, pki.documentSignerKey, &pki.csca, cscaPrivateKey);
    return pki;
}

const emulator::TestPki& testPki() {
    static const emulator::TestPki pki = emulator::TestPki::generate();
    return pki;
}

verify::TrustStore trustStore() {
    verify::TrustStore store;
    store.addPem(testPki().cscaPem());
    return store;
}

emulator::Persona persona(const std::string& name) {
    return emulator::loadPersona(test::sourceDir() / "drivers/emulator/personas" /
                                 (name + ".json"));
}

Bytes& ConformanceCard::applicationFile(std::uint16_t fid) {
    for (emulator::ElementaryFile& ef : card.profile.applicationFiles) {
        if (ef.fid == fid) {
            return ef.data;
        }
    }
    throw Error(ErrorCode::InvalidArgument, "the card has no such file");
}

emulator::ElementaryFile* ConformanceCard::masterFile(std::uint16_t fid) {
    for (emulator::ElementaryFile& ef : card.profile.masterFiles) {
        if (ef.fid == fid) {
            return &ef;
        }
    }
    return nullptr;
}

void ConformanceCard::replaceDataGroup(int dg, Bytes contents) {
    applicationFile(static_cast<std::uint16_t>(0x0100 + dg)) = std::move(contents);
    resign();
}

void ConformanceCard::resign() {
    std::vector<emulator::DataGroupFile> hashed;
    for (const emulator::ElementaryFile& ef : card.profile.applicationFiles) {
        if (ef.fid >= FidFirstDataGroup && ef.fid <= FidLastDataGroup) {
            hashed.emplace_back(ef.fid - 0x0100, ef.data);
        }
    }
    applicationFile(FidSod) =
        emulator::buildSod(emulator::buildLdsSecurityObject(hashed), testPki().documentSigner.get(),
                           testPki().documentSignerKey.get(), midnight(persona.dateOfIssue));
}

void ConformanceCard::resign(const SigningPki& pki, const SodSigning& signing) {
    // LDSSecurityObject ::= SEQUENCE { version, hashAlgorithm, dataGroupHashValues } (ICAO
    // 9303-10 §4.6.2.3), built with the hash of `signing`, then taken apart for the edits.
    std::vector<emulator::DataGroupFile> hashed;
    for (const emulator::ElementaryFile& ef : card.profile.applicationFiles) {
        if (ef.fid >= FidFirstDataGroup && ef.fid <= FidLastDataGroup) {
            hashed.emplace_back(ef.fid - 0x0100, ef.data);
        }
    }
    std::vector<Bytes> fields =
        tlv::encodedChildren(emulator::buildLdsSecurityObject(hashed, signing.hash));
    if (signing.editDataGroupHashes) {
        std::vector<Bytes> hashes = tlv::encodedChildren(fields.at(2));
        signing.editDataGroupHashes(hashes);
        fields.at(2) = tlv::encode(0x30, concat(hashes));
    }
    if (signing.editLdsSecurityObject) {
        signing.editLdsSecurityObject(fields);
    }
    Bytes lds = tlv::encode(0x30, concat(fields));

    emulator::SignedDataSpec spec = signing.signedData;
    spec.signingTime = midnight(persona.dateOfIssue);
    Bytes sod =
        tlv::encode(0x77, emulator::buildSignedData(signing.eContentType, lds, pki.documentSigner,
                                                    pki.documentSignerKey, spec));
    if (signing.editFile) {
        signing.editFile(sod);
    }
    applicationFile(FidSod) = std::move(sod);
}

void ConformanceCard::resignCardSecurity(ByteView securityInfos) {
    emulator::ElementaryFile* file = masterFile(FidCardSecurity);
    if (file == nullptr) {
        throw Error(ErrorCode::InvalidArgument, "the card has no EF.CardSecurity");
    }
    file->data = emulator::buildCardSecurity(securityInfos, testPki().documentSigner.get(),
                                             testPki().documentSignerKey.get(),
                                             midnight(persona.dateOfIssue));
}

reader::AccessKey ConformanceCard::accessKey() const {
    reader::AccessKey key = reader::AccessKey::fromIdNumber(persona.personalIdNumber);
    emulator::VietnameseMrz mrz = emulator::buildVietnameseMrz(persona);
    key.mrz = mrz::MrzKey::fromMrz(mrz::Mrz::parse(mrz.text()));
    return key;
}

ConformanceCard buildCard(const std::string& personaName,
                          const std::function<void(emulator::Persona&)>& change) {
    ConformanceCard out;
    out.persona = persona(personaName);
    if (change) {
        change(out.persona);
    }
    out.card = emulator::buildPersonaCard(out.persona, testPki());
    return out;
}

Verdict Inspection::verdict() const {
    return document && document->verified() ? Verdict::Successful : Verdict::Failed;
}

std::string Inspection::explain() const {
    std::ostringstream out;
    if (error) {
        out << "error " << errorCodeName(error->code()) << ": " << error->what();
        return out.str();
    }
    if (!document) {
        return "no inspection";
    }
    const verify::PassiveAuthenticationReport& pa = document->passiveAuthentication;
    out << "PA " << verify::verdictName(pa.verdict) << " (EF.SOD "
        << verify::parseStatusName(pa.sodParse) << " " << pa.sodParseError << ", signer "
        << verify::signerCertificateStatusName(pa.signer.certificate) << ", profile "
        << verify::certificateProfileStatusName(pa.signer.certificateProfile) << ", signature "
        << verify::signatureStatusName(pa.signer.signature) << ", chain "
        << verify::chainStatusName(pa.signer.chain) << ", DS "
        << verify::validityStatusName(pa.signer.documentSignerAtSigning) << ")";
    for (const verify::DgHashResult& dg : pa.dataGroups) {
        if (dg.status != verify::DgHashStatus::Match) {
            out << ", DG" << dg.dataGroup << " " << verify::dgHashStatusName(dg.status);
        }
    }
    out << ", EF.COM/EF.SOD " << reader::dataGroupListCheckName(document->dataGroupListCheck())
        << ", chip " << reader::chipVerdictName(document->chipVerdict());
    if (const auto& ca = document->readout.chipAuthentication) {
        out << ", CA " << verify::chipAuthenticationStatusName(ca->status) << " ("
            << verify::chipAuthenticationReasonName(ca->reason) << ")";
    }
    if (const auto& aa = document->readout.activeAuthentication) {
        out << ", AA " << verify::activeAuthenticationStatusName(aa->status) << " ("
            << verify::activeAuthenticationReasonName(aa->reason) << ")";
    }
    for (const reader::ParseIssue& issue : document->parseIssues) {
        out << ", " << issue.file << " does not parse: " << issue.reason;
    }
    for (const reader::ContentIssue& issue : document->contentIssues) {
        out << ", " << issue.file << " " << reader::contentCheckName(issue.check) << ": "
            << issue.reason;
    }
    for (int dg : document->missingDataGroups) {
        out << ", DG" << dg << " missing";
    }
    return out.str();
}

std::shared_ptr<emulator::EmulatedCard> insert(const emulator::CardProfile& card) {
    return std::make_shared<emulator::EmulatedCard>(card, repeatableRandom(7));
}

Inspection inspect(const emulator::CardProfile& card, const reader::AccessKey& key,
                   reader::ReadOptions options) {
    return inspect(insert(card), key, std::move(options));
}

Inspection inspect(std::shared_ptr<emulator::EmulatedCard> card, const reader::AccessKey& key,
                   reader::ReadOptions options, const verify::TrustStore* anchors) {
    emulator::EmulatorChannel channel(std::move(card));
    options.random = repeatableRandom(11);
    Inspection out;
    try {
        out.document = reader::interpret(reader::readCard(channel, key, options),
                                         anchors != nullptr ? *anchors : trustStore());
    } catch (const Error& e) {
        out.error = e;
    }
    return out;
}

Inspection inspect(ConformanceCard& card, reader::ReadOptions options) {
    return inspect(card.profile(), card.accessKey(), std::move(options));
}

Inspection inspect(ConformanceCard& card, const verify::TrustStore& anchors) {
    return inspect(insert(card.profile()), card.accessKey(), {}, &anchors);
}

} // namespace cccd::conformance
