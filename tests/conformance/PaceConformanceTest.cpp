// The PACE reader cases of BSI TR-03105-5.1 ISO7816_G (ICAO TR P4 ISO7816_C), conformance.md
// §2.4, against the emulated card. The card is the CFG.DFLT.PACE of conformance.md §1.6 made
// from the persona vn-basic: the application refuses SELECT until PACE has succeeded, as the
// lower tester does, and BAC is off, so a reader that fails PACE cannot fall back; EF.CardAccess
// with one PACEInfo id-PACE-ECDH-GM-3DES-CBC-CBC on brainpoolP256r1 (ID 13), DG14 with the same
// infos. The chip's misbehaviour comes from EmulatedCard::faults().pace
// (drivers/emulator/card/PaceFaults.h).
// Each ✘ case checks the verdict and the typed error the reader stopped with; docs/conformance.md
// lists the cases and their interpretation.

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ConformanceCard.h"
#include "crypto/Oid.h"
#include "emulator/card/PaceFaults.h"
#include "emulator/profilegen/Keys.h"
#include "emulator/profilegen/SecurityInfos.h"
#include "emulator/profilegen/SodBuilder.h"
#include "tlv/Tlv.h"

using namespace cccd;
using namespace cccd::conformance;
using emulator::PaceFaults;
using emulator::PaceOption;
using emulator::PaceStep;

