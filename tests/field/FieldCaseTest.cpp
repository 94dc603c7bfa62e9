// Field cases (../shared/spec/field-cases.md): inputs that broke other eMRTD and QR readers, each
// run through this SDK at the most natural level (an MRZ, a file, a QR payload, an emulated card
// read in process) with the correct value asserted. Inputs and expected values are read from the
// case's text at test time, never retyped.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "FieldCaseChannels.h"
#include "FieldCaseImages.h"
#include "FieldCasePki.h"
#include "FieldCaseSpec.h"
#include "conformance/ConformanceCard.h"
#include "crypto/Certificate.h"
#include "crypto/Oid.h"
#include "crypto/SignatureAlgorithm.h"
#include "emulator/profilegen/Keys.h"
#include "emulator/profilegen/SecurityInfos.h"
#include "emulator/profilegen/SodBuilder.h"
#include "json/DocumentJson.h"
#include "lds/CardAccess.h"
#include "lds/ElementaryFile.h"
#include "lds/ImageInfo.h"
#include "lds/Sod.h"
#include "mrz/MrzDate.h"
#include "qr/QrPayload.h"
#include "qr/QrText.h"
#include "reader/SessionRecovery.h"
#include "sdk/reader/PlainTraceChannel.h"
#include "sdk/reader/ReaderTestSupport.h"
#include "sm/SecureMessagingChannel.h"
#include "support/ScriptedChannel.h"
#include "verify/CertificateChain.h"
#include "verify/PassiveAuthentication.h"

#ifdef CCCD_FIELD_CASE_VISION
#include "emulator/qr/QrRenderer.h"
#include "vision/QrDecoder.h"
#endif

using namespace cccd;
using namespace cccd::fieldcase;
using conformance::ConformanceCard;

namespace {

constexpr std::uint16_t FidCardAccess = 0x011C;
constexpr std::uint16_t FidCardSecurity = 0x011D; // under the MF
constexpr std::uint8_t InsExternalAuthenticate = 0x82;
constexpr std::uint32_t TagParameterReference = 0x84; // MSE:Set AT, ICAO 9303-11 §4.4.4.1

reader::ReadOptions repeatable() {
    reader::ReadOptions options;
    options.random = readertest::seededRandom(11);
    return options;
}

emulator::EmulatorChannel onReader(const emulator::CardProfile& card) {
    return emulator::EmulatorChannel(conformance::insert(card));
}

/// Reads the card and interprets it against the conformance test PKI.
reader::Document readDocument(transport::CardChannel& channel, const reader::AccessKey& key,
                              const reader::ReadOptions& options = repeatable()) {
    return reader::interpret(reader::readCard(channel, key, options), conformance::trustStore());
}

emulator::ElementaryFile& masterFileOf(emulator::CardProfile& card, std::uint16_t fid) {
    for (emulator::ElementaryFile& ef : card.masterFiles) {
        if (ef.fid == fid) {
            return ef;
        }
    }
    throw Error(ErrorCode::InvalidArgument, "the card has no such MF file");
}

std::optional<verify::DgHashStatus> hashStatus(const reader::Document& d, int dg) {
    for (const verify::DgHashResult& r : d.passiveAuthentication.dataGroups) {
        if (r.dataGroup == dg) {
            return r.status;
        }
    }
    return std::nullopt;
}

bool contains(ByteView haystack, ByteView needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
           haystack.end();
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> out(1);
    for (char c : text) {
        if (c == separator) {
            out.emplace_back();
        } else {
            out.back() += c;
        }
    }
    return out;
}

/// The value of a data object inside the 7C template of a GENERAL AUTHENTICATE command.
Bytes dynamicAuthenticationObject(const apdu::CommandApdu& command, std::uint32_t tag) {
    std::optional<tlv::Tlv> object = tlv::findChild(tlv::parse(command.data, 0x7C), tag);
    return object ? Bytes(object->value.begin(), object->value.end()) : Bytes{};
}

bool hasParameterReference(const apdu::CommandApdu& setAuthenticationTemplate) {
    tlv::TlvReader objects(setAuthenticationTemplate.data);
    while (!objects.atEnd()) {
        if (objects.next().tag == TagParameterReference) {
            return true;
        }
    }
    return false;
}

bool isSetAuthenticationTemplate(const apdu::CommandApdu& command) {
    return (command.cla & SecureMessagingCla) == 0 && command.ins == InsManageSecurityEnvironment &&
           command.p1 == 0xC1 && command.p2 == 0xA4;
}

/// A card with one fault from birth, on a reader, behind a recording Interposer.
struct Tapped {
    std::unique_ptr<emulator::EmulatorChannel> chip;
    std::unique_ptr<Interposer> tap;
};

Tapped tapped(emulator::CardProfile card, const std::string& fault) {
    card.faults = {fault};
    Tapped out;
    out.chip = std::make_unique<emulator::EmulatorChannel>(conformance::insert(card));
    out.tap = std::make_unique<Interposer>(*out.chip);
    return out;
}

std::chrono::sys_seconds issueTime(const emulator::Persona& persona) {
    return std::chrono::sys_seconds(std::chrono::sys_days(persona.dateOfIssue).time_since_epoch());
}

} // namespace

// BL-01: the number runs into the optional data; position 15 is '<', not a check digit. The
// BAC key takes the whole number, and only that key opens a chip issued with it.
TEST(FieldCase, BL_01_Td1DocumentNumberLongerThanNineCharacters) {
    std::string text = section("BL-01");
    std::vector<std::string> lines;
    for (std::string line : test::spec::lines(blocks("BL-01").at(0))) {
        line.erase(0, line.find_first_not_of(' '));
        if (line.size() == 30 && line.find(' ') == std::string::npos) {
            lines.push_back(line);
        }
    }
    ASSERT_EQ(lines.size(), 8u); // the 12-character case prints no name line
    lines.push_back(lines[2]);
    std::vector<std::string> numbers = matches(text, "`([0-9A-Z]{10,12})`\\s+\\(check [0-9]\\)");
    std::vector<std::string> checks = matches(text, "`[0-9A-Z]{10,12}`\\s+\\(check ([0-9])\\)");
    std::string truncated = match(text, "must \\*\\*not\\*\\* yield `([0-9A-Z]+)`");
    ASSERT_EQ(numbers.size(), 3u);

    std::vector<std::string> mrzInformation;
    for (std::size_t i = 0; i < 3; ++i) {
        SCOPED_TRACE(numbers[i]);
        const std::string& line2 = lines[3 * i + 1];
        mrz::Mrz m = mrz::Mrz::parse(lines[3 * i] + line2 + lines[3 * i + 2]);
        EXPECT_EQ(m.documentNumber, numbers[i]);
        EXPECT_EQ(m.documentNumberCheckDigit, checks[i][0]);
        EXPECT_NE(m.documentNumber, truncated);
        EXPECT_TRUE(m.allChecksValid()); // the composite covers line 1 positions 6-30 as printed
        // ICAO 9303-11 §9.7.2: number, its check digit, birth date and expiry with theirs.
        mrzInformation.push_back(numbers[i] + checks[i] + line2.substr(0, 7) + line2.substr(8, 7));
        EXPECT_EQ(mrz::MrzKey::fromMrz(m).mrzInformation(), mrzInformation.back());
    }

    // The trap case on a chip: the key from the parse opens it, the 9-character one does not.
    mrz::Mrz trap = mrz::Mrz::parse(lines[3] + lines[4] + lines[5]);
    emulator::CardProfile card = readertest::profile("vn-basic");
    card.mrzInformation = SecureBytes(toBytes(mrzInformation[1]));
    reader::ReadOptions options = repeatable();
    options.accessPolicy = reader::AccessPolicy::BacOnly;
    options.dataGroups = {1};
    emulator::EmulatorChannel chip = onReader(card);
    reader::CardReadout readout = reader::readCard(chip, mrz::MrzKey::fromMrz(trap), options);
    EXPECT_EQ(readout.access.protocol, "BAC");
    EXPECT_TRUE(readout.dataGroups.contains(1));

    emulator::EmulatorChannel again = onReader(card);
    mrz::MrzKey shortKey(truncated, trap.birthDate.raw, trap.expiryDate.raw);
    Error refused = readertest::errorOf([&] { (void)reader::readCard(again, shortKey, options); });
    EXPECT_EQ(refused.code(), ErrorCode::AccessDenied);
}

