// The reader over PACE against the emulated card, in process: every PACE persona of the build
// read and verified end to end, PACE-CAM's chip-key check against EF.CardSecurity (ICAO 9303-11
// §4.4.3.5.2; conformance ISO7816_G_34, _39, _40), explicit domain parameters from a
// PACEDomainParameterInfo (§9.2.2; ISO7816_G_07), and BAC asked of a card without it.
#include <algorithm>
#include <chrono>
#include <optional>

#include <gtest/gtest.h>

#include "ReaderTestSupport.h"
#include "emulator/profilegen/Keys.h"
#include "emulator/profilegen/Persona.h"
#include "emulator/profilegen/ProfileBuilder.h"
#include "emulator/profilegen/SecurityInfos.h"
#include "emulator/profilegen/SodBuilder.h"
#include "emulator/profilegen/TestPki.h"
#include "lds/CardAccess.h"
#include "reader/CardReader.h"
#include "reader/Document.h"
#include "tlv/Tlv.h"

using namespace cccd;
using namespace cccd::readertest;

namespace {

using MappingStatus = reader::ChipAuthenticationMappingStatus;
using MappingReason = reader::ChipAuthenticationMappingReason;

constexpr std::uint16_t FidCardAccess = 0x011C;
constexpr std::uint16_t FidCardSecurity = 0x011D; // under the MF
constexpr std::uint8_t InsManageSecurityEnvironment = 0x22;
constexpr std::uint32_t TagParameterReference = 0x84; // MSE:Set AT, ICAO 9303-11 §4.4.4.1

emulator::ElementaryFile* masterFile(emulator::CardProfile& card, std::uint16_t fid) {
    for (emulator::ElementaryFile& ef : card.masterFiles) {
        if (ef.fid == fid) {
            return &ef;
        }
    }
    return nullptr;
}

lds::SecurityInfos cardAccessOf(emulator::CardProfile card) {
    return lds::CardAccess::parse(masterFile(card, FidCardAccess)->data).securityInfos;
}

emulator::Persona loadPersona(const std::string& name) {
    return emulator::loadPersona(test::sourceDir() / "drivers/emulator/personas" /
                                 (name + ".json"));
}

// The Vietnamese card's CAN: the last 6 digits of the persona's ID (cccd.md §1.3).
reader::AccessKey canOf(const emulator::Persona& persona) {
    return reader::AccessKey::fromIdNumber(persona.personalIdNumber);
}

reader::ReadOptions options() {
    reader::ReadOptions o;
    o.random = seededRandom(23);
    return o;
}

emulator::EmulatorChannel onReader(emulator::CardProfile card) {
    return emulator::EmulatorChannel(
        std::make_shared<emulator::EmulatedCard>(std::move(card), seededRandom(5)));
}

reader::Document readAndInterpret(emulator::CardProfile card, const reader::AccessKey& key,
                                  const verify::TrustStore& trust = trustStore()) {
    emulator::EmulatorChannel channel = onReader(std::move(card));
    return reader::interpret(reader::readCard(channel, key, options()), trust);
}

/// Keeps the plain command APDUs (no secure messaging bits in CLA).
class PlainCommandTap : public transport::CardChannel {
public:
    explicit PlainCommandTap(transport::CardChannel& inner) : m_inner(inner) {}

    [[nodiscard]] Bytes transmit(ByteView command) override {
        if (command.size() >= 4 && (command[0] & 0x0C) == 0) {
            m_commands.emplace_back(command.begin(), command.end());
        }
        return m_inner.transmit(command);
    }

    [[nodiscard]] Bytes atr() const override { return m_inner.atr(); }

    [[nodiscard]] transport::ChannelCapabilities capabilities() const override {
        return m_inner.capabilities();
    }