namespace {

using AnswerChange = PaceFaults::AnswerChange;
using KeyChange = PaceFaults::PublicKeyChange;
using CamChange = PaceFaults::ChipAuthenticationDataChange;

constexpr std::uint16_t FidCardAccess = 0x011C;
constexpr std::uint16_t FidCardSecurity = 0x011D; // under the MF
constexpr std::uint16_t FidDg14 = 0x010E;
constexpr std::uint32_t SetTag = 0x31;
constexpr std::uint32_t Dg14Tag = 0x6E;
constexpr std::uint16_t WrongData = 0x6A80; // ISO/IEC 7816-4 §5.6: incorrect parameters

// id-PACE (ICAO 9303-11 §9.2.1): 0.4.0.127.0.7.2.2.4.<mapping>.<cipher>. Mapping 1 DH-GM,
// 2 ECDH-GM, 3 DH-IM, 4 ECDH-IM, 6 ECDH-CAM; cipher 1 3DES, 2-4 AES-128/192/256.
constexpr const char* IdPace = "0.4.0.127.0.7.2.2.4";

enum Mapping { DhGm = 1, EcdhGm = 2, DhIm = 3, EcdhIm = 4, EcdhCam = 6 };

enum Cipher { TripleDes = 1, Aes128 = 2, Aes192 = 3, Aes256 = 4 };

std::string paceOid(Mapping mapping, Cipher cipher) {
    return std::string(IdPace) + "." + std::to_string(mapping) + "." + std::to_string(cipher);
}

// §9.5.1: the standardized domain parameters the emulator serves.
const std::vector<std::uint64_t> DhParameterIds{0, 1, 2};
const std::vector<std::uint64_t> EcParameterIds{8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
constexpr std::uint64_t Secp224r1 = 10; // p = 1 mod 4: no Integrated Mapping on either side
constexpr std::uint64_t Secp256r1 = 12;
constexpr std::uint64_t BrainpoolP256r1 = 13;
constexpr std::uint64_t Modp1024 = 0;
constexpr std::uint64_t Modp2048 = 2;

const PaceOption DefaultPace{paceOid(EcdhGm, TripleDes), BrainpoolP256r1};

// A SecurityInfo whose protocol OID is under id-PACE (PACEInfo, PACEDomainParameterInfo).
bool isPaceInfo(const tlv::Tlv& info) {
    std::string protocol = crypto::decodeOid(tlv::children(info).at(0).value);
    return protocol.rfind(std::string(IdPace) + ".", 0) == 0;
}

// The SecurityInfos of a DER SET that are (or are not) PACE infos, concatenated.
Bytes securityInfos(ByteView set, bool pace) {
    Bytes out;
    for (const tlv::Tlv& info : tlv::children(tlv::parse(set, SetTag))) {
        if (isPaceInfo(info) == pace) {
            append(out, info.encoded);
        }
    }
    return out;
}

// The card offering `options`: the card's PACE, EF.CardAccess, DG14 (the PACEInfos of
// EF.CardAccess with the keys of DG14), re-signed, and EF.CardSecurity when the card has one
// (the SecurityInfos of DG14, which has no ActiveAuthenticationInfo for vn-basic's RSA key).
void offer(ConformanceCard& card, const std::vector<PaceOption>& options) {
    card.card.features.pace = options;
    card.profile().pace = options;
    Bytes cardAccess = emulator::buildCardAccess(card.card.features);
    card.masterFile(FidCardAccess)->data = cardAccess;

    Bytes& dg14 = card.applicationFile(FidDg14);
    Bytes infos = securityInfos(tlv::children(tlv::parse(dg14, Dg14Tag)).at(0).encoded, false);
    append(infos, securityInfos(cardAccess, true));
    dg14 = tlv::encode(Dg14Tag, tlv::encode(SetTag, infos));
    card.resign();

    if (emulator::ElementaryFile* cardSecurity = card.masterFile(FidCardSecurity)) {
        std::chrono::sys_seconds signingTime(
            std::chrono::sys_days(card.persona.dateOfIssue).time_since_epoch());
        cardSecurity->data =
            emulator::buildCardSecurity(tlv::encode(SetTag, infos), testPki().documentSigner.get(),
                                        testPki().documentSignerKey.get(), signingTime);
    }
}

void pacePersona(emulator::Persona& persona, const std::vector<PaceOption>& options) {
    persona.features.bac = false;
    persona.features.pace = options;
}

// The 5.1 lower tester refuses SELECT of the application until PACE has run (§5.7).
ConformanceCard lockedUntilPace(ConformanceCard card) {
    card.profile().applicationAfterPace = true;
    return card;
}

// CFG.DFLT.PACE, built once; tests take copies.
const ConformanceCard& defaultCard() {
    static const ConformanceCard card = lockedUntilPace(
        buildCard("vn-basic", [](emulator::Persona& p) { pacePersona(p, {DefaultPace}); }));
    return card;
}

ConformanceCard cardOffering(const std::vector<PaceOption>& options) {
    ConformanceCard card = defaultCard();
    offer(card, options);
    return card;
}

// PACE-CAM needs the Chip Authentication key on the PACE domain parameters (and
// EF.CardSecurity): a card of its own per curve, id-PACE-ECDH-CAM-AES-CBC-CMAC-128.
ConformanceCard camCard(std::uint64_t parameterId) {
    return lockedUntilPace(buildCard("vn-basic", [&](emulator::Persona& p) {
        pacePersona(p, {{paceOid(EcdhCam, Aes128), parameterId}});
        p.features.chipAuthentication->parameterId = parameterId;
    }));
}

// id-PACE-ECDH-CAM-AES-CBC-CMAC-128 on brainpoolP256r1, built once.
const ConformanceCard& defaultCamCard() {
    static const ConformanceCard card = camCard(BrainpoolP256r1);
    return card;
}

// The inspection of `card` with the chip misbehaving as `faults` says.
Inspection inspectFaulty(const ConformanceCard& card, const PaceFaults& faults,
                         const std::function<void(reader::AccessKey&)>& changeKey = {}) {
    std::shared_ptr<emulator::EmulatedCard> chip = insert(card.card.profile);
    chip->faults().pace = faults;
    reader::AccessKey key = card.accessKey();
    if (changeKey) {
        changeKey(key);
    }
    return inspect(chip, key);
}

Inspection inspectCard(const ConformanceCard& card) {
    return inspectFaulty(card, {});
}

// ✔: the inspection is successful and went through PACE with the option given.
void expectSuccessful(const Inspection& result, const PaceOption& option) {
    EXPECT_EQ(result.verdict(), Verdict::Successful) << result.explain();
    if (result.document) {
        const reader::AccessOutcome& access = result.document->readout.access;
        EXPECT_EQ(access.protocol, "PACE");
        EXPECT_EQ(access.paceProtocol, option.protocol);
        EXPECT_EQ(access.paceParameterId, option.parameterId);
    }
}

// ✘: the inspection failed because the reader stopped with `code` (and `statusWord`, if set).
void expectFailed(const Inspection& result, ErrorCode code, std::uint16_t statusWord = 0) {
    EXPECT_EQ(result.verdict(), Verdict::Failed) << result.explain();
    ASSERT_TRUE(result.error) << result.explain();
    EXPECT_EQ(result.error->code(), code) << result.explain();
    if (statusWord != 0) {
        EXPECT_EQ(result.error->statusWord(), statusWord) << result.explain();
    }
}

// ✔ for every cipher with `mapping` on each of `parameterIds`.
void expectSweepSuccessful(Mapping mapping, const std::vector<std::uint64_t>& parameterIds) {
    ConformanceCard card = defaultCard();
    for (std::uint64_t id : parameterIds) {
        for (Cipher cipher : {TripleDes, Aes128, Aes192, Aes256}) {
            PaceOption option{paceOid(mapping, cipher), id};
            SCOPED_TRACE(option.protocol + " on parameter ID " + std::to_string(id));
            offer(card, {option});
            expectSuccessful(inspectCard(card), option);
        }
    }
}

PaceFaults stepStatus(PaceStep step, std::uint16_t sw = WrongData) {
    PaceFaults faults;
    faults.stepStatus = PaceFaults::StepStatus{step, sw};
    return faults;
}

PaceFaults answer(PaceStep step, AnswerChange change) {
    PaceFaults faults;
    faults.answer = PaceFaults::AnswerFault{step, change};
    return faults;
}

PaceFaults publicKey(PaceStep step, KeyChange change) {
    PaceFaults faults;
    faults.publicKey = PaceFaults::PublicKeyFault{step, change};
    return faults;
}

PaceFaults chipAuthenticationData(CamChange change) {
    PaceFaults faults;
    faults.chipAuthenticationData = change;
    return faults;
}

} // namespace

// P4 ISO7816_C_01: the default card, with the CAN and with the MRZ.
TEST(PaceConformance, ISO7816_G_01_DefaultCardAccess) {
    Inspection can = inspectFaulty(defaultCard(), {});
    expectSuccessful(can, DefaultPace);
    ASSERT_TRUE(can.document);
    EXPECT_EQ(can.document->readout.access.password, "CAN");

    Inspection mrz =
        inspectFaulty(defaultCard(), {}, [](reader::AccessKey& key) { key.can = SecureBytes(); });
    expectSuccessful(mrz, DefaultPace);
    ASSERT_TRUE(mrz.document);
    EXPECT_EQ(mrz.document->readout.access.password, "MRZ");
}

// P4 ISO7816_C_02: Generic Mapping on every standardized domain parameter ID, with each cipher.
TEST(PaceConformance, ISO7816_G_02_GenericMappingParameterSweep) {
    expectSweepSuccessful(DhGm, DhParameterIds);
    expectSweepSuccessful(EcdhGm, EcParameterIds);
}

// P4 ISO7816_C_03: Integrated Mapping on every standardized domain parameter ID, with each
// cipher, except secp224r1, whose p = 1 mod 4 the point encoding of ICAO 9303-11 Appendix B as
// implemented here (and in the emulator) does not serve: this reader does not claim IM there.
TEST(PaceConformance, ISO7816_G_03_IntegratedMappingParameterSweep) {
    expectSweepSuccessful(DhIm, DhParameterIds);
    std::vector<std::uint64_t> curves = EcParameterIds;
    std::erase(curves, Secp224r1);
    expectSweepSuccessful(EcdhIm, curves);
}

// P4 ISO7816_C_04: every PACE protocol OID of Generic and Integrated Mapping (DH and ECDH with
// 3DES, AES-128/192/256) on the CCCD's brainpoolP256r1 and on MODP-2048-256; CAM's OIDs in G_41.
TEST(PaceConformance, ISO7816_G_04_AlgorithmSweep) {
    for (Mapping mapping : {DhGm, EcdhGm, DhIm, EcdhIm}) {
        bool dh = mapping == DhGm || mapping == DhIm;
        expectSweepSuccessful(mapping, {dh ? Modp2048 : BrainpoolP256r1});
    }
}

// P4 ISO7816_C_05: EF.CardAccess carries, next to the PACEInfo and the TA and CA infos, a
// SecurityInfo of an unknown protocol, an ActiveAuthenticationInfo and a PACEInfo of an
// unknown cipher (arc 9): the reader ignores them.
TEST(PaceConformance, ISO7816_G_05_AdditionalSecurityInfos) {
    ConformanceCard card = defaultCard();
    Bytes& cardAccess = card.masterFile(FidCardAccess)->data;
    Bytes infos(tlv::parse(cardAccess, SetTag).value.begin(),
                tlv::parse(cardAccess, SetTag).value.end());
    auto securityInfo = [](const std::string& oid, ByteView rest) {
        Bytes body = crypto::encodeOidObject(oid);
        append(body, rest);
        return tlv::encode(0x30, body);
    };
    append(infos, securityInfo("1.3.6.1.4.1.55555.1.2", tlv::encodeInteger(1)));
    Bytes aa = tlv::encodeInteger(1);
    append(aa, crypto::encodeOidObject("1.2.840.10045.4.3.2")); // ecdsa-with-SHA256
    append(infos, securityInfo("2.23.136.1.1.5", aa));          // ICAO 9303-11 §9.2.8: id-AA
    Bytes unknownCipher = tlv::encodeInteger(2);
    append(unknownCipher, tlv::encodeInteger(BrainpoolP256r1));
    append(infos, securityInfo(std::string(IdPace) + ".2.9", unknownCipher));
    cardAccess = tlv::encode(SetTag, infos);

    expectSuccessful(inspectCard(card), DefaultPace);
}

// P4 ISO7816_C_06: several algorithms and parameter sets. EF.CardAccess lists GM AES-128 on
// secp256r1 first, then on brainpoolP256r1, DH and IM options; the card takes the first option
// with the OID when MSE:Set AT names no parameter ID, which is the brainpoolP256r1 one: only a
// reader that sends DO 84 with the parameter ID of the PACEInfo it chose gets through.
TEST(PaceConformance, ISO7816_G_06_SeveralParameterSets) {
    PaceOption chosen{paceOid(EcdhGm, Aes128), Secp256r1};
    std::vector<PaceOption> listed{chosen,
                                   {paceOid(EcdhGm, Aes128), BrainpoolP256r1},
                                   {paceOid(DhGm, Aes128), 2},
                                   {paceOid(EcdhIm, Aes256), BrainpoolP256r1}};
    ConformanceCard card = cardOffering(listed);
    std::swap(card.profile().pace[0], card.profile().pace[1]);

    expectSuccessful(inspectCard(card), chosen);
}

// P4 ISO7816_C_07: two PACEInfos and a PACEDomainParameterInfo with explicit parameters under
// the proprietary ID 32 (ICAO 9303-11 §9.2.1): the reader names that ID in MSE:Set AT DO 84.
TEST(PaceConformance, ISO7816_G_07_TwoPaceInfosWithExplicitDomainParameters) {
    PaceOption gm{paceOid(EcdhGm, Aes128), BrainpoolP256r1, emulator::FirstProprietaryParameterId};
    PaceOption im{paceOid(EcdhIm, Aes128), BrainpoolP256r1, emulator::FirstProprietaryParameterId};
    Inspection result = inspectCard(cardOffering({gm, im}));
    EXPECT_EQ(result.verdict(), Verdict::Successful) << result.explain();
    ASSERT_TRUE(result.document) << result.explain();
    const reader::AccessOutcome& access = result.document->readout.access;
    EXPECT_EQ(access.protocol, "PACE");
    EXPECT_EQ(access.paceParameterId, emulator::FirstProprietaryParameterId);
    EXPECT_TRUE(access.paceExplicitDomainParameters);
}

// P4 ISO7816_C_08: MSE:Set AT refused.
TEST(PaceConformance, ISO7816_G_08_SetAuthenticationTemplateError) {
    PaceFaults faults;
    faults.setAuthenticationTemplateStatus = WrongData;
    expectFailed(inspectFaulty(defaultCard(), faults), ErrorCode::CardStatus, WrongData);
}

// P4 ISO7816_C_09: the encrypted nonce the chip sends is not the one it maps (z changed after
// encryption): the terminal's token cannot verify and the chip refuses it with 6300.
TEST(PaceConformance, ISO7816_G_09_EncryptedNonceChanged) {
    PaceFaults faults;
    faults.changeEncryptedNonce = true;
    expectFailed(inspectFaulty(defaultCard(), faults), ErrorCode::AccessDenied, 0x6300);
}

// P4 ISO7816_C_10.
TEST(PaceConformance, ISO7816_G_10_EncryptedNonceError) {
    expectFailed(inspectFaulty(defaultCard(), stepStatus(PaceStep::EncryptedNonce)),
                 ErrorCode::CardStatus, WrongData);
}

// P4 ISO7816_C_11: 90 instead of 80.
TEST(PaceConformance, ISO7816_G_11_EncryptedNonceWrongTag) {
    expectFailed(
        inspectFaulty(defaultCard(), answer(PaceStep::EncryptedNonce, AnswerChange::WrongTag)),
        ErrorCode::MalformedData);
}

// P4 ISO7816_C_12.
TEST(PaceConformance, ISO7816_G_12_MapNonceError) {
    expectFailed(inspectFaulty(defaultCard(), stepStatus(PaceStep::MapNonce)),
                 ErrorCode::CardStatus, WrongData);
}

// P4 ISO7816_C_13: 92 instead of 82.
TEST(PaceConformance, ISO7816_G_13_MapNonceWrongTag) {
    expectFailed(inspectFaulty(defaultCard(), answer(PaceStep::MapNonce, AnswerChange::WrongTag)),
                 ErrorCode::MalformedData);
}

// P4 ISO7816_C_14: with Generic Mapping, the chip answers step 2 with 9000 but no mapping key
// (an empty 7C), or a 7C cut short.
TEST(PaceConformance, ISO7816_G_14_GenericMappingAnswerError) {
    expectFailed(inspectFaulty(defaultCard(), answer(PaceStep::MapNonce, AnswerChange::Empty)),
                 ErrorCode::MalformedData);
    expectFailed(inspectFaulty(defaultCard(), answer(PaceStep::MapNonce, AnswerChange::Truncated)),
                 ErrorCode::MalformedData);
}

// P4 ISO7816_C_15: with Integrated Mapping (whose step 2 answer carries no data), an error
// status word, or a 7C cut short.
TEST(PaceConformance, ISO7816_G_15_IntegratedMappingAnswerError) {
    ConformanceCard card = cardOffering({{paceOid(EcdhIm, TripleDes), BrainpoolP256r1}});
    expectFailed(inspectFaulty(card, stepStatus(PaceStep::MapNonce)), ErrorCode::CardStatus,
                 WrongData);
    expectFailed(inspectFaulty(card, answer(PaceStep::MapNonce, AnswerChange::Truncated)),
                 ErrorCode::MalformedData);
}

// P4 ISO7816_C_16: the chip's ECDH mapping key with x, then y, changed (off the curve), and x
// replaced by p (outside the field).
TEST(PaceConformance, ISO7816_G_16_ChipMappingKeyInvalid) {
    for (KeyChange change : {KeyChange::XPlusOne, KeyChange::YPlusOne, KeyChange::XIsPrime}) {
        SCOPED_TRACE(static_cast<int>(change));
        expectFailed(inspectFaulty(defaultCard(), publicKey(PaceStep::MapNonce, change)),
                     ErrorCode::MalformedData);
    }
}

// P4 ISO7816_C_17: the chip's DH mapping key 0, 1, p - 1 and p (MODP-1024-160).
TEST(PaceConformance, ISO7816_G_17_ChipDhMappingKeyInvalid) {
    ConformanceCard card = cardOffering({{paceOid(DhGm, TripleDes), Modp1024}});
    for (KeyChange change :
         {KeyChange::Zero, KeyChange::One, KeyChange::PrimeMinusOne, KeyChange::Prime}) {
        SCOPED_TRACE(static_cast<int>(change));
        expectFailed(inspectFaulty(card, publicKey(PaceStep::MapNonce, change)),
                     ErrorCode::MalformedData);
    }
}

// P4 ISO7816_C_18.
TEST(PaceConformance, ISO7816_G_18_KeyAgreementError) {
    expectFailed(inspectFaulty(defaultCard(), stepStatus(PaceStep::KeyAgreement)),
                 ErrorCode::CardStatus, WrongData);
}

// P4 ISO7816_C_19: 94 instead of 84.
TEST(PaceConformance, ISO7816_G_19_KeyAgreementWrongTag) {
    expectFailed(
        inspectFaulty(defaultCard(), answer(PaceStep::KeyAgreement, AnswerChange::WrongTag)),
        ErrorCode::MalformedData);
}

// P4 ISO7816_C_20: the chip answers step 3 with 9000 but no ephemeral key, or a 7C cut short.
TEST(PaceConformance, ISO7816_G_20_KeyAgreementAnswerError) {
    expectFailed(inspectFaulty(defaultCard(), answer(PaceStep::KeyAgreement, AnswerChange::Empty)),
                 ErrorCode::MalformedData);
    expectFailed(
        inspectFaulty(defaultCard(), answer(PaceStep::KeyAgreement, AnswerChange::Truncated)),
        ErrorCode::MalformedData);
}

// P4 ISO7816_C_21: the chip's ephemeral ECDH key with each coordinate changed.
TEST(PaceConformance, ISO7816_G_21_ChipEphemeralKeyInvalid) {
    for (KeyChange change : {KeyChange::XPlusOne, KeyChange::YPlusOne, KeyChange::XIsPrime}) {
        SCOPED_TRACE(static_cast<int>(change));
        expectFailed(inspectFaulty(defaultCard(), publicKey(PaceStep::KeyAgreement, change)),
                     ErrorCode::MalformedData);
    }
}

// P4 ISO7816_C_22: the chip's ephemeral DH key 0, 1, p - 1 and p.
TEST(PaceConformance, ISO7816_G_22_ChipDhEphemeralKeyInvalid) {
    ConformanceCard card = cardOffering({{paceOid(DhGm, TripleDes), Modp1024}});
    for (KeyChange change :
         {KeyChange::Zero, KeyChange::One, KeyChange::PrimeMinusOne, KeyChange::Prime}) {
        SCOPED_TRACE(static_cast<int>(change));
        expectFailed(inspectFaulty(card, publicKey(PaceStep::KeyAgreement, change)),
                     ErrorCode::MalformedData);
    }
}

// P4 ISO7816_C_23: the chip sends the terminal's own ephemeral key back (ICAO 9303-11 §4.4.1
// step 3: the terminal checks that PK_IC differs from PK_IFD), ECDH and DH.
TEST(PaceConformance, ISO7816_G_23_ChipEphemeralKeyEqualsTerminals) {
    PaceFaults echo = publicKey(PaceStep::KeyAgreement, KeyChange::TerminalKey);
    expectFailed(inspectFaulty(defaultCard(), echo), ErrorCode::MalformedData);
    ConformanceCard dh = cardOffering({{paceOid(DhGm, TripleDes), Modp1024}});
    expectFailed(inspectFaulty(dh, echo), ErrorCode::MalformedData);
}

// P4 ISO7816_C_24: an error status word at step 4 that does not say "wrong password".
TEST(PaceConformance, ISO7816_G_24_MutualAuthenticationError) {
    expectFailed(inspectFaulty(defaultCard(), stepStatus(PaceStep::MutualAuthentication)),
                 ErrorCode::CardStatus, WrongData);
}

// P4 ISO7816_C_25: 96 instead of 86.
TEST(PaceConformance, ISO7816_G_25_MutualAuthenticationWrongTag) {
    expectFailed(inspectFaulty(defaultCard(),
                               answer(PaceStep::MutualAuthentication, AnswerChange::WrongTag)),
                 ErrorCode::MalformedData);
}

// P4 ISO7816_C_26: the chip's token T_IC does not verify: the chip has not proved the password.
TEST(PaceConformance, ISO7816_G_26_WrongChipToken) {
    PaceFaults faults;
    faults.wrongToken = true;
    expectFailed(inspectFaulty(defaultCard(), faults), ErrorCode::AccessDenied);
}

// P4 ISO7816_C_27: EF.CardAccess is not valid DER (the SET announces one byte more than the
// file holds). The reader stops: falling back to BAC would let whoever garbled the file
// downgrade the session (AccessPolicyTest shows BAC when the caller's policy allows it).
TEST(PaceConformance, ISO7816_G_27_CardAccessEncodingError) {
    ConformanceCard card = defaultCard();
    card.masterFile(FidCardAccess)->data.pop_back();
    expectFailed(inspectCard(card), ErrorCode::MalformedData);
}

// P4 ISO7816_C_28: the PACEInfo names other domain parameters than the chip uses. With
// secp256r1 (12) instead of brainpoolP256r1 the reader's mapping key is not a point of the
// chip's curve, and the chip refuses it at step 2; with the RFU ID 7 the reader does not start.
TEST(PaceConformance, ISO7816_G_28_CardAccessWrongParameterId) {
    ConformanceCard other = defaultCard();
    other.card.features.pace = {{DefaultPace.protocol, Secp256r1}};
    other.masterFile(FidCardAccess)->data = emulator::buildCardAccess(other.card.features);
    expectFailed(inspectCard(other), ErrorCode::CardStatus, WrongData);

    ConformanceCard reserved = defaultCard();
    reserved.card.features.pace = {{DefaultPace.protocol, 7}};
    reserved.masterFile(FidCardAccess)->data = emulator::buildCardAccess(reserved.card.features);
    expectFailed(inspectCard(reserved), ErrorCode::NotSupported);
}

// P4 ISO7816_C_29: PACE-CAM without the chip authentication data 8A.
TEST(PaceConformance, ISO7816_G_29_CamWithoutChipAuthenticationData) {
    expectFailed(inspectFaulty(defaultCamCard(), chipAuthenticationData(CamChange::Omitted)),
                 ErrorCode::MalformedData);
}

// P4 ISO7816_C_30: A_IC wrapped in an ASN.1 OCTET STRING inside the 8A, so the 8A no longer
// holds whole AES blocks.
TEST(PaceConformance, ISO7816_G_30_CamDataNotAnOctetString) {
    expectFailed(inspectFaulty(defaultCamCard(), chipAuthenticationData(CamChange::OctetString)),
                 ErrorCode::MalformedData);
}

// P4 ISO7816_C_31: A_IC decrypts, with valid padding, to a CA_IC for which
// CA_IC * PK_IC != PK_map,IC (ICAO 9303-11 §4.4.3.5.2): the reader's check against the key of
// EF.CardSecurity fails, and the chip is a possible clone.
TEST(PaceConformance, ISO7816_G_31_CamDataDoesNotVerify) {
    Inspection result =
        inspectFaulty(defaultCamCard(), chipAuthenticationData(CamChange::WrongValue));
    EXPECT_EQ(result.verdict(), Verdict::Failed) << result.explain();
    ASSERT_TRUE(result.document) << result.explain();
    EXPECT_EQ(result.document->chipVerdict(), reader::ChipVerdict::PossibleClone);
    ASSERT_TRUE(result.document->readout.chipAuthenticationMapping);
    EXPECT_EQ(result.document->readout.chipAuthenticationMapping->reason,
              reader::ChipAuthenticationMappingReason::EquationFails);
}

// P4 ISO7816_C_32: 8B instead of 8A around a correct A_IC.
TEST(PaceConformance, ISO7816_G_32_CamDataWrongTag) {
    expectFailed(inspectFaulty(defaultCamCard(), chipAuthenticationData(CamChange::Tag8B)),
                 ErrorCode::MalformedData);
}

// P4 ISO7816_C_33: an 8A with no A_IC.
TEST(PaceConformance, ISO7816_G_33_CamDataEmpty) {
    expectFailed(inspectFaulty(defaultCamCard(), chipAuthenticationData(CamChange::Empty)),
                 ErrorCode::MalformedData);
}

// P4 ISO7816_C_34: PACE-CAM with Passive Authentication of EF.CardSecurity: its Chip
// Authentication key explains the chip's mapping key, so no Chip Authentication follows.
TEST(PaceConformance, ISO7816_G_34_CamWithPassiveAuthentication) {
    Inspection result = inspectCard(defaultCamCard());
    EXPECT_EQ(result.verdict(), Verdict::Successful) << result.explain();
    ASSERT_TRUE(result.document) << result.explain();
    const reader::Document& d = *result.document;
    ASSERT_TRUE(d.readout.chipAuthenticationMapping);
    EXPECT_TRUE(d.readout.chipAuthenticationMapping->passed());
    ASSERT_TRUE(d.cardSecurity);
    EXPECT_EQ(d.cardSecurity->verdict, verify::Verdict::Valid);
    EXPECT_EQ(d.chipVerdict(), reader::ChipVerdict::Genuine);
    EXPECT_FALSE(d.readout.chipAuthentication) << "CAM proved the chip already";
}

// P4 ISO7816_C_35: a Generic Mapping run where the chip adds an 8A after its token.
TEST(PaceConformance, ISO7816_G_35_GenericMappingWithExtraChipAuthenticationData) {
    expectSuccessful(inspectFaulty(defaultCard(), chipAuthenticationData(CamChange::Added)),
                     DefaultPace);
}

// 5.1 only (§5.7.36, CFG.PACE.ISO7816.G36): EF.CardAccess lists first a PACEInfo with the
// non-existent "id-PACE-DH-CAM-AES128-CBC-CBC" (here 0.4.0.127.0.7.2.2.4.5.2: arc 5 is the one
// DH-CAM would take next to ECDH-CAM's 6), then id-PACE-ECDH-GM-3DES-CBC-CBC. The reader must
// ignore the first and finish PACE with the second, without CAM.
TEST(PaceConformance, ISO7816_G_36_BogusCamOidIgnored) {
    ConformanceCard card = defaultCard();
    card.card.features.pace = {{std::string(IdPace) + ".5.2", BrainpoolP256r1}, DefaultPace};
    card.masterFile(FidCardAccess)->data = emulator::buildCardAccess(card.card.features);

    expectSuccessful(inspectCard(card), DefaultPace);
}

// P4 ISO7816_C_36: PACE-CAM, and DG14 (hashed and signed) holds an empty SET: a DG14 that
// announces nothing does not parse, and the document is not verified.
TEST(PaceConformance, ISO7816_G_38_CamWithDg14WithoutSecurityInfos) {
    ConformanceCard card = defaultCamCard();
    card.replaceDataGroup(14, tlv::encode(Dg14Tag, tlv::encode(SetTag, Bytes{})));
    Inspection result = inspectCard(card);
    EXPECT_EQ(result.verdict(), Verdict::Failed) << result.explain();
    ASSERT_TRUE(result.document) << result.explain();
    ASSERT_EQ(result.document->parseIssues.size(), 1u) << result.explain();
    EXPECT_EQ(result.document->parseIssues[0].file, "DG14");
}

namespace {

// EF.CardSecurity signed by the Document Signer over `infos`.
void replaceCardSecurity(ConformanceCard& card, ByteView infos) {
    std::chrono::sys_seconds signingTime(
        std::chrono::sys_days(card.persona.dateOfIssue).time_since_epoch());
    card.masterFile(FidCardSecurity)->data = emulator::buildCardSecurity(
        infos, testPki().documentSigner.get(), testPki().documentSignerKey.get(), signingTime);
}

void expectCamFailure(const Inspection& result, reader::ChipAuthenticationMappingReason reason) {
    EXPECT_EQ(result.verdict(), Verdict::Failed) << result.explain();
    ASSERT_TRUE(result.document) << result.explain();
    const reader::Document& d = *result.document;
    ASSERT_TRUE(d.cardSecurity);
    EXPECT_EQ(d.cardSecurity->verdict, verify::Verdict::Valid) << "validly signed, yet";
    EXPECT_EQ(d.chipVerdict(), reader::ChipVerdict::PossibleClone);
    ASSERT_TRUE(d.readout.chipAuthenticationMapping);
    EXPECT_EQ(d.readout.chipAuthenticationMapping->reason, reason);
}

} // namespace

// P4 ISO7816_C_37: EF.CardSecurity, validly signed, publishes another Chip Authentication key
// than the chip's: the CAM equation fails.
TEST(PaceConformance, ISO7816_G_39_CardSecurityWithWrongKey) {
    ConformanceCard card = defaultCamCard();
    crypto::EvpPkeyPtr other = emulator::generateStandardizedKey(BrainpoolP256r1);
    replaceCardSecurity(card, emulator::cardSecurityInfos(card.card.features, other.get()));
    expectCamFailure(inspectCard(card), reader::ChipAuthenticationMappingReason::EquationFails);
}

// P4 ISO7816_C_38: EF.CardSecurity without ChipAuthenticationPublicKeyInfo.
TEST(PaceConformance, ISO7816_G_40_CardSecurityWithoutKey) {
    ConformanceCard card = defaultCamCard();
    replaceCardSecurity(card, emulator::cardSecurityInfos(card.card.features, nullptr));
    expectCamFailure(inspectCard(card), reader::ChipAuthenticationMappingReason::NoPublicKey);
}

// P4 ISO7816_C_39: PACE-CAM with each of its AES OIDs on every standardized curve.
TEST(PaceConformance, ISO7816_G_41_ChipAuthenticationMappingSweep) {
    for (std::uint64_t id : EcParameterIds) {
        ConformanceCard card = id == BrainpoolP256r1 ? defaultCamCard() : camCard(id);
        for (Cipher cipher : {Aes128, Aes192, Aes256}) {
            PaceOption option{paceOid(EcdhCam, cipher), id};
            SCOPED_TRACE(option.protocol + " on parameter ID " + std::to_string(id));
            offer(card, {option});
            expectSuccessful(inspectCard(card), option);
        }
    }
}

// Not a numbered case: EF.CardAccess names a PACEInfo that DG14, the signed copy of its infos
// (ICAO 9303-11 §9.2), does not list. PACE ran, but with parameters the issuer did not sign:
// someone changed EF.CardAccess, and the document is not verified.
TEST(PaceConformance, CardAccessNotMatchingDg14IsNotVerified) {
    ConformanceCard card = defaultCard();
    Bytes signedDg14 = card.applicationFile(FidDg14);
    PaceOption other{paceOid(EcdhGm, Aes128), BrainpoolP256r1};
    offer(card, {other});
    card.replaceDataGroup(14, signedDg14);
    Inspection result = inspectCard(card);
    EXPECT_EQ(result.verdict(), Verdict::Failed) << result.explain();
    ASSERT_TRUE(result.document) << result.explain();
    EXPECT_EQ(result.document->paceInfoCheck(), reader::PaceInfoCheck::Differs);
    EXPECT_EQ(result.document->passiveAuthentication.verdict, verify::Verdict::Valid);

    Inspection genuine = inspectCard(defaultCard());
    ASSERT_TRUE(genuine.document) << genuine.explain();
    EXPECT_EQ(genuine.document->paceInfoCheck(), reader::PaceInfoCheck::Signed);
}