// BL-02: the birth date's century puts it on or before today; the expiry is 20YY. On a card
// the DG1 date and DG13's four-digit year agree.
TEST(FieldCase, BL_02_TwoDigitBirthYearIsNeverInTheFuture) {
    std::string text = section("BL-02");
    std::string born = match(text, "date of birth `([0-9]{6})`");
    std::string bornIso = match(text, "`" + born + "` is\\s+([0-9]{4}-[0-9]{2}-[0-9]{2})");
    for (int year = std::stoi(match(text, "any year from ([0-9]{4})"));
         year <= std::stoi(match(text, "any year from [0-9]{4} to ([0-9]{4})")); ++year) {
        using namespace std::chrono;
        EXPECT_EQ(
            mrz::birthDate(born, year_month_day{std::chrono::year{year}, January, day{1}}).iso,
            bornIso);
        EXPECT_EQ(
            mrz::birthDate(born, year_month_day{std::chrono::year{year}, December, day{31}}).iso,
            bornIso);
    }
    std::string today = match(text, "today\\s+at\\s+([0-9]{4}-[0-9]{2}-[0-9]{2})");
    std::string later = match(text, "today at [0-9-]{10},\\s+`([0-9]{6})`");
    EXPECT_EQ(mrz::birthDate(later, emulator::parseIsoDate(today)).iso,
              match(text, "`" + later + "`\\s+is\\s+([0-9]{4}-[0-9]{2}-[0-9]{2})"));
    EXPECT_EQ(mrz::birthDate(later, emulator::parseIsoDate(today)).raw, later);
    EXPECT_EQ(mrz::expiryDate(born).iso->substr(0, 4), "20" + born.substr(0, 2));

    ConformanceCard card = conformance::buildCard("vn-basic", [&](emulator::Persona& p) {
        p.dateOfBirth = emulator::parseIsoDate(bornIso);
        // cccd.md §2.2: digit 4 is sex and century (0: a man born 1900-1999), 5-6 the year.
        p.personalIdNumber = p.personalIdNumber.substr(0, 3) + "0" + born.substr(0, 2) +
                             p.personalIdNumber.substr(6);
    });
    conformance::Inspection result = conformance::inspect(card);
    ASSERT_TRUE(result.document) << result.explain();
    const reader::Document& d = *result.document;
    ASSERT_TRUE(d.dg1 && d.dg13 && d.dg13->birthDate);
    EXPECT_EQ(d.dg1->mrz.birthDate.raw, born);
    EXPECT_EQ(d.dg1->mrz.birthDate.iso, bornIso);
    EXPECT_EQ(d.dg13->birthDate->iso, bornIso);
    EXPECT_EQ(d.dg1->mrz.expiryDate.iso->substr(0, 2), "20");
    EXPECT_TRUE(d.verified()) << result.explain();
}

// BL-04: a DG13 that is not TLV inside (or whose tags a BER walk misreads) is kept raw, hashed
// whole by Passive Authentication, and does not make the document unverified.
TEST(FieldCase, BL_04_Dg13ThatIsNotTlvInsideStaysRawAndTheDocumentVerifies) {
    std::vector<std::string> lines = test::spec::lines(blocks("BL-04").at(0));
    ASSERT_EQ(lines.size(), 2u);
    ConformanceCard base = conformance::buildCard("vn-basic");
    for (const std::string& line : lines) {
        Bytes dg13 = hexOf(line);
        SCOPED_TRACE(toHex(ByteView(dg13).first(6)));
        ConformanceCard card = base;
        card.replaceDataGroup(13, dg13);
        conformance::Inspection result = conformance::inspect(card);
        ASSERT_TRUE(result.document) << result.explain();
        const reader::Document& d = *result.document;
        EXPECT_EQ(d.readout.dataGroups.at(13), dg13);
        EXPECT_EQ(hashStatus(d, 13), verify::DgHashStatus::Match);
        EXPECT_FALSE(d.dg13);
        ASSERT_EQ(d.parseIssues.size(), 1u);
        EXPECT_EQ(d.parseIssues[0].file, "DG13");
        EXPECT_FALSE(d.parseIssues[0].blocksVerification);
        EXPECT_TRUE(d.dg1);
        EXPECT_TRUE(d.verified()) << result.explain();
    }
}

// BL-08: the QR's bytes are UTF-8, never a charset guess; the empty old-ID field keeps its
// place; invalid UTF-8 is an error. With the camera part built, the payload also goes through a
// rendered symbol and the decoder.
TEST(FieldCase, BL_08_VietnameseQrIsUtf8NeverBig5OrShiftJis) {
    std::string payload;
    std::size_t samples = 0;
    for (const std::string& line : test::spec::lines(blocks("BL-08").at(0))) {
        std::string trimmed = line.substr(line.find_first_not_of(' '));
        if (trimmed.find('|') != std::string::npos) {
            payload = trimmed;
        }
        if (trimmed.front() != '"') {
            continue;
        }
        std::size_t close = trimmed.find('"', 1);
        std::string text = trimmed.substr(1, close - 1);
        std::string bytes = trimmed.substr(close + 1, trimmed.find("->") - close - 1);
        Bytes utf8 = hexOf(bytes);
        SCOPED_TRACE(text);
        if (bytes.find("…") == std::string::npos) {
            EXPECT_EQ(qr::decodeQrText(utf8), text);
        } else {
            EXPECT_EQ(toHex(utf8), toHex(ByteView(toBytes(text)).first(utf8.size())));
        }
        ++samples;
    }
    EXPECT_EQ(samples, 3u);
    ASSERT_FALSE(payload.empty());

    std::vector<std::string> fields = split(payload, '|');
    qr::QrPayload parsed = qr::QrPayload::parse(qr::decodeQrText(toBytes(payload)));
    EXPECT_EQ(parsed.personalIdNumber, fields[0]);
    EXPECT_EQ(parsed.oldIdNumber, fields[1]);
    EXPECT_EQ(parsed.fullName, fields[2]);
    EXPECT_EQ(parsed.placeOfResidence, fields[5]);

    std::string withoutOldId = payload;
    withoutOldId.erase(fields[0].size() + 1, fields[1].size());
    qr::QrPayload oldCard = qr::QrPayload::parse(qr::decodeQrText(toBytes(withoutOldId)));
    EXPECT_EQ(oldCard.oldIdNumber, "");
    EXPECT_EQ(oldCard.fullName, fields[2]);
    EXPECT_EQ(oldCard.placeOfResidence, fields[5]);

    Bytes broken = toBytes(payload);
    auto lead =
        std::find_if(broken.begin(), broken.end(), [](std::uint8_t b) { return b >= 0xC0; });
    ASSERT_NE(lead, broken.end());
    broken.erase(lead + 1); // a lead byte without its continuation
    EXPECT_EQ(readertest::errorOf([&] { (void)qr::decodeQrText(broken); }).code(),
              ErrorCode::MalformedData);

#ifdef CCCD_FIELD_CASE_VISION
    std::optional<vision::QrSymbol> symbol = vision::QrDecoder().decode(
        emulator::renderQr(toBytes(payload), 6, emulator::QrCharsetMarking::NoEci));
    ASSERT_TRUE(symbol);
    EXPECT_EQ(symbol->bytes, toBytes(payload));
    EXPECT_EQ(qr::QrPayload::parse(qr::decodeQrText(symbol->bytes)).fullName, fields[2]);
#endif
}