    /// The parameter reference (DO 84) of the MSE:Set AT sent, if any.
    [[nodiscard]] std::optional<std::uint64_t> paceParameterReference() const {
        for (const Bytes& command : m_commands) {
            if (command[1] != InsManageSecurityEnvironment || command.size() < 5) {
                continue;
            }
            tlv::TlvReader objects(ByteView(command).subspan(5, command[4]));
            while (!objects.atEnd()) {
                tlv::Tlv object = objects.next();
                if (object.tag == TagParameterReference) {
                    return tlv::decodeUnsigned(object.value);
                }
            }
        }
        return std::nullopt;
    }

private:
    transport::CardChannel& m_inner;
    std::vector<Bytes> m_commands;
};

// The build's pace-cam-p256 card with EF.CardSecurity replaced by one a fresh test PKI signs
// over the persona's SecurityInfos and the given CA key (nullptr: no key at all).
struct ResignedCamCard {
    emulator::CardProfile profile;
    verify::TrustStore trust; ///< the build's CSCA and the fresh one
};

ResignedCamCard camCardWithCardSecurityKey(EVP_PKEY* chipAuthenticationKey) {
    emulator::Persona persona = loadPersona("pace-cam-p256");
    emulator::TestPki pki = emulator::TestPki::generate();
    Bytes infos = emulator::cardSecurityInfos(persona.features, chipAuthenticationKey);
    auto signingTime =
        std::chrono::sys_seconds(std::chrono::sys_days(persona.dateOfIssue).time_since_epoch());
    ResignedCamCard out{profile("pace-cam-p256"), trustStore()};
    masterFile(out.profile, FidCardSecurity)->data = emulator::buildCardSecurity(
        infos, pki.documentSigner.get(), pki.documentSignerKey.get(), signingTime);
    out.trust.addPem(pki.cscaPem());
    return out;
}

struct PaceCase {
    const char* persona;
};

class PacePersonaTest : public ::testing::TestWithParam<PaceCase> {};

} // namespace

// Every PACE card of the build opens with PACE and the option its EF.CardAccess offers, reads,
// verifies up to the test CSCA, and proves its chip.
TEST_P(PacePersonaTest, OpensWithTheOfferedOptionAndVerifies) {
    const std::string name = GetParam().persona;
    emulator::CardProfile card = profile(name);
    lds::SecurityInfos offered = cardAccessOf(card);
    ASSERT_EQ(offered.paceInfos.size(), 1u);

    reader::Document d = readAndInterpret(card, canOf(loadPersona(name)));
    EXPECT_EQ(d.readout.access.protocol, "PACE");
    EXPECT_EQ(d.readout.access.password, "CAN");
    EXPECT_EQ(d.readout.access.paceProtocol, offered.paceInfos[0].protocol);
    EXPECT_EQ(d.readout.access.paceParameterId, offered.paceInfos[0].parameterId);
    EXPECT_FALSE(d.readout.access.paceExplicitDomainParameters);
    EXPECT_EQ(d.passiveAuthentication.verdict, verify::Verdict::Valid);
    EXPECT_EQ(d.chipVerdict(), reader::ChipVerdict::Genuine);
    EXPECT_TRUE(d.verified());
}