// BL-09: a lone B7 in byte mode without ECI is a byte, not half-width katakana: with the
// card's UTF-8 it is reported invalid, and the decoder hands over the byte itself.
TEST(FieldCase, BL_09_LoneB7ByteIsReportedNotGuessed) {
    Bytes lone = hexOf(match(section("BL-09"), "`\\[([0-9A-F ]+)\\]`"));
    ASSERT_EQ(lone.size(), 1u);
    EXPECT_EQ(readertest::errorOf([&] { (void)qr::decodeQrText(lone); }).code(),
              ErrorCode::MalformedData);
#ifdef CCCD_FIELD_CASE_VISION
    std::optional<vision::QrSymbol> symbol =
        vision::QrDecoder().decode(emulator::renderQr(lone, 8, emulator::QrCharsetMarking::NoEci));
    ASSERT_TRUE(symbol);
    EXPECT_EQ(symbol->bytes, lone);
#endif
}

// BL-10: RSASSA-PSS takes hash, MGF1 hash and salt length from its parameters; the signed
// attributes' digest is the SignerInfo's (SHA-512), the data group hashes the
// LDSSecurityObject's (SHA-256).
TEST(FieldCase, BL_10_RsaPssWithSha512TakesItsParametersFromTheSod) {
    std::string text = section("BL-10");
    Bytes identifier;
    for (const std::string& line : test::spec::lines(blocks("BL-10").at(0))) {
        append(identifier, hexOf(line));
    }
    crypto::AlgorithmIdentifier pss = crypto::parseAlgorithmIdentifier(identifier);
    std::optional<crypto::SignatureAlgorithm> algorithm =
        crypto::signatureAlgorithmFromIdentifier(pss);
    ASSERT_TRUE(algorithm && algorithm->pss);
    EXPECT_EQ(algorithm->scheme, crypto::SignatureScheme::RsaPss);
    EXPECT_EQ(algorithm->pss->hash, crypto::HashAlgorithm::Sha512);
    EXPECT_EQ(algorithm->pss->mgf1Hash, crypto::HashAlgorithm::Sha512);
    std::size_t salt = std::stoul(match(text, "/ salt ([0-9]+)"));
    EXPECT_EQ(algorithm->pss->saltLength, salt);

    crypto::EvpPkeyPtr cscaKey = emulator::generateEcKey("P-384");
    crypto::X509Ptr csca = issueCertificate("CSCA Field Case", 1, cscaKey.get(), nullptr, nullptr);
    crypto::EvpPkeyPtr dsKey = emulator::generateRsaKey(2048);
    crypto::X509Ptr ds =
        issueCertificate("DS Field Case", 2, dsKey.get(), csca.get(), cscaKey.get());
    std::map<int, Bytes> dataGroups{
        {1, readertest::fileOf(readertest::profile("vn-basic"), 0x0101)}};
    Bytes sod = signSod(emulator::buildLdsSecurityObject({{1, dataGroups.at(1)}}), ds.get(),
                        dsKey.get(), EVP_sha512(), PssSigning{static_cast<int>(salt)});

    lds::Sod parsed = lds::Sod::parse(sod);
    const crypto::SignerInfo& signer = parsed.documentSigner().signerInfo;
    EXPECT_EQ(signer.signatureAlgorithm.oid, pss.oid);
    EXPECT_EQ(signer.signatureAlgorithm.parameters, pss.parameters); // the case's bytes exactly
    EXPECT_EQ(crypto::hashAlgorithmFromOid(signer.digestAlgorithm.oid),
              crypto::HashAlgorithm::Sha512);
    EXPECT_EQ(parsed.ldsSecurityObject().hashAlgorithm, crypto::HashAlgorithm::Sha256);

    verify::TrustStore trust;
    trust.addCertificate(crypto::Certificate::fromDer(derOf(csca.get())));
    verify::PassiveAuthenticationReport report =
        verify::passiveAuthentication(sod, dataGroups, trust);
    EXPECT_EQ(report.signer.signature, verify::SignatureStatus::Valid);
    EXPECT_EQ(report.verdict, verify::Verdict::Valid);
}

// BL-12: CSCA and Document Signer keys with the curve written out (ECParameters) verify as
// with the named curve: the certificate chain and a SOD signed by such a DS.
TEST(FieldCase, BL_12_CscaAndDocumentSignerKeysWithExplicitCurveParameters) {
    std::string text = section("BL-12");
    std::string block = blocks("BL-12").at(0);
    std::string algorithmLine = lineWith(block, "id-ecPublicKey");
    Bytes ecPublicKey = hexOf(algorithmLine.substr(algorithmLine.find("06 07")));
    Bytes version = hexOf(lineWith(block, "ECParameters, version 1"));
    version.erase(version.begin(), version.end() - 3); // INTEGER 1 after the SEQUENCE header
    Bytes dg1 = readertest::fileOf(readertest::profile("vn-basic"), 0x0101);

    for (const std::string& curve :
         {match(text, "values of (\\S+) in one test"), match(text, "and of (\\S+) in another")}) {
        SCOPED_TRACE(curve);
        crypto::EvpPkeyPtr cscaKey = withExplicitParameters(emulator::generateEcKey(curve).get());
        crypto::EvpPkeyPtr dsKey = withExplicitParameters(emulator::generateEcKey(curve).get());
        crypto::X509Ptr csca =
            issueCertificate("CSCA Field Case", 1, cscaKey.get(), nullptr, nullptr);
        crypto::X509Ptr ds =
            issueCertificate("DS Field Case", 2, dsKey.get(), csca.get(), cscaKey.get());
        crypto::Certificate anchor = crypto::Certificate::fromDer(derOf(csca.get()));
        crypto::Certificate signer = crypto::Certificate::fromDer(derOf(ds.get()));

        for (const crypto::Certificate* certificate : {&anchor, &signer}) {
            std::vector<tlv::Tlv> spki =
                tlv::children(tlv::parse(certificate->publicKey().subjectPublicKeyInfo(), 0x30));
            crypto::AlgorithmIdentifier algorithm = crypto::parseAlgorithmIdentifier(spki.at(0));
            EXPECT_EQ(crypto::encodeOidObject(algorithm.oid), ecPublicKey);
            ASSERT_TRUE(algorithm.parameters);
            tlv::Tlv parameters = tlv::parse(*algorithm.parameters, 0x30); // not a curve OID
            EXPECT_EQ(Bytes(tlv::children(parameters).at(0).encoded.begin(),
                            tlv::children(parameters).at(0).encoded.end()),
                      version);
            EXPECT_EQ(certificate->publicKey().type(), crypto::PublicKey::Type::Ec);
            EXPECT_EQ(certificate->publicKey().bits(), 256);
        }
        EXPECT_EQ(verify::validateChain(signer, std::span(&anchor, 1)).status,
                  verify::ChainStatus::Trusted);

        verify::TrustStore trust;
        trust.addCertificate(anchor);
        Bytes sod = signSod(emulator::buildLdsSecurityObject({{1, dg1}}), ds.get(), dsKey.get(),
                            EVP_sha256());
        EXPECT_EQ(verify::passiveAuthentication(sod, {{1, dg1}}, trust).verdict,
                  verify::Verdict::Valid);
    }
}

// BL-14: each standardized domain parameter ID runs PACE on its own group: the mapping key of
// GENERAL AUTHENTICATE step 2 has the length of that group's points (or numbers, for DH).
TEST(FieldCase, BL_14_EveryStandardizedParameterIdMapsToItsGroup) {
    std::string text = section("BL-14");
    std::string block = blocks("BL-14").at(0);
    std::map<std::uint64_t, std::size_t> keySize;
    std::regex curve("([0-9]+) (?:secp|brainpoolP)([0-9]+)");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), curve);
         it != std::sregex_iterator(); ++it) {
        std::size_t fieldBytes = (std::stoul((*it)[2].str()) + 7) / 8;
        keySize[std::stoul((*it)[1].str())] = 1 + 2 * fieldBytes; // uncompressed point
    }
    for (const std::string& id : split(match(text, "DH groups: ([0-9, ]+)"), ',')) {
        // A DH public key is a number modulo p: as many bytes as p (RFC 5114 §2).
        crypto::EvpPkeyPtr group = emulator::generateStandardizedKey(std::stoul(id));
        keySize[std::stoul(id)] = static_cast<std::size_t>(EVP_PKEY_get_bits(group.get()) / 8);
    }
    ASSERT_EQ(keySize.size(), 14u);

    std::string infoLine = lineWith(block, "PACEInfo:");
    Bytes paceInfo = hexOf(infoLine.substr(infoLine.find(':') + 1));
    std::vector<tlv::Tlv> fields = tlv::children(tlv::parse(paceInfo, 0x30));
    std::string ecdhGm = crypto::decodeOid(fields.at(0).value);
    std::uint64_t caseId = tlv::decodeUnsigned(fields.at(2).value);
    // BSI TR-03110-3 §A.1.1.1: id-PACE-DH-GM is arc 1 where id-PACE-ECDH-GM is arc 2.
    std::string dhGm = ecdhGm;
    dhGm[dhGm.size() - 3] = '1';
    Bytes expectedStep2 = hexOf(lineWith(block, "expected"));

    ConformanceCard base = conformance::buildCard("vn-basic");
    for (const auto& [id, size] : keySize) {
        SCOPED_TRACE(id);
        emulator::CardProfile card = base.profile();
        emulator::CardFeatures features = base.card.features;
        features.pace = {{id <= 2 ? dhGm : ecdhGm, id}};
        card.pace = features.pace;
        masterFileOf(card, FidCardAccess).data = emulator::buildCardAccess(features);
        emulator::EmulatorChannel chip = onReader(card);
        Interposer tap(chip);
        reader::ReadOptions options = repeatable();
        options.dataGroups = {1};
        options.authenticateChip = false;
        reader::CardReadout readout = reader::readCard(tap, base.accessKey(), options);
        EXPECT_EQ(readout.access.paceParameterId, id);
        std::vector<apdu::CommandApdu> steps = tap.plain(InsGeneralAuthenticate);
        ASSERT_EQ(steps.size(), 4u);
        EXPECT_EQ(dynamicAuthenticationObject(steps[1], 0x81).size(), size);
        if (id == caseId) {
            EXPECT_EQ(toHex(ByteView(steps[1].data).first(expectedStep2.size())),
                      toHex(expectedStep2));
        }
    }
}

// BL-15: PACE-CAM with two CA keys on the PACE curve in EF.CardSecurity, the generic one first:
// the chip's key is the one whose keyId is the PACE parameterId, and it proves the chip.
TEST(FieldCase, BL_15_PaceCamTakesTheKeyWhoseKeyIdIsTheParameterId) {
    std::string block = blocks("BL-15").at(0);
    std::string paceLine = lineWith(block, "PACEInfo");
    std::size_t open = paceLine.find('(');
    Bytes oid = hexOf(paceLine.substr(open + 1, paceLine.find(')') - open - 1));
    std::string protocol = crypto::decodeOid(ByteView(oid).subspan(2));
    std::uint64_t parameterId = std::stoul(match(block, "parameterId ([0-9]+)"));
    std::vector<std::string> keyIds = matches(block, "keyId ([0-9]+)");
    ASSERT_EQ(keyIds.size(), 2u);
    std::uint64_t genericKeyId = std::stoul(keyIds[0]);
    std::uint64_t camKeyId = std::stoul(keyIds[1]);
    ASSERT_EQ(camKeyId, parameterId);

    ConformanceCard card = conformance::buildCard("vn-basic", [&](emulator::Persona& p) {
        p.features.pace = {{protocol, parameterId}};
        emulator::ChipAuthenticationOption camKey;
        camKey.parameterId = parameterId;
        camKey.keyId = camKeyId;
        emulator::ChipAuthenticationOption genericKey = camKey;
        genericKey.keyId = genericKeyId;
        p.features.chipAuthentication = camKey;
        p.features.additionalChipAuthentication = {genericKey};
    });
    // EF.CardSecurity as in the case: DG14's infos with the generic key's public key first.
    std::vector<tlv::Tlv> infos =
        tlv::children(tlv::parse(tlv::parse(card.applicationFile(0x010E), 0x6E).value, 0x31));
    Bytes others;
    std::map<std::uint64_t, Bytes> keys;
    for (const tlv::Tlv& info : infos) {
        std::vector<tlv::Tlv> parts = tlv::children(info);
        bool publicKey = crypto::decodeOid(parts.at(0).value).rfind("0.4.0.127.0.7.2.2.1.", 0) == 0;
        if (publicKey && parts.size() == 3) {
            keys[tlv::decodeUnsigned(parts.at(2).value)] =
                Bytes(info.encoded.begin(), info.encoded.end());
        } else {
            append(others, info.encoded);
        }
    }
    ASSERT_EQ(keys.size(), 2u);
    append(others, keys.at(genericKeyId));
    append(others, keys.at(camKeyId));
    ASSERT_NE(card.masterFile(FidCardSecurity), nullptr);
    card.masterFile(FidCardSecurity)->data = emulator::buildCardSecurity(
        tlv::encode(0x31, others), conformance::testPki().documentSigner.get(),
        conformance::testPki().documentSignerKey.get(), issueTime(card.persona));

    conformance::Inspection result = conformance::inspect(card);
    ASSERT_TRUE(result.document) << result.explain();
    const reader::Document& d = *result.document;
    ASSERT_TRUE(d.readout.chipAuthenticationMapping);
    EXPECT_EQ(d.readout.chipAuthenticationMapping->status,
              reader::ChipAuthenticationMappingStatus::Passed);
    EXPECT_EQ(d.readout.chipAuthenticationMapping->keyId, camKeyId);
    ASSERT_TRUE(d.cardSecurity);
    EXPECT_EQ(d.cardSecurity->verdict, verify::Verdict::Valid);
    EXPECT_EQ(d.chipVerdict(), reader::ChipVerdict::Genuine);
    EXPECT_TRUE(d.verified()) << result.explain();
}