INSTANTIATE_TEST_SUITE_P(BuildPersonas, PacePersonaTest,
                         ::testing::Values(PaceCase{"pace-im-p256"}, PaceCase{"pace-cam-p256"},
                                           PaceCase{"pace-dh-gm-1024"}, PaceCase{"pace-dh-gm-2048"},
                                           PaceCase{"pace-aes256-ca-3des"}, PaceCase{"vn-basic"}),
                         [](const auto& testParam) {
                             std::string name = testParam.param.persona;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

// ISO7816_G_34: the CA key from EF.CardSecurity, verified, explains the chip's PACE answer; no
// Chip or Active Authentication follows. The card refuses SELECT MF (6D00) like the CCCD, so
// the file comes by its path from the MF.
TEST(PaceReaderTest, CamProvesTheChipWithTheKeyOfCardSecurity) {
    emulator::CardProfile card = profile("pace-cam-p256");
    ASSERT_TRUE(card.selectMfStatus.has_value());
    reader::Document d = readAndInterpret(card, canOf(loadPersona("pace-cam-p256")));

    EXPECT_EQ(d.readout.efCardSecurity, masterFile(card, FidCardSecurity)->data);
    ASSERT_TRUE(d.readout.chipAuthenticationMapping.has_value());
    EXPECT_EQ(d.readout.chipAuthenticationMapping->status, MappingStatus::Passed);
    EXPECT_EQ(d.readout.chipAuthenticationMapping->reason, MappingReason::None);
    EXPECT_FALSE(d.readout.chipAuthentication.has_value()) << "Chip Authentication ran again";
    EXPECT_FALSE(d.readout.activeAuthentication.has_value());
    ASSERT_TRUE(d.cardSecurity.has_value());
    EXPECT_EQ(d.cardSecurity->verdict, verify::Verdict::Valid);
    EXPECT_EQ(d.chipVerdict(), reader::ChipVerdict::Genuine);
    EXPECT_TRUE(d.verified());
}

// PACE-CAM signs nothing the caller chose either: the caller's challenge still gets DG15's
// signature, and Chip Authentication still does not run again.
TEST(PaceReaderTest, CamWithTheCallersChallengeSignsItWithActiveAuthentication) {
    emulator::EmulatorChannel channel = onReader(profile("pace-cam-p256"));
    reader::ReadOptions o = options();
    o.activeAuthenticationChallenge = Bytes{8, 7, 6, 5, 4, 3, 2, 1};
    reader::Document d = reader::interpret(
        reader::readCard(channel, canOf(loadPersona("pace-cam-p256")), o), trustStore());

    EXPECT_TRUE(d.readout.chipAuthenticationMapping->passed());
    EXPECT_FALSE(d.readout.chipAuthentication.has_value()) << "Chip Authentication ran again";
    ASSERT_TRUE(d.readout.activeAuthentication.has_value());
    EXPECT_TRUE(d.readout.activeAuthentication->passed());
    EXPECT_EQ(d.readout.activeAuthentication->challenge, o.activeAuthenticationChallenge);
    EXPECT_TRUE(d.verified());
}

TEST(PaceReaderTest, CamReadsCardSecurityAfterSelectMfWhereTheCardAllowsIt) {
    emulator::CardProfile card = profile("pace-cam-p256");
    card.selectMfStatus.reset();
    reader::Document d = readAndInterpret(card, canOf(loadPersona("pace-cam-p256")));
    EXPECT_EQ(d.readout.efCardSecurity, masterFile(card, FidCardSecurity)->data);
    EXPECT_TRUE(d.readout.chipAuthenticationMapping->passed());
    EXPECT_TRUE(d.verified());
}

// A CAM chip has EF.CardSecurity (ICAO 9303-11 §9.2.1); one that hides it is what a copy of
// the files on another chip would do.
TEST(PaceReaderTest, CamCardWithoutCardSecurityIsAPossibleClone) {
    emulator::CardProfile card = profile("pace-cam-p256");
    std::erase_if(card.masterFiles, [](const auto& ef) { return ef.fid == FidCardSecurity; });
    reader::Document d = readAndInterpret(card, canOf(loadPersona("pace-cam-p256")));

    EXPECT_TRUE(d.readout.efCardSecurity.empty());
    EXPECT_EQ(d.readout.chipAuthenticationMapping->status, MappingStatus::Failed);
    EXPECT_EQ(d.readout.chipAuthenticationMapping->reason, MappingReason::NoCardSecurity);
    EXPECT_FALSE(d.cardSecurity.has_value());
    EXPECT_EQ(d.chipVerdict(), reader::ChipVerdict::PossibleClone);
    EXPECT_FALSE(d.verified());
}

// A file the card refuses proves nothing either way: Chip Authentication decides, after the
// application is selected again.
TEST(PaceReaderTest, RefusedCardSecurityLeavesTheChipToChipAuthentication) {
    emulator::CardProfile card = profile("pace-cam-p256");
    masterFile(card, FidCardSecurity)->access = emulator::FileAccess::Eac;
    reader::Document d = readAndInterpret(card, canOf(loadPersona("pace-cam-p256")));

    EXPECT_EQ(d.readout.chipAuthenticationMapping->status, MappingStatus::NotCheckable);
    EXPECT_EQ(d.readout.chipAuthenticationMapping->reason, MappingReason::CardSecurityUnreadable);
    ASSERT_TRUE(d.readout.chipAuthentication.has_value());
    EXPECT_TRUE(d.readout.chipAuthentication->passed());
    EXPECT_EQ(d.chipVerdict(), reader::ChipVerdict::Genuine);
    EXPECT_TRUE(d.verified());
}

// ISO7816_G_39: EF.CardSecurity, validly signed, publishes another key than the chip's.
TEST(PaceReaderTest, CardSecurityWithAnotherKeyIsAPossibleClone) {
    crypto::EvpPkeyPtr otherKey = emulator::generateStandardizedKey(12);
    ResignedCamCard card = camCardWithCardSecurityKey(otherKey.get());
    reader::Document d =
        readAndInterpret(card.profile, canOf(loadPersona("pace-cam-p256")), card.trust);

    EXPECT_EQ(d.readout.chipAuthenticationMapping->status, MappingStatus::Failed);
    EXPECT_EQ(d.readout.chipAuthenticationMapping->reason, MappingReason::EquationFails);
    EXPECT_EQ(d.cardSecurity->verdict, verify::Verdict::Valid);
    EXPECT_EQ(d.chipVerdict(), reader::ChipVerdict::PossibleClone);
    EXPECT_FALSE(d.verified());
}

// ISO7816_G_40: EF.CardSecurity without ChipAuthenticationPublicKeyInfo.
TEST(PaceReaderTest, CardSecurityWithoutTheKeyIsAPossibleClone) {
    ResignedCamCard card = camCardWithCardSecurityKey(nullptr);
    reader::Document d =
        readAndInterpret(card.profile, canOf(loadPersona("pace-cam-p256")), card.trust);

    EXPECT_EQ(d.readout.chipAuthenticationMapping->status, MappingStatus::Failed);
    EXPECT_EQ(d.readout.chipAuthenticationMapping->reason, MappingReason::NoPublicKey);
    EXPECT_EQ(d.cardSecurity->verdict, verify::Verdict::Valid);
    EXPECT_EQ(d.chipVerdict(), reader::ChipVerdict::PossibleClone);
    EXPECT_FALSE(d.verified());
}

// The chip's own key, but in a file no trusted CSCA vouches for: the equation holds, yet the key
// is nobody's word, and Chip Authentication no longer runs to catch a chip with a made-up key.
TEST(PaceReaderTest, CardSecurityFromAnUnknownCscaProvesNothing) {
    emulator::CardProfile genuine = profile("pace-cam-p256");
    emulator::Persona persona = loadPersona("pace-cam-p256");
    lds::CardSecurity original =
        lds::CardSecurity::parse(masterFile(genuine, FidCardSecurity)->data);
    emulator::TestPki pki = emulator::TestPki::generate();
    auto signingTime =
        std::chrono::sys_seconds(std::chrono::sys_days(persona.dateOfIssue).time_since_epoch());
    masterFile(genuine, FidCardSecurity)->data =
        emulator::buildCardSecurity(original.securityInfos(), pki.documentSigner.get(),
                                    pki.documentSignerKey.get(), signingTime);

    reader::Document d = readAndInterpret(genuine, canOf(persona));
    EXPECT_TRUE(d.readout.chipAuthenticationMapping->passed());
    EXPECT_EQ(d.cardSecurity->verdict, verify::Verdict::ValidIssuerUnknown);
    EXPECT_EQ(d.passiveAuthentication.verdict, verify::Verdict::Valid);
    EXPECT_EQ(d.chipVerdict(), reader::ChipVerdict::NotChecked);
    EXPECT_FALSE(d.verified());
}

// A changed byte breaks EF.CardSecurity's signature: the key in it is no longer the issuer's.
TEST(PaceReaderTest, TamperedCardSecurityIsAPossibleClone) {
    emulator::CardProfile card = profile("pace-cam-p256");
    Bytes& file = masterFile(card, FidCardSecurity)->data;
    lds::CardSecurity parsed = lds::CardSecurity::parse(file);
    const Bytes& infos = parsed.securityInfos();
    auto at = std::search(file.begin(), file.end(), infos.begin(), infos.end());
    ASSERT_NE(at, file.end());
    // The last byte of the SecurityInfos: inside the CA public key, which still parses.
    *(at + static_cast<long>(infos.size()) - 1) ^= 0x01;

    reader::Document d = readAndInterpret(card, canOf(loadPersona("pace-cam-p256")));
    EXPECT_EQ(d.cardSecurity->verdict, verify::Verdict::Invalid);
    EXPECT_EQ(d.chipVerdict(), reader::ChipVerdict::PossibleClone);
    EXPECT_FALSE(d.verified());
}

namespace {

// A card of the vn-basic persona, built in process with its own PKI, whose PACE options are
// given; no Active Authentication (saves an RSA key).
struct BuiltCard {
    emulator::CardProfile profile;
    verify::TrustStore trust;
    reader::AccessKey key;
};

BuiltCard buildCard(
    std::vector<emulator::PaceOption> pace,
    std::optional<emulator::ChipAuthenticationOption> ca = emulator::ChipAuthenticationOption{}) {
    emulator::Persona persona = loadPersona("vn-basic");
    persona.features.pace = std::move(pace);
    persona.features.chipAuthentication = std::move(ca);
    persona.features.activeAuthentication.reset();
    emulator::TestPki pki = emulator::TestPki::generate();
    BuiltCard out{emulator::buildPersonaProfile(persona, pki), {}, canOf(persona)};
    out.trust.addPem(pki.cscaPem());
    return out;
}

struct TappedRead {
    reader::Document document;
    std::optional<std::uint64_t> parameterReference; ///< DO 84 of MSE:Set AT
};

TappedRead readTapped(const BuiltCard& card) {
    emulator::EmulatorChannel channel = onReader(card.profile);
    PlainCommandTap tap(channel);
    reader::CardReadout readout = reader::readCard(tap, card.key, options());
    return {reader::interpret(std::move(readout), card.trust), tap.paceParameterReference()};
}

const char* const IdPaceEcdhGmAes128 = "0.4.0.127.0.7.2.2.4.2.2";
const char* const IdPaceEcdhImAes128 = "0.4.0.127.0.7.2.2.4.4.2";
const char* const IdPaceEcdhCamAes128 = "0.4.0.127.0.7.2.2.4.6.2";
const char* const IdPaceDhGmAes128 = "0.4.0.127.0.7.2.2.4.1.2";
constexpr std::uint64_t Rfc5114Modp1024 = 0;
constexpr std::uint64_t Secp256r1 = 12;
constexpr std::uint64_t Proprietary = 32;

} // namespace

// ISO7816_G_07, one PACEInfo naming proprietary parameters, one PACEDomainParameterInfo with
// the curve written out: PACE runs on it and MSE:Set AT names the proprietary ID.
TEST(PaceReaderTest, ExplicitDomainParametersOfOnePaceInfoOpenTheCard) {
    BuiltCard card = buildCard({{IdPaceEcdhGmAes128, Secp256r1, Proprietary}});
    lds::SecurityInfos offered = cardAccessOf(card.profile);
    ASSERT_EQ(offered.paceInfos.size(), 1u);
    ASSERT_EQ(offered.paceDomainParameterInfos.size(), 1u);
    EXPECT_EQ(offered.paceInfos[0].parameterId, Proprietary);

    TappedRead read = readTapped(card);
    const reader::Document& d = read.document;
    EXPECT_EQ(d.readout.access.protocol, "PACE");
    EXPECT_EQ(d.readout.access.paceProtocol, IdPaceEcdhGmAes128);
    EXPECT_EQ(d.readout.access.paceParameterId, Proprietary);
    EXPECT_TRUE(d.readout.access.paceExplicitDomainParameters);
    EXPECT_EQ(read.parameterReference, Proprietary);
    EXPECT_EQ(d.chipVerdict(), reader::ChipVerdict::Genuine);
    EXPECT_TRUE(d.verified());
}

// The same for a MODP group: dhpublicnumber with p, g and q written out (§9.5.2).
TEST(PaceReaderTest, ExplicitDhGroupOpensTheCard) {
    BuiltCard card = buildCard({{IdPaceDhGmAes128, Rfc5114Modp1024, Proprietary + 1}});
    TappedRead read = readTapped(card);
    const reader::Document& d = read.document;
    EXPECT_EQ(d.readout.access.paceProtocol, IdPaceDhGmAes128);
    EXPECT_EQ(d.readout.access.paceParameterId, Proprietary + 1);
    EXPECT_TRUE(d.readout.access.paceExplicitDomainParameters);
    EXPECT_EQ(read.parameterReference, Proprietary + 1);
    EXPECT_TRUE(d.verified());
}

// Two PACEInfos (GM and IM) naming the same proprietary parameters, one PACEDomainParameterInfo.
TEST(PaceReaderTest, TwoPaceInfosShareOneDomainParameterInfo) {
    BuiltCard card = buildCard({{IdPaceEcdhGmAes128, Secp256r1, Proprietary},
                                {IdPaceEcdhImAes128, Secp256r1, Proprietary}});
    lds::SecurityInfos offered = cardAccessOf(card.profile);
    ASSERT_EQ(offered.paceInfos.size(), 2u);
    ASSERT_EQ(offered.paceDomainParameterInfos.size(), 1u);

    TappedRead read = readTapped(card);
    const reader::Document& d = read.document;
    EXPECT_EQ(d.readout.access.paceProtocol, IdPaceEcdhGmAes128);
    EXPECT_EQ(d.readout.access.paceParameterId, Proprietary);
    EXPECT_TRUE(d.readout.access.paceExplicitDomainParameters);
    EXPECT_EQ(read.parameterReference, Proprietary);
    EXPECT_TRUE(d.verified());
}

// PACE-CAM on explicit parameters: the chip-key check runs on the same explicit curve, and the
// key is the one whose keyId is the proprietary parameter ID.
TEST(PaceReaderTest, CamOnExplicitDomainParametersProvesTheChip) {
    emulator::ChipAuthenticationOption ca;
    ca.parameterId = Secp256r1;
    ca.keyId = Proprietary;
    ca.explicitParameters = false;
    BuiltCard card = buildCard({{IdPaceEcdhCamAes128, Secp256r1, Proprietary}}, ca);

    TappedRead read = readTapped(card);
    const reader::Document& d = read.document;
    EXPECT_TRUE(d.readout.access.paceExplicitDomainParameters);
    ASSERT_TRUE(d.readout.chipAuthenticationMapping.has_value());
    EXPECT_TRUE(d.readout.chipAuthenticationMapping->passed());
    EXPECT_EQ(d.readout.chipAuthenticationMapping->keyId, Proprietary);
    EXPECT_EQ(d.chipVerdict(), reader::ChipVerdict::Genuine);
    EXPECT_TRUE(d.verified());
}

// A PACEInfo naming proprietary parameters that EF.CardAccess does not carry is not usable.
TEST(PaceReaderTest, ProprietaryIdWithoutDomainParameterInfoIsNotUsable) {
    lds::SecurityInfos infos;
    lds::PaceInfo info;
    info.protocol = IdPaceEcdhGmAes128;
    info.parameterId = Proprietary;
    infos.paceInfos.push_back(info);
    EXPECT_FALSE(reader::choosePaceInfo(infos).has_value());

    lds::PaceDomainParameterInfo other;
    other.parameterId = Proprietary + 1;
    infos.paceDomainParameterInfos.push_back(other);
    EXPECT_FALSE(reader::choosePaceInfo(infos).has_value());

    infos.paceDomainParameterInfos.back().parameterId = Proprietary;
    EXPECT_TRUE(reader::choosePaceInfo(infos).has_value());

    infos.paceDomainParameterInfos.back().keyAgreement = lds::KeyAgreement::Dh;
    EXPECT_FALSE(reader::choosePaceInfo(infos).has_value()) << "a DH group for ECDH PACE";
}

// A PACE-only card read with BacOnly: the card answers GET CHALLENGE with 6D00, which no key can
// change.
TEST(PaceReaderTest, BacOnlyOnACardWithoutBacIsNotSupported) {
    emulator::CardProfile card = profile("pace-only");
    ASSERT_FALSE(card.bac);
    emulator::EmulatorChannel channel = onReader(card);
    reader::ReadOptions o = options();
    o.accessPolicy = reader::AccessPolicy::BacOnly;
    Error e = errorOf([&] { (void)reader::readCard(channel, accessKey("pace-only"), o); });
    EXPECT_EQ(e.code(), ErrorCode::NotSupported);
    EXPECT_EQ(e.statusWord(), 0x6D00);
    EXPECT_NE(std::string(e.what()).find("the card offers no BAC"), std::string::npos);
}