// BL-16: MSE:Set AT always names the parameter ID, so chip and terminal use one PACEInfo's
// group; a chip that insists on DO 84 with one PACEInfo opens; a step without status word is a
// failed step.
TEST(FieldCase, BL_16_MseSetAtAlwaysNamesTheParameterId) {
    std::string text = section("BL-16");
    std::vector<std::string> lines = test::spec::lines(blocks("BL-16").at(0));
    auto start = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
        return l.find("EF.CardAccess:") != std::string::npos;
    });
    ASSERT_NE(start, lines.end());
    Bytes cardAccess;
    for (auto it = start + 1; it != start + 4; ++it) {
        append(cardAccess, hexOf(*it));
    }
    lds::SecurityInfos offered = lds::CardAccess::parse(cardAccess).securityInfos;
    ASSERT_EQ(offered.paceInfos.size(), 2u);

    // Two PACEInfos: the first (AES-128) is chosen and named, never mixed with the second.
    ConformanceCard two = conformance::buildCard("vn-basic", [&](emulator::Persona& p) {
        p.features.pace.clear();
        for (const lds::PaceInfo& info : offered.paceInfos) {
            p.features.pace.push_back({info.protocol, *info.parameterId});
        }
    });
    two.masterFile(FidCardAccess)->data = cardAccess;
    reader::AccessKey mrzOnly;
    mrzOnly.mrz = two.accessKey().mrz;
    emulator::EmulatorChannel chip = onReader(two.profile());
    Interposer tap(chip);
    reader::Document d = readDocument(tap, mrzOnly);
    std::vector<apdu::CommandApdu> mse = tap.plain(InsManageSecurityEnvironment);
    ASSERT_EQ(mse.size(), 1u);
    EXPECT_EQ(toHex(mse[0].encode()), toHex(fromHex(match(text, "AES-128 entry: `([0-9A-F ]+)`"))));
    EXPECT_EQ(d.readout.access.paceProtocol, offered.paceInfos[0].protocol);
    EXPECT_EQ(d.readout.access.paceParameterId, offered.paceInfos[0].parameterId);
    EXPECT_TRUE(d.verified());

    // One PACEInfo, a chip that refuses MSE:Set AT without DO 84.
    ConformanceCard one = conformance::buildCard("vn-basic");
    std::uint16_t refusal = statusWord(match(text, "without 84 gets ([0-9A-F]{4})"));
    emulator::EmulatorChannel oneChip = onReader(one.profile());
    Interposer strict(oneChip, [refusal](const apdu::CommandApdu& c) -> std::optional<Bytes> {
        if (isSetAuthenticationTemplate(c) && !hasParameterReference(c)) {
            return Bytes{static_cast<std::uint8_t>(refusal >> 8),
                         static_cast<std::uint8_t>(refusal & 0xFF)};
        }
        return std::nullopt;
    });
    reader::AccessKey oneMrz;
    oneMrz.mrz = one.accessKey().mrz;
    reader::Document opened = readDocument(strict, oneMrz);
    std::string ukrainian = match(text, "Ukrainian case: `([^`]+)`");
    Bytes tail = hexOf(ukrainian.substr(ukrainian.find("…") + std::string("…").size()));
    std::vector<apdu::CommandApdu> sent = strict.plain(InsManageSecurityEnvironment);
    ASSERT_EQ(sent.size(), 1u);
    Bytes command = sent[0].encode();
    EXPECT_EQ(toHex(ByteView(command).last(tail.size())), toHex(tail));
    EXPECT_EQ(opened.readout.access.protocol, "PACE");
    EXPECT_TRUE(opened.verified());

    // No status word at step 2: a failed step; BAC when the caller allows it, else an error.
    for (reader::AccessPolicy policy :
         {reader::AccessPolicy::PaceThenBac, reader::AccessPolicy::Auto}) {
        emulator::EmulatorChannel silentChip = onReader(one.profile());
        int step = 0;
        Interposer silent(silentChip, [&step](const apdu::CommandApdu& c) -> std::optional<Bytes> {
            if ((c.cla & SecureMessagingCla) == 0 && c.ins == InsGeneralAuthenticate &&
                ++step == 2) {
                return Bytes{};
            }
            return std::nullopt;
        });
        reader::ReadOptions options = repeatable();
        options.accessPolicy = policy;
        if (policy == reader::AccessPolicy::PaceThenBac) {
            reader::Document fallback = readDocument(silent, one.accessKey(), options);
            EXPECT_EQ(fallback.readout.access.protocol, "BAC");
            EXPECT_FALSE(fallback.readout.access.paceFailure.empty());
            EXPECT_TRUE(fallback.verified());
        } else {
            Error e = readertest::errorOf(
                [&] { (void)reader::readCard(silent, one.accessKey(), options); });
            EXPECT_EQ(e.code(), ErrorCode::MalformedData) << e.what(); // not a wrong key
        }
    }
}

// BL-17: the CCCD answers SELECT MF with 6D00; EF.CardAccess comes by its file ID, and when it
// cannot be read at all the card is read with BAC. A chip that refuses only the explicit form
// of SELECT MF gets the implicit one.
TEST(FieldCase, BL_17_RefusedSelectMfIsNeverFatal) {
    std::string text = section("BL-17");
    std::string block = blocks("BL-17").at(0);
    std::string selectMfLine = lineWith(block, "3F 00");
    std::uint16_t refused = statusWord(selectMfLine.substr(selectMfLine.find("->") + 2));
    Bytes selectCardAccess = hexOf(lineWith(block, "01 1C"));

    ConformanceCard card = conformance::buildCard("vn-basic");
    ASSERT_EQ(card.profile().selectMfStatus, refused);
    {
        emulator::EmulatorChannel chip = onReader(card.profile());
        Interposer tap(chip);
        reader::Document d = readDocument(tap, card.accessKey());
        EXPECT_EQ(toHex(tap.commands().front()), toHex(selectCardAccess));
        EXPECT_EQ(d.readout.access.protocol, "PACE");
        EXPECT_EQ(d.readout.efCardAccess, card.masterFile(FidCardAccess)->data);
        EXPECT_TRUE(d.verified());
    }

    // EF.CardAccess refused with each status word of the case, to SELECT or to READ BINARY.
    for (const std::string& sw : matches(lineWith(text, "cannot be read"), "`([0-9A-F]{4})`")) {
        for (const char* ins : {"A4", "B0"}) {
            std::string fault = "status-only " + sw + " ins=" + ins + " fid=011C always";
            SCOPED_TRACE(fault);
            emulator::CardProfile faulty = card.profile();
            faulty.faults = {fault};
            emulator::EmulatorChannel chip = onReader(faulty);
            reader::Document d = readDocument(chip, card.accessKey());
            EXPECT_EQ(d.readout.access.protocol, "BAC");
            EXPECT_TRUE(d.readout.efCardAccess.empty());
            EXPECT_TRUE(d.verified());
        }
    }

    // A chip (application selected, say, by an earlier session) that refuses SELECT MF by 3F00
    // and finds EF.CardAccess only once the MF is selected.
    std::uint16_t explicitRefused = statusWord(match(text, "`([0-9A-F]{4})` \\(AU\\)"));
    emulator::CardProfile other = card.profile();
    other.selectMfStatus.reset();
    emulator::EmulatorChannel chip = onReader(other);
    bool masterFileSelected = false;
    Bytes cardAccessFid(selectCardAccess.end() - 2, selectCardAccess.end());
    Interposer picky(chip, [&](const apdu::CommandApdu& c) -> std::optional<Bytes> {
        if ((c.cla & SecureMessagingCla) != 0 || c.ins != InsSelect) {
            return std::nullopt;
        }
        if (c.p1 == 0x00 && !c.data.empty()) {
            return Bytes{static_cast<std::uint8_t>(explicitRefused >> 8),
                         static_cast<std::uint8_t>(explicitRefused & 0xFF)};
        }
        masterFileSelected = masterFileSelected || c.p1 == 0x00;
        if (c.p1 == 0x02 && c.data == cardAccessFid && !masterFileSelected) {
            return Bytes{0x6A, 0x82};
        }
        return std::nullopt;
    });
    reader::Document d = readDocument(picky, card.accessKey());
    EXPECT_TRUE(masterFileSelected);
    EXPECT_EQ(d.readout.access.protocol, "PACE");
    EXPECT_EQ(d.readout.efCardAccess, card.masterFile(FidCardAccess)->data);
}

// BL-18: MF files before any access control, each refusal of the case not fatal; SELECT of the
// eMRTD application before BAC; no MF file inside the BAC session.
TEST(FieldCase, BL_18_MfFilesFirstApplicationBeforeBacNoMfFilesUnderBac) {
    std::string rule = lineWith(section("BL-18"), "not available in this state");
    std::vector<std::string> refusals = matches(rule, "`([0-9A-F]{4})`");
    ASSERT_EQ(refusals.size(), 3u);
    mrz::MrzKey key = readertest::accessKey("vn-basic");
    for (const std::string& sw : refusals) {
        SCOPED_TRACE(sw);
        emulator::CardProfile card = readertest::profile("vn-basic");
        card.faults = {"status-only " + sw + " ins=A4 fid=011C always"};
        emulator::EmulatorChannel chip(
            std::make_shared<emulator::EmulatedCard>(card, readertest::seededRandom(7)));
        readertest::PlainTraceChannel trace(chip, key.mrzInformation());
        reader::CardReadout readout = reader::readCard(trace, key, repeatable());
        EXPECT_EQ(readout.access.protocol, "BAC");

        const auto& exchanges = trace.exchanges();
        auto challenge = std::find_if(exchanges.begin(), exchanges.end(),
                                      [](const auto& e) { return e.ins == InsGetChallenge; });
        auto application = std::find_if(exchanges.begin(), exchanges.end(), [](const auto& e) {
            return !e.secured && e.ins == InsSelect && e.p1 == 0x04;
        });
        ASSERT_NE(challenge, exchanges.end());
        EXPECT_LT(application, challenge);
        auto authenticated = std::find_if(challenge, exchanges.end(), [](const auto& e) {
            return e.ins == InsExternalAuthenticate;
        });
        ASSERT_NE(authenticated, exchanges.end());
        for (auto it = authenticated + 1; it != exchanges.end(); ++it) {
            EXPECT_TRUE(it->secured);
            if (it->ins == InsSelect) {
                EXPECT_EQ(it->p1, 0x02); // EFs of the application only
                EXPECT_NE(toHex(it->data), "011C");
            }
        }
        EXPECT_TRUE(reader::interpret(std::move(readout), readertest::trustStore()).verified());
    }
}

// "00…00 7F" as a counter of `size` bytes: the byte before the ellipsis repeats.
Bytes counter(const std::string& text, std::size_t size) {
    const std::string ellipsis = "…";
    std::size_t at = text.find(ellipsis);
    if (at == std::string::npos) {
        return hexOf(text);
    }
    Bytes head = hexOf(text.substr(0, at));
    Bytes tail = hexOf(text.substr(at + ellipsis.size()));
    Bytes out = head;
    out.insert(out.end(), size - head.size() - tail.size(), head.back());
    append(out, tail);
    return out;
}

// BL-19: the send sequence counter is an unsigned big-endian number of 16 (AES) or 8 (3DES)
// bytes, across the case's boundaries; a long DG2 read under PACE takes it past them.
TEST(FieldCase, BL_19_SendSequenceCounterIsUnsigned) {
    std::size_t size = 0;
    std::size_t boundaries = 0;
    for (const std::string& line : test::spec::lines(blocks("BL-19").at(0))) {
        if (line.find("->") == std::string::npos) {
            continue;
        }
        if (line.find("AES SSC") != std::string::npos) {
            size = 16;
        } else if (line.find("3DES SSC") != std::string::npos) {
            size = 8;
        }
        std::string pairs =
            line.substr(line.find(':') == std::string::npos ? 0 : line.find(':') + 1);
        for (const std::string& pair : split(pairs, ';')) {
            std::size_t arrow = pair.find("->");
            Bytes before = counter(pair.substr(0, arrow), size);
            Bytes after = counter(pair.substr(arrow + 2), size);
            SCOPED_TRACE(toHex(before));
            ASSERT_EQ(before.size(), size);
            sm::SessionKeys keys;
            keys.cipher = size == 16 ? sm::SmCipher::Aes : sm::SmCipher::Tdes;
            keys.ksEnc = SecureBytes(Bytes(16, 0x11));
            keys.ksMac = SecureBytes(Bytes(16, 0x22));
            keys.ssc = before;
            test::ScriptedChannel card;
            sm::SecureMessagingChannel channel(card, keys);
            (void)channel.protect({0x00, 0xB0, 0x00, 0x00, {}, 4, false});
            EXPECT_EQ(toHex(channel.ssc()), toHex(after));
            ++boundaries;
        }
    }
    EXPECT_EQ(boundaries, 4u);

    // DG2 in short reads under PACE (AES, counter from 0): two counts per protected pair.
    std::uint64_t crossed =
        std::stoul(match(section("BL-19"), "crosses `0x([0-9A-F]+)`"), nullptr, 16);
    emulator::EmulatorChannel chip = readertest::cardOnReader("vn-basic");
    reader::ReadOptions options = repeatable();
    options.extendedLength = reader::ExtendedLengthMode::Never;
    reader::AccessKey can = reader::AccessKey::fromIdNumber(
        readertest::persona("vn-basic")["personalIdNumber"].get<std::string>());
    reader::CardReadout readout = reader::readCard(chip, can, options);
    EXPECT_EQ(readout.access.protocol, "PACE");
    EXPECT_GT(2 * readout.readBinaryCommands, crossed);
    EXPECT_EQ(readout.dataGroups.at(2),
              readertest::fileOf(readertest::profile("vn-basic"), 0x0102));
    reader::Document d = reader::interpret(std::move(readout), readertest::trustStore());
    EXPECT_EQ(hashStatus(d, 2), verify::DgHashStatus::Match);
    EXPECT_TRUE(d.verified());
}

// BL-21: a plain 6CXX to a protected READ BINARY of EF.SOD: the chip has left secure
// messaging. Access control runs once more and the command is repeated with Le = XX; a chip
// that does it every time ends the read with one clear error naming the file; a 6CXX inside
// DO99 is re-asked without re-authenticating.
TEST(FieldCase, BL_21_PlainWrongLengthUnderSecureMessagingReopensTheSessionOnce) {
    std::string line = lineWith(blocks("BL-21").at(0), "EF.SOD");
    std::uint16_t sw = statusWord(toHex(hexOf(line.substr(line.find("->") + 2))));
    char fault[64];
    std::snprintf(fault, sizeof fault, "reset %04X ins=B0 fid=%04X", sw,
                  lds::fileId(lds::ElementaryFile::Sod));
    emulator::CardProfile card = readertest::profile("vn-basic");
    const Bytes& sod = readertest::fileOf(card, lds::fileId(lds::ElementaryFile::Sod));
    reader::ReadOptions options = repeatable();
    options.accessPolicy = reader::AccessPolicy::BacOnly; // the card of the case ran BAC
    mrz::MrzKey key = readertest::accessKey("vn-basic");

    Tapped once = tapped(card, fault);
    reader::CardReadout readout = reader::readCard(*once.tap, key, options);
    EXPECT_EQ(readout.secureMessagingRecoveries, 1u);
    EXPECT_EQ(once.tap->plain(InsGetChallenge).size(), 2u);
    EXPECT_EQ(readout.efSod, sod);
    EXPECT_TRUE(reader::interpret(std::move(readout), readertest::trustStore()).verified());

    Tapped always = tapped(card, std::string(fault) + " always");
    Error e = readertest::errorOf([&] { (void)reader::readCard(*always.tap, key, options); });
    EXPECT_EQ(e.statusWord(), sw) << e.what();
    EXPECT_NE(std::string(e.what()).find("EF.SOD"), std::string::npos) << e.what();
    EXPECT_LE(always.tap->plain(InsGetChallenge).size(),
              1 + reader::SessionRecovery::MaxRecoveriesPerFile);

    char protectedFault[64];
    std::snprintf(protectedFault, sizeof protectedFault, "wrong-le %u ins=B0 fid=%04X",
                  static_cast<unsigned>(sw & 0xFF), lds::fileId(lds::ElementaryFile::Sod));
    Tapped inside = tapped(card, protectedFault);
    reader::CardReadout protectedRead = reader::readCard(*inside.tap, key, options);
    EXPECT_EQ(protectedRead.secureMessagingRecoveries, 0u);
    EXPECT_EQ(inside.tap->plain(InsGetChallenge).size(), 1u);
    EXPECT_EQ(protectedRead.efSod, sod);
}

// BL-22: DG14 names Chip Authentication with 3DES and keyId 1: the key pairs with its info by
// keyId and the session keys follow the OID's cipher.
TEST(FieldCase, BL_22_ChipAuthenticationUsesTheAdvertisedProtocolAndKeyId) {
    std::string block = blocks("BL-22").at(0);
    Bytes info = hexOf(lineWith(block, "ChipAuthenticationInfo"));
    std::vector<tlv::Tlv> fields = tlv::children(tlv::parse(info, 0x30));
    std::string protocol = crypto::decodeOid(fields.at(0).value);
    std::uint64_t keyId = tlv::decodeUnsigned(fields.at(2).value);
    std::string keyLine = lineWith(block, "ChipAuthenticationPublicKeyInfo");
    Bytes keyOid = hexOf(keyLine.substr(keyLine.find("06 09")));

    ConformanceCard card = conformance::buildCard("vn-basic", [&](emulator::Persona& p) {
        emulator::ChipAuthenticationOption ca;
        ca.protocol = protocol;
        ca.keyId = keyId;
        p.features.chipAuthentication = ca;
    });
    const Bytes& dg14 = card.applicationFile(0x010E);
    EXPECT_TRUE(contains(dg14, info));
    EXPECT_TRUE(contains(dg14, keyOid));

    conformance::Inspection result = conformance::inspect(card);
    ASSERT_TRUE(result.document) << result.explain();
    const std::optional<verify::ChipAuthenticationResult>& ca =
        result.document->readout.chipAuthentication;
    ASSERT_TRUE(ca);
    EXPECT_EQ(ca->status, verify::ChipAuthenticationStatus::Passed) << result.explain();
    EXPECT_EQ(ca->protocol, protocol);
    EXPECT_EQ(ca->keyId, keyId);
    EXPECT_EQ(result.document->chipVerdict(), reader::ChipVerdict::Genuine);
    EXPECT_TRUE(result.document->verified()) << result.explain();
}

// BL-24: a READ BINARY answered 6282 without data is not fatal: Le steps down and the smaller
// size stays for the session; no read asks past the file's end, and under 3DES secure messaging
// no short read asks more than fits in 256 + 2 bytes.
TEST(FieldCase, BL_24_EndOfFileWithoutDataStepsLeDown) {
    std::string text = section("BL-24");
    std::size_t tdesLimit = std::stoul(match(text, "about [0-9]+ for AES, ([0-9]+) for 3DES"));
    std::uint16_t endOfFile =
        statusWord(match(blocks("BL-24").at(0), "<- ([0-9A-F]{2} [0-9A-F]{2})"));
    emulator::CardProfile card = readertest::profile("vn-basic");
    card.faults = {"early-end 0 ins=B0 fid=0101"}; // DG1's first read: 6282 and no data
    emulator::EmulatorChannel chip(
        std::make_shared<emulator::EmulatedCard>(card, readertest::seededRandom(7)));
    mrz::MrzKey key = readertest::accessKey("vn-basic");
    readertest::PlainTraceChannel trace(chip, key.mrzInformation());
    reader::ReadOptions options = repeatable();
    options.accessPolicy = reader::AccessPolicy::BacOnly;
    options.extendedLength = reader::ExtendedLengthMode::Never;
    reader::CardReadout readout = reader::readCard(trace, key, options);
    EXPECT_EQ(readout.dataGroups.at(1), readertest::fileOf(card, 0x0101));

    std::vector<readertest::FileReads> files = trace.fileReads();
    auto dg1 =
        std::find_if(files.begin(), files.end(), [](const auto& f) { return f.fid == 0x0101; });
    ASSERT_NE(dg1, files.end());
    ASSERT_GE(dg1->reads.size(), 2u);
    EXPECT_EQ(dg1->reads[0].sw, endOfFile);
    EXPECT_EQ(dg1->reads[0].responseSize, 0u);
    EXPECT_LT(dg1->reads[1].ne, dg1->reads[0].ne);
    std::size_t working = dg1->reads[1].ne;
    for (auto file = files.begin(); file != files.end(); ++file) {
        if (file->reads.empty()) {
            continue; // selected, not there (EF.ATR/INFO on this card)
        }
        const Bytes& content = readertest::fileOf(card, file->fid);
        for (const readertest::PlainExchange& read : file->reads) {
            EXPECT_LE(read.ne, tdesLimit);
            if (read.offset() > 0) {
                EXPECT_LE(read.ne, content.size() - read.offset()) << std::hex << file->fid;
            }
            if (file > dg1) {
                EXPECT_LE(read.ne, working) << std::hex << file->fid;
            }
        }
    }
}

// BL-26: a reader that exchanges short APDUs only: the card is read without one extended APDU
// or oversized response; PACE on a DH-2048 group, which needs one, is refused as not
// supported instead of failing in the reader.
TEST(FieldCase, BL_26_ShortApduReaderGetsOnlyShortApdus) {
    emulator::EmulatorChannel chip = readertest::cardOnReader("vn-basic");
    ShortApduReader reader(chip);
    reader::AccessKey can = reader::AccessKey::fromIdNumber(
        readertest::persona("vn-basic")["personalIdNumber"].get<std::string>());
    reader::CardReadout readout = reader::readCard(reader, can, repeatable());
    EXPECT_EQ(reader.refused(), 0u);
    EXPECT_FALSE(readout.extendedLength);
    EXPECT_EQ(readout.dataGroups.at(2),
              readertest::fileOf(readertest::profile("vn-basic"), 0x0102));
    EXPECT_TRUE(reader::interpret(std::move(readout), readertest::trustStore()).verified());

    emulator::EmulatorChannel dhChip = readertest::cardOnReader("pace-dh-gm-2048");
    ShortApduReader dhReader(dhChip);
    reader::AccessKey dhCan = reader::AccessKey::fromIdNumber(
        readertest::persona("pace-dh-gm-2048")["personalIdNumber"].get<std::string>());
    Error e = readertest::errorOf([&] { (void)reader::readCard(dhReader, dhCan, repeatable()); });
    EXPECT_EQ(e.code(), ErrorCode::NotSupported) << e.what();
    EXPECT_EQ(dhReader.refused(), 0u);
}

// An ATR of the case: "3B 8x 80 01 A1 B2 C3 D4 …" with x the number of historical bytes given,
// and TCK (ISO/IEC 7816-3 §8.2.5, present since T=1 is offered).
Bytes atrOf(const std::string& text) {
    std::istringstream in(text);
    Bytes atr;
    std::string token;
    while (in >> token && token.size() == 2 &&
           std::isxdigit(static_cast<unsigned char>(token[0]))) {
        std::uint8_t high = static_cast<std::uint8_t>(std::stoul(token.substr(0, 1), nullptr, 16));
        atr.push_back(token[1] == 'x' ? static_cast<std::uint8_t>(high << 4)
                                      : static_cast<std::uint8_t>(std::stoul(token, nullptr, 16)));
    }
    atr[1] = static_cast<std::uint8_t>(atr[1] | (atr.size() - 4)); // T0, TD1, TD2 before them
    std::uint8_t check = 0;
    for (std::size_t i = 1; i < atr.size(); ++i) {
        check ^= atr[i];
    }
    atr.push_back(check);
    return atr;
}

// BL-27: on a short-APDU reader after PACE no protected response passes 256 + 2 bytes; and a
// card is recognised by its application, not its ATR, whose bytes change on every tap.
TEST(FieldCase, BL_27_ProtectedResponsesFitTheReaderAndAtrsAreNotMatched) {
    std::string block = blocks("BL-27").at(0);
    std::size_t tooLong = std::stoul(match(block, "protected response length ([0-9]+)"));
    emulator::EmulatorChannel chip = readertest::cardOnReader("vn-basic");
    ShortApduReader reader(chip);
    reader::AccessKey can = reader::AccessKey::fromIdNumber(
        readertest::persona("vn-basic")["personalIdNumber"].get<std::string>());
    reader::CardReadout readout = reader::readCard(reader, can, repeatable());
    EXPECT_EQ(readout.access.protocol, "PACE");
    EXPECT_LE(reader.largestResponse(), apdu::ShortNeMax + 2);
    EXPECT_LT(reader.largestResponse(), tooLong);

    std::string atrLine = lineWith(block, "ATR tap 1:");
    std::size_t second = atrLine.find("ATR tap 2:");
    std::vector<Bytes> atrs{atrOf(atrLine.substr(atrLine.find(':') + 1, second)),
                            atrOf(atrLine.substr(atrLine.find(':', second) + 1))};
    ASSERT_NE(atrs[0], atrs[1]);
    std::vector<std::map<int, Bytes>> taps;
    for (const Bytes& atr : atrs) {
        emulator::CardProfile card = readertest::profile("vn-basic");
        card.atr = atr;
        emulator::EmulatorChannel tapped(
            std::make_shared<emulator::EmulatedCard>(card, readertest::seededRandom(7)));
        reader::CardReadout r = reader::readCard(tapped, can, repeatable());
        EXPECT_EQ(r.atr, atr);
        EXPECT_EQ(r.access.protocol, "PACE");
        taps.push_back(r.dataGroups);
    }
    EXPECT_EQ(taps[0], taps[1]);
}

// BL-29: the portrait is found from the facial record header and told by its own bytes: a raw
// JPEG 2000 codestream, a JP2 file and a JPEG each come back with their format, MIME type and
// size, even with JPEG's magic bytes earlier in the record.
TEST(FieldCase, BL_29_Dg2PortraitInEachImageForm) {
    std::string text = section("BL-29");
    std::string block = blocks("BL-29").at(0);
    Bytes codestreamStart = hexOf(lineWith(block, "SOC, SIZ"));
    Bytes jp2Signature = hexOf(lineWith(block, "JP2 file box"));
    Bytes jpegStart = hexOf(lineWith(block, "JPEG/JFIF"));
    auto jpeg2000 = static_cast<std::uint8_t>(std::stoul(match(text, "([0-9]) = JPEG 2000")));

    ConformanceCard base = conformance::buildCard("vn-basic");
    conformance::Inspection original = conformance::inspect(base);
    ASSERT_TRUE(original.document && original.document->portrait()) << original.explain();
    const lds::FaceImage& jpeg = *original.document->portrait();
    EXPECT_EQ(jpeg.imageFormat, lds::ImageFormat::Jpeg);
    EXPECT_EQ(toHex(ByteView(jpeg.image).first(jpegStart.size())), toHex(jpegStart));
    EXPECT_TRUE(jpeg.imageTypeMatches());

    Bytes codestream = j2kCodestream(codestreamStart, 300, 400);

    struct Form {
        Bytes image;
        lds::ImageFormat format;
        std::string mime;
    };

    for (const Form& form :
         {Form{codestream, lds::ImageFormat::Jpeg2000Codestream, match(text, "`(image/j2k)`")},
          Form{jp2File(jp2Signature, codestream, 300, 400), lds::ImageFormat::Jp2,
               match(text, "`(image/jp2)`")}}) {
        SCOPED_TRACE(form.mime);
        ConformanceCard card = base;
        card.replaceDataGroup(2, dataGroup2(form.image, jpeg2000));
        conformance::Inspection result = conformance::inspect(card);
        ASSERT_TRUE(result.document && result.document->portrait()) << result.explain();
        const lds::FaceImage& face = *result.document->portrait();
        EXPECT_EQ(face.image, form.image);
        EXPECT_EQ(face.imageFormat, form.format);
        EXPECT_EQ(lds::mimeType(face.imageFormat), form.mime);
        EXPECT_EQ(face.imageSize, (lds::ImageSize{300, 400}));
        EXPECT_TRUE(face.imageTypeMatches());
        nlohmann::json json = json::documentToJson(*result.document);
        EXPECT_EQ(json["portrait"]["mime_type"], form.mime);
        EXPECT_TRUE(result.document->verified()) << result.explain();
    }
}

// BL-30: EF.COM as reported for the CCCD; DG3 behind EAC is skipped as "access_denied", DG11
// (asked for, not on the card) as "not_found", neither an error; DG13 is decoded for VNM and
// verified against EF.SOD; the record says which data group each field came from.
TEST(FieldCase, BL_30_VietnameseCardDg3ProtectedDg11AbsentDetailsInDg13) {
    std::string block = blocks("BL-30").at(0);
    Bytes efCom = hexOf(lineWith(block, "60 18"));
    std::string dg11Line = lineWith(block, "select DG11");
    Bytes selectDg11 = hexOf(dg11Line.substr(dg11Line.find("00 A4")));
    ConformanceCard card = conformance::buildCard("vn-basic");
    card.applicationFile(lds::fileId(lds::ElementaryFile::Com)) = efCom; // EF.COM is not hashed

    reader::ReadOptions options = repeatable();
    options.dataGroups = lds::EfCom::parse(efCom).dataGroups;
    options.dataGroups.push_back(11);
    conformance::Inspection result = conformance::inspect(card, options);
    ASSERT_TRUE(result.document) << result.explain();
    const reader::Document& d = *result.document;
    std::map<int, std::string> skipped;
    for (const reader::SkippedFile& s : d.readout.skipped) {
        skipped[s.dataGroup] = s.reason;
    }
    EXPECT_EQ(skipped, (std::map<int, std::string>{{3, "access_denied"}, {11, "not_found"}}));
    ASSERT_TRUE(d.efCom);
    EXPECT_EQ(d.efCom->raw, efCom);
    ASSERT_TRUE(d.dg13 && d.dg1);
    EXPECT_EQ(d.dg1->mrz.issuingState, "VNM");
    EXPECT_EQ(d.dg13->fullName, card.persona.fullName);
    EXPECT_EQ(hashStatus(d, 13), verify::DgHashStatus::Match);
    EXPECT_TRUE(d.verified()) << result.explain();
    nlohmann::json json = json::documentToJson(d);
    EXPECT_EQ(json["citizen"]["full_name"], card.persona.fullName);       // DG13
    EXPECT_EQ(json["mrz"]["document_number"], d.dg1->mrz.documentNumber); // DG1
    EXPECT_EQ(json["card"]["files_skipped"].size(), 2u);

    // Without a request, only what EF.COM and EF.SOD list is read: DG11 is never selected.
    mrz::MrzKey key = card.accessKey().mrz.value();
    emulator::EmulatorChannel chip = onReader(card.profile());
    readertest::PlainTraceChannel trace(chip, key.mrzInformation());
    reader::ReadOptions bac = repeatable();
    bac.accessPolicy = reader::AccessPolicy::BacOnly;
    reader::CardReadout readout = reader::readCard(trace, key, bac);
    Bytes dg11Fid(selectDg11.end() - 2, selectDg11.end());
    for (const readertest::PlainExchange& e : trace.exchanges()) {
        EXPECT_FALSE(e.ins == InsSelect && e.data == dg11Fid);
    }
    EXPECT_FALSE(readout.dataGroups.contains(11));
}
