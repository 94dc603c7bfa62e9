// Chip Authentication and DG14 as BSI TR-03105-5.1 tests a reader: unit ISO7816_D (whose bodies
// moved to ICAO TR RF & Protocol Testing Part 4, unit ISO7816_G) and unit LDS_F, as
// ../shared/spec/conformance.md §2.5 lists them. Each test is named after the 5.1 ID, with the
// P4 ID beside it. The cards follow CFG.DFLT.EAC (§1.6): BAC, DG14 with
// TerminalAuthenticationInfo, id-CA-ECDH-3DES-CBC-CBC on a 224-bit curve (secp224r1) without
// keyId, no DG15; a faulty DG14 is changed, then EF.SOD re-hashed and re-signed, so that only the
// reader's own checks find it.
#include <algorithm>
#include <functional>
#include <span>

#include <gtest/gtest.h>

#include "ConformanceCard.h"
#include "crypto/KeyAgreementGroup.h"
#include "crypto/Oid.h"
#include "emulator/channel/EmulatorChannel.h"
#include "lds/Dg14.h"
#include "reader/Application.h"
#include "reader/ChipAccess.h"
#include "sm/SecureMessagingChannel.h"
#include "tlv/Tlv.h"
#include "verify/ChipAuthentication.h"

using namespace cccd;
using namespace cccd::conformance;

namespace {

using CaStatus = verify::ChipAuthenticationStatus;
using CaReason = verify::ChipAuthenticationReason;

// Protocols of ICAO 9303-11 §9.2.5 / BSI TR-03110-3 §A.1.1.
constexpr const char* IdCaDh3Des = "0.4.0.127.0.7.2.2.3.1.1";
constexpr const char* IdCaDhAes128 = "0.4.0.127.0.7.2.2.3.1.2";
constexpr const char* IdCaEcdh3Des = "0.4.0.127.0.7.2.2.3.2.1";
constexpr const char* IdCaEcdhAes128 = "0.4.0.127.0.7.2.2.3.2.2";
constexpr const char* IdCaEcdhAes192 = "0.4.0.127.0.7.2.2.3.2.3";
constexpr const char* IdCaEcdhAes256 = "0.4.0.127.0.7.2.2.3.2.4";
constexpr std::string_view IdCa = "0.4.0.127.0.7.2.2.3.";
constexpr std::string_view IdPk = "0.4.0.127.0.7.2.2.1.";

constexpr const char* IdEcPublicKey = "1.2.840.10045.2.1"; // RFC 5480 §2.1.1

// Standardized domain parameters, ICAO 9303-11 §9.5.1 Table 6.
constexpr std::uint64_t Modp1024 = 0;       // RFC 5114 §2.1, 1024-bit p, 160-bit q
constexpr std::uint64_t Modp2048 = 2;       // RFC 5114 §2.3, 2048-bit p, 256-bit q
constexpr std::uint64_t Secp224r1 = 10;     // CFG.DFLT.EAC's 224-bit curve
constexpr std::uint64_t BrainpoolP256 = 13; // the CCCD's
constexpr std::uint64_t Secp384r1 = 15;
constexpr std::uint64_t BrainpoolP512 = 17;

constexpr int Dg14Number = 14;

emulator::ChipAuthenticationOption caOption(const char* protocol, std::uint64_t parameterId,
                                            std::optional<std::uint64_t> keyId = std::nullopt) {
    emulator::ChipAuthenticationOption option;
    option.protocol = protocol;
    option.parameterId = parameterId;
    option.keyId = keyId;
    return option;
}

// CFG.DFLT.EAC on the Vietnamese persona (conformance.md §1.6).
ConformanceCard defaultEacCard(const std::function<void(emulator::Persona&)>& change = {}) {
    return buildCard("vn-basic", [&change](emulator::Persona& p) {
        p.cardAccess = false;
        p.features.pace.clear();
        p.features.chipAuthentication = caOption(IdCaEcdh3Des, Secp224r1);
        p.features.activeAuthentication.reset();
        if (change) {
            change(p);
        }
    });
}

const verify::ChipAuthenticationResult& chipAuthenticationOf(const Inspection& inspection) {
    static const verify::ChipAuthenticationResult none;
    if (!inspection.document || !inspection.document->readout.chipAuthentication) {
        ADD_FAILURE() << "Chip Authentication did not run: " << inspection.explain();
        return none;
    }
    return *inspection.document->readout.chipAuthentication;
}

// ✔ with the chip proven by Chip Authentication.
void expectSuccessfulChipAuthentication(const Inspection& inspection) {
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    EXPECT_EQ(inspection.document->chipVerdict(), reader::ChipVerdict::Genuine)
        << inspection.explain();
    EXPECT_EQ(chipAuthenticationOf(inspection).status, CaStatus::Passed) << inspection.explain();
}

// ✘ because of Chip Authentication alone: every file parses and Passive Authentication holds.
void expectFailedChipAuthentication(const Inspection& inspection, CaStatus status,
                                    CaReason reason) {
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.document) << inspection.explain();
    EXPECT_TRUE(inspection.document->parseIssues.empty()) << inspection.explain();
    EXPECT_EQ(inspection.document->passiveAuthentication.verdict, verify::Verdict::Valid)
        << inspection.explain();
    EXPECT_EQ(inspection.document->chipVerdict(), reader::ChipVerdict::PossibleClone)
        << inspection.explain();
    const verify::ChipAuthenticationResult& ca = chipAuthenticationOf(inspection);
    EXPECT_EQ(ca.status, status) << inspection.explain();
    EXPECT_EQ(ca.reason, reason) << inspection.explain();
}

bool hasDg14ParseIssue(const Inspection& inspection) {
    const auto& issues = inspection.document->parseIssues;
    return std::any_of(issues.begin(), issues.end(),
                       [](const reader::ParseIssue& i) { return i.file == "DG14"; });
}

// ✘ because DG14 does not parse, with Passive Authentication valid over the changed file.
void expectDg14ParseIssue(const Inspection& inspection) {
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.document) << inspection.explain();
    EXPECT_TRUE(hasDg14ParseIssue(inspection)) << inspection.explain();
    EXPECT_EQ(inspection.document->passiveAuthentication.verdict, verify::Verdict::Valid)
        << inspection.explain();
}

// --- DG14 surgery: an edit at a path of child indices, every enclosing object re-encoded. ---

using Edit = std::function<Bytes(ByteView encoded)>;

// Applies `edit` to the object at `path` below `encoded` (child indices, outermost first). An
// edit that returns nothing removes the object.
Bytes editAt(ByteView encoded, std::span<const std::size_t> path, const Edit& edit) {
    if (path.empty()) {
        return edit(encoded);
    }
    tlv::Tlv object = tlv::parse(encoded);
    std::vector<tlv::Tlv> children = tlv::children(object);
    Bytes contents;
    for (std::size_t i = 0; i < children.size(); ++i) {
        append(contents, i == path.front()
                             ? editAt(children[i].encoded, path.subspan(1), edit)
                             : Bytes(children[i].encoded.begin(), children[i].encoded.end()));
    }
    return tlv::encode(object.tag, contents);
}

// The index in DG14's SET of the first SecurityInfo whose protocol starts with `prefix`.
std::size_t securityInfoIndex(const Bytes& dg14, std::string_view prefix) {
    tlv::Tlv set = tlv::children(tlv::parse(dg14)).at(0);
    std::vector<tlv::Tlv> infos = tlv::children(set);
    for (std::size_t i = 0; i < infos.size(); ++i) {
        tlv::Tlv oid = tlv::children(infos[i]).at(0);
        if (crypto::decodeOid(oid.value).starts_with(prefix)) {
            return i;
        }
    }
    throw Error(ErrorCode::InvalidArgument, "DG14 has no such SecurityInfo");
}

Edit replacedBy(Bytes object) {
    return [object = std::move(object)](ByteView) { return object; };
}

Edit removed() {
    return [](ByteView) { return Bytes(); };
}

// Flips the last bit of the object's contents: the last byte of an EC point's y-coordinate, of a
// DH value, of a prime.
Edit lastBitFlipped() {
    return [](ByteView encoded) {
        Bytes out(encoded.begin(), encoded.end());
        out.back() ^= 0x01;
        return out;
    };
}

// DG14 with one SecurityInfo, the first of the protocol, edited at a path inside it (child
// indices; empty: the SecurityInfo itself); EF.SOD re-signed.
void editDg14(ConformanceCard& card, std::string_view protocolPrefix,
              const std::vector<std::size_t>& pathInInfo, const Edit& edit) {
    Bytes dg14 = card.applicationFile(0x0100 + Dg14Number);
    std::vector<std::size_t> path{0, securityInfoIndex(dg14, protocolPrefix)};
    path.insert(path.end(), pathInInfo.begin(), pathInInfo.end());
    card.replaceDataGroup(Dg14Number, editAt(dg14, std::span<const std::size_t>(path), edit));
}

// The outer length of DG14 changed by `delta`, written with as many length bytes as before.
Bytes withOuterLength(const Bytes& file, int delta) {
    Bytes out = file;
    std::size_t lengthBytes = (out.at(1) & 0x80) != 0 ? out[1] & 0x7F : 0;
    std::size_t length = lengthBytes == 0 ? out[1] : 0;
    for (std::size_t i = 0; i < lengthBytes; ++i) {
        length = (length << 8) | out[2 + i];
    }
    length = static_cast<std::size_t>(static_cast<long>(length) + delta);
    if (lengthBytes == 0) {
        out[1] = static_cast<std::uint8_t>(length);
    }
    for (std::size_t i = 0; i < lengthBytes; ++i) {
        out[1 + lengthBytes - i] = static_cast<std::uint8_t>(length >> (8 * i));
    }
    return out;
}

// SSC + n, big-endian, as both sides count one per command and one per response.
Bytes advanced(Bytes ssc, unsigned n) {
    for (unsigned step = 0; step < n; ++step) {
        for (std::size_t i = ssc.size(); i-- > 0;) {
            if (++ssc[i] != 0) {
                break;
            }
        }
    }
    return ssc;
}

} // namespace

// --- ISO7816_D (P4 ISO7816_G): the protocol ---

// ISO7816_D_01 (P4 ISO7816_G_01): Chip Authentication with DH keys on each MODP group of
// ICAO 9303-11 §9.5.1, with 3DES and with AES.
TEST(ChipAuthenticationConformance, ISO7816_D_01_DiffieHellman) {
    for (std::uint64_t group : {Modp1024, std::uint64_t{1}, Modp2048}) {
        for (const char* protocol : {IdCaDh3Des, IdCaDhAes128}) {
            SCOPED_TRACE(std::to_string(group) + " " + protocol);
            ConformanceCard card = defaultEacCard([&](emulator::Persona& p) {
                p.features.chipAuthentication = caOption(protocol, group);
            });
            Inspection inspection = inspect(card);
            expectSuccessfulChipAuthentication(inspection);
            EXPECT_EQ(chipAuthenticationOf(inspection).protocol, protocol);
        }
    }
}

// ISO7816_D_02 (P4 ISO7816_G_02): Chip Authentication with ECDH keys: CFG.DFLT.EAC itself
// (3DES on a 224-bit curve), then AES of every key length on other curves.
TEST(ChipAuthenticationConformance, ISO7816_D_02_EllipticCurveDiffieHellman) {
    ConformanceCard dflt = defaultEacCard();
    expectSuccessfulChipAuthentication(inspect(dflt));
    for (const auto& option :
         {std::pair{IdCaEcdhAes128, BrainpoolP256}, std::pair{IdCaEcdhAes192, Secp384r1},
          std::pair{IdCaEcdhAes256, BrainpoolP512}}) {
        SCOPED_TRACE(option.first);
        ConformanceCard card = defaultEacCard([&](emulator::Persona& p) {
            p.features.chipAuthentication = caOption(option.first, option.second);
        });
        expectSuccessfulChipAuthentication(inspect(card));
    }
}

// ISO7816_D_03 (P4 ISO7816_G_03): one key with a keyId; the card here insists on hearing it in
// DO 84, so only a reader that passes the key reference succeeds.
TEST(ChipAuthenticationConformance, ISO7816_D_03_OneKeyReference) {
    ConformanceCard card = defaultEacCard([](emulator::Persona& p) {
        p.features.chipAuthentication = caOption(IdCaEcdh3Des, Secp224r1, 1);
    });
    std::shared_ptr<emulator::EmulatedCard> chip = insert(card.profile());
    chip->faults().chipAuthenticity.requireKeyReference = true;
    Inspection inspection = inspect(chip, card.accessKey());
    expectSuccessfulChipAuthentication(inspection);
    EXPECT_EQ(chipAuthenticationOf(inspection).keyId, 1u);
}

// ISO7816_D_04 (P4 ISO7816_G_04): two keys with key references, on different curves and
// ciphers. The card uses the key DO 84 names (and refuses an MSE:Set without it); once the first
// key's ChipAuthenticationInfo is gone, the reader pairs by keyId and uses the second key.
TEST(ChipAuthenticationConformance, ISO7816_D_04_TwoKeyReferences) {
    ConformanceCard card = defaultEacCard([](emulator::Persona& p) {
        p.features.chipAuthentication = caOption(IdCaEcdh3Des, Secp224r1, 1);
        p.features.additionalChipAuthentication = {caOption(IdCaEcdhAes128, BrainpoolP256, 2)};
    });
    Inspection first = inspect(card);
    expectSuccessfulChipAuthentication(first);
    EXPECT_EQ(chipAuthenticationOf(first).keyId, 1u);

    // Drop the first key's ChipAuthenticationInfo: only keyId 2 pairs.
    editDg14(card, IdCaEcdh3Des, {}, removed());
    Inspection second = inspect(card);
    expectSuccessfulChipAuthentication(second);
    EXPECT_EQ(chipAuthenticationOf(second).keyId, 2u);
    EXPECT_EQ(chipAuthenticationOf(second).protocol, IdCaEcdhAes128);
}

// ISO7816_D_05 (P4 ISO7816_G_05): three keys, one of them DH; each one in turn is the only one
// its ChipAuthenticationInfo announces.
TEST(ChipAuthenticationConformance, ISO7816_D_05_ThreeKeyReferences) {
    ConformanceCard card = defaultEacCard([](emulator::Persona& p) {
        p.features.chipAuthentication = caOption(IdCaEcdh3Des, Secp224r1, 1);
        p.features.additionalChipAuthentication = {caOption(IdCaDhAes128, Modp1024, 2),
                                                   caOption(IdCaEcdhAes256, Secp384r1, 3)};
    });
    Inspection all = inspect(card);
    expectSuccessfulChipAuthentication(all);
    EXPECT_EQ(chipAuthenticationOf(all).keyId, 1u);

    editDg14(card, IdCaEcdh3Des, {}, removed());
    Inspection second = inspect(card);
    expectSuccessfulChipAuthentication(second);
    EXPECT_EQ(chipAuthenticationOf(second).keyId, 2u);

    editDg14(card, IdCaDhAes128, {}, removed());
    Inspection third = inspect(card);
    expectSuccessfulChipAuthentication(third);
    EXPECT_EQ(chipAuthenticationOf(third).keyId, 3u);
}

// ISO7816_D_06 (P4 ISO7816_G_06): DG14 names keyId 1, the chip knows its key as 7: the chip
// refuses MSE:Set and the chip is not proven.
TEST(ChipAuthenticationConformance, ISO7816_D_06_KeyReferenceUnknownToTheChip) {
    ConformanceCard card = defaultEacCard([](emulator::Persona& p) {
        p.features.chipAuthentication = caOption(IdCaEcdh3Des, Secp224r1, 1);
    });
    card.profile().chipAuthenticationKeyId = 7;
    Inspection inspection = inspect(card);
    expectFailedChipAuthentication(inspection, CaStatus::Failed, CaReason::KeyAgreementRefused);
    EXPECT_EQ(chipAuthenticationOf(inspection).statusWord, 0x6A80);
}

// ISO7816_D_07 (P4 ISO7816_G_07): the DH public key in DG14 is corrupted (its value leaves the
// subgroup of order q); the reader refuses it before sending anything.
TEST(ChipAuthenticationConformance, ISO7816_D_07_Dg14DhPublicKeyCorrupted) {
    ConformanceCard card = defaultEacCard([](emulator::Persona& p) {
        p.features.chipAuthentication = caOption(IdCaDh3Des, Modp1024);
    });
    editDg14(card, IdPk, {1, 1}, lastBitFlipped()); // SubjectPublicKeyInfo's BIT STRING
    expectFailedChipAuthentication(inspect(card), CaStatus::Error, CaReason::InvalidPublicKey);
}

// ISO7816_D_08 (P4 ISO7816_G_08): the ECDH public key in DG14 is corrupted (the point is no
// longer on the curve).
TEST(ChipAuthenticationConformance, ISO7816_D_08_Dg14EcdhPublicKeyCorrupted) {
    ConformanceCard card = defaultEacCard();
    editDg14(card, IdPk, {1, 1}, lastBitFlipped());
    expectFailedChipAuthentication(inspect(card), CaStatus::Error, CaReason::InvalidPublicKey);
}

// ISO7816_D_09 (P4 ISO7816_G_09): after Chip Authentication both sides use the new keys. The
// whole inspection succeeds only under them (and fails against a chip that keeps the old ones,
// below). On the session itself: once the chip answered MSE:Set KAT (ICAO 9303-11 §6.2, run by
// hand here so that the test can stop right after it), a command under the new keys with the
// counter at 0 is accepted and one under the BAC keys, counter where they left it, refused;
// a chip that (as a fault) kept the BAC keys accepts the latter.
TEST(ChipAuthenticationConformance, ISO7816_D_09_OldSessionKeysAreNotUsedAfterwards) {
    ConformanceCard card = defaultEacCard();
    expectSuccessfulChipAuthentication(inspect(card));

    lds::Dg14 dg14 = lds::Dg14::parse(card.applicationFile(0x0100 + Dg14Number));
    const lds::SubjectPublicKeyInfo& chipKey =
        dg14.securityInfos.chipAuthenticationPublicKeyInfos.at(0).publicKey;
    auto group = crypto::KeyAgreementGroup::fromAlgorithm(chipKey.algorithm, chipKey.parameters);
    const apdu::CommandApdu selectDg14{0x00, 0xA4, 0x02, 0x0C, {0x01, 0x0E}, 0, false};
    for (bool keepOldKeys : {false, true}) {
        SCOPED_TRACE(keepOldKeys ? "card keeps the BAC keys" : "card switches keys");
        std::shared_ptr<emulator::EmulatedCard> chip = insert(card.profile());
        chip->faults().chipAuthenticity.keepOldKeysAfterChipAuthentication = keepOldKeys;
        emulator::EmulatorChannel channel(chip);
        (void)reader::selectApplication(channel, reader::ExtendedLengthMode::Auto);
        reader::OpenedChip opened =
            reader::openChip(channel, std::nullopt, card.accessKey(), reader::AccessPolicy::BacOnly,
                             crypto::systemRandom());
        sm::SessionKeys bacKeys = opened.keys;
        sm::SecureMessagingChannel session(channel, std::move(opened.keys));

        crypto::EphemeralKeyPair terminal = group->generateKeyPair(crypto::systemRandom());
        apdu::CommandApdu mseSetKat{0x00, 0x22, 0x41, 0xA6, tlv::encode(0x91, terminal.publicKey),
                                    0,    false};
        ASSERT_TRUE(session.send(mseSetKat).isSuccess());
        bacKeys.ssc = advanced(bacKeys.ssc, 2); // MSE:Set KAT and its answer
        sm::SecureMessagingChannel old(channel, std::move(bacKeys));
        if (keepOldKeys) {
            EXPECT_TRUE(old.send(selectDg14).isSuccess());
            continue;
        }
        SecureBytes k =
            group->sharedSecret(terminal.privateKey, group->importPublicKey(chipKey.publicKey));
        sm::SecureMessagingChannel renewed(
            channel, sm::deriveSessionKeys(k.view(), sm::SmCipher::Tdes, crypto::KeyType::Tdes));
        EXPECT_TRUE(renewed.send(selectDg14).isSuccess());
        EXPECT_THROW((void)old.send(selectDg14), Error);
    }
}

// ISO7816_D_09 converse: a chip that stays on the old keys after Chip Authentication cannot
// answer under the new ones, so the whole inspection fails.
TEST(ChipAuthenticationConformance, ISO7816_D_09_ChipKeepingOldKeysFails) {
    ConformanceCard card = defaultEacCard();
    std::shared_ptr<emulator::EmulatedCard> chip = insert(card.profile());
    chip->faults().chipAuthenticity.keepOldKeysAfterChipAuthentication = true;
    expectFailedChipAuthentication(inspect(chip, card.accessKey()), CaStatus::Failed,
                                   CaReason::AnswerNotVerified);
}

// ISO7816_D_10 (P4 ISO7816_G_10): the reader's ephemeral key pair is fresh for each run. The
// harness replays its randomness; here the reader draws from the system as it does by default.
TEST(ChipAuthenticationConformance, ISO7816_D_10_FreshEphemeralKeyEachRun) {
    ConformanceCard card = defaultEacCard();
    Bytes keys[2];
    for (Bytes& key : keys) {
        emulator::EmulatorChannel channel(insert(card.profile()));
        reader::CardReadout readout = reader::readCard(channel, card.accessKey(), {});
        ASSERT_TRUE(readout.chipAuthentication);
        EXPECT_TRUE(readout.chipAuthentication->passed());
        key = readout.chipAuthentication->terminalEphemeralPublicKey;
        EXPECT_EQ(key.size(), 1u + 2 * 28); // 04 || x || y on a 224-bit curve
    }
    EXPECT_NE(toHex(keys[0]), toHex(keys[1]));
}

// ISO7816_D_11 (P4 ISO7816_G_11): DG14's DH key with an invalid specification: an even p in
// its domain parameters, or an EC algorithm in its SubjectPublicKeyInfo for id-PK-DH.
TEST(ChipAuthenticationConformance, ISO7816_D_11_Dg14DhDomainParametersInvalid) {
    const Bytes ecPublicKey = crypto::encodeOidObject(IdEcPublicKey);
    // SubjectPublicKeyInfo [1] > AlgorithmIdentifier [0] > DomainParameters [1] > p [0]; or
    // AlgorithmIdentifier [0] > algorithm [0].
    for (const auto& [path, edit] :
         {std::pair{std::vector<std::size_t>{1, 0, 1, 0}, lastBitFlipped()},
          std::pair{std::vector<std::size_t>{1, 0, 0}, replacedBy(ecPublicKey)}}) {
        ConformanceCard card = defaultEacCard([](emulator::Persona& p) {
            p.features.chipAuthentication = caOption(IdCaDh3Des, Modp1024);
        });
        editDg14(card, IdPk, path, edit);
        expectFailedChipAuthentication(inspect(card), CaStatus::Error, CaReason::InvalidPublicKey);
    }
}

// ISO7816_D_12 (P4 ISO7816_G_12): DG14's ECDH key with invalid explicit domain parameters: the
// curve's coefficient b changed (the base point leaves the curve), or an even field prime.
TEST(ChipAuthenticationConformance, ISO7816_D_12_Dg14EcdhDomainParametersInvalid) {
    // SubjectPublicKeyInfo [1] > AlgorithmIdentifier [0] > ECParameters [1] > curve [2] > b [1];
    // ECParameters [1] > fieldID [1] > prime [1].
    for (const auto& path :
         {std::vector<std::size_t>{1, 0, 1, 2, 1}, std::vector<std::size_t>{1, 0, 1, 1, 1}}) {
        ConformanceCard card = defaultEacCard();
        editDg14(card, IdPk, path, lastBitFlipped());
        expectFailedChipAuthentication(inspect(card), CaStatus::Error, CaReason::InvalidPublicKey);
    }
}

// ISO7816_D_13 (P4 ISO7816_G_13): the keyId of ChipAuthenticationPublicKeyInfo (2) differs from
// the one of ChipAuthenticationInfo (1).
TEST(ChipAuthenticationConformance, ISO7816_D_13_KeyIdsOfInfoAndPublicKeyDiffer) {
    ConformanceCard card = defaultEacCard([](emulator::Persona& p) {
        p.features.chipAuthentication = caOption(IdCaEcdh3Des, Secp224r1, 1);
    });
    editDg14(card, IdPk, {2}, replacedBy(tlv::encodeInteger(2)));
    expectFailedChipAuthentication(inspect(card), CaStatus::Error,
                                   CaReason::InconsistentSecurityInfos);
}

// ISO7816_D_14 (P4 ISO7816_G_14): a 2048-bit DH key: the terminal's 256-byte public key in
// GENERAL AUTHENTICATE (and in MSE:Set KAT without ChipAuthenticationInfo) needs an
// extended-length command APDU.
TEST(ChipAuthenticationConformance, ISO7816_D_14_ExtendedLength) {
    ConformanceCard card = defaultEacCard([](emulator::Persona& p) {
        p.features.chipAuthentication = caOption(IdCaDh3Des, Modp2048);
    });
    Inspection generalAuthenticate = inspect(card);
    expectSuccessfulChipAuthentication(generalAuthenticate);
    EXPECT_TRUE(generalAuthenticate.document->readout.extendedLength);
    EXPECT_EQ(chipAuthenticationOf(generalAuthenticate).terminalEphemeralPublicKey.size(), 256u);

    editDg14(card, IdCa, {}, removed());
    Inspection keyAgreementTemplate = inspect(card);
    expectSuccessfulChipAuthentication(keyAgreementTemplate);
    EXPECT_EQ(chipAuthenticationOf(keyAgreementTemplate).command,
              verify::ChipAuthenticationCommand::MseSetKat);
}

// ISO7816_D_15 (P4 ISO7816_G_15): an invalid key reference answered with a different status
// word each run: the reader fails every time, at once, and says which word it got.
TEST(ChipAuthenticationConformance, ISO7816_D_15_InvalidKeyReferenceVariousStatusWords) {
    ConformanceCard card = defaultEacCard([](emulator::Persona& p) {
        p.features.chipAuthentication = caOption(IdCaEcdh3Des, Secp224r1, 1);
    });
    card.profile().chipAuthenticationKeyId = 2;
    for (std::uint16_t sw :
         std::initializer_list<std::uint16_t>{0x6A80, 0x6A88, 0x6A86, 0x6982, 0x6985, 0x6F00}) {
        SCOPED_TRACE(sw);
        std::shared_ptr<emulator::EmulatedCard> chip = insert(card.profile());
        chip->faults().chipAuthenticity.unknownKeyReferenceStatus = sw;
        Inspection inspection = inspect(chip, card.accessKey());
        expectFailedChipAuthentication(inspection, CaStatus::Failed, CaReason::KeyAgreementRefused);
        EXPECT_EQ(chipAuthenticationOf(inspection).statusWord, sw);
    }
}

// --- LDS_F: DG14 ---

// LDS_F_01: DG14 under tag 6F instead of 6E.
TEST(ChipAuthenticationConformance, LDS_F_01_Dg14TagWrong) {
    ConformanceCard card = defaultEacCard();
    Bytes dg14 = card.applicationFile(0x0100 + Dg14Number);
    dg14.at(0) = 0x6F;
    card.replaceDataGroup(Dg14Number, dg14);
    expectDg14ParseIssue(inspect(card));
}

// LDS_F_02: the length of tag 6E one too small. The reader reads as many bytes as the header
// says, so the last byte of the file stays on the card: the SET inside is cut short, and the
// bytes read no longer hash to what EF.SOD signed.
TEST(ChipAuthenticationConformance, LDS_F_02_Dg14LengthTooSmall) {
    ConformanceCard card = defaultEacCard();
    card.replaceDataGroup(Dg14Number,
                          withOuterLength(card.applicationFile(0x0100 + Dg14Number), -1));
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.document) << inspection.explain();
    EXPECT_TRUE(hasDg14ParseIssue(inspection)) << inspection.explain();
    EXPECT_EQ(inspection.document->passiveAuthentication.verdict, verify::Verdict::Invalid)
        << inspection.explain();
}

// LDS_F_03: the length of tag 6E one too big: the file ends before its header says, and the
// reader stops the read there (Error(MalformedData)).
TEST(ChipAuthenticationConformance, LDS_F_03_Dg14LengthTooBig) {
    ConformanceCard card = defaultEacCard();
    card.replaceDataGroup(Dg14Number,
                          withOuterLength(card.applicationFile(0x0100 + Dg14Number), +1));
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.error) << inspection.explain();
    EXPECT_EQ(inspection.error->code(), ErrorCode::MalformedData) << inspection.explain();
}

// LDS_F_04: the Chip Authentication public key info under the undefined OID
// 0.4.0.127.0.7.2.2.1.3: DG14 announces Chip Authentication and offers no key for it.
TEST(ChipAuthenticationConformance, LDS_F_04_IllegalChipAuthenticationPublicKeyOid) {
    ConformanceCard card = defaultEacCard();
    editDg14(card, IdPk, {0}, replacedBy(crypto::encodeOidObject("0.4.0.127.0.7.2.2.1.3")));
    expectFailedChipAuthentication(inspect(card), CaStatus::Error,
                                   CaReason::InconsistentSecurityInfos);
}

// LDS_F_05: "missing chip authentication OID in SecurityInfos". Read as in LDS_F_04, whose
// title calls the public key info's OID the "chip authentication OID": that OID is left out of
// its SecurityInfo, or the whole public key info is. Either way ChipAuthenticationInfo remains
// without a key. (DG14 without ChipAuthenticationInfo is the 3DES default: see below.)
TEST(ChipAuthenticationConformance, LDS_F_05_ChipAuthenticationOidMissing) {
    for (const std::vector<std::size_t>& path :
         {std::vector<std::size_t>{0}, std::vector<std::size_t>{}}) {
        ConformanceCard card = defaultEacCard();
        editDg14(card, IdPk, path, removed());
        expectFailedChipAuthentication(inspect(card), CaStatus::Error,
                                       CaReason::InconsistentSecurityInfos);
    }
}

// Not a BSI case: DG14 with a public key but no ChipAuthenticationInfo, as French passports
// have it, is the ICAO 9303-11 §6.2 default (3DES, MSE:Set KAT) and succeeds. This is why
// LDS_F_05 is not read as "ChipAuthenticationInfo removed".
TEST(ChipAuthenticationConformance, Dg14WithoutChipAuthenticationInfoUsesThe3DesDefault) {
    ConformanceCard card = defaultEacCard();
    editDg14(card, IdCa, {}, removed());
    Inspection inspection = inspect(card);
    expectSuccessfulChipAuthentication(inspection);
    EXPECT_TRUE(chipAuthenticationOf(inspection).protocolInferred);
}

// LDS_F_06: ChipAuthenticationInfo version 10 (ICAO 9303-11 §9.2.5 defines 1, BSI TR-03110
// 2 and 3).
TEST(ChipAuthenticationConformance, LDS_F_06_ChipAuthenticationInfoVersionWrong) {
    ConformanceCard card = defaultEacCard();
    editDg14(card, IdCa, {1}, replacedBy(tlv::encodeInteger(10)));
    expectFailedChipAuthentication(inspect(card), CaStatus::Error,
                                   CaReason::InconsistentSecurityInfos);
}

// LDS_F_07: ChipAuthenticationInfo without its version element. It is still there, so the
// 3DES default for a DG14 without ChipAuthenticationInfo does not apply.
TEST(ChipAuthenticationConformance, LDS_F_07_ChipAuthenticationInfoVersionMissing) {
    ConformanceCard card = defaultEacCard();
    editDg14(card, IdCa, {1}, removed());
    expectFailedChipAuthentication(inspect(card), CaStatus::Error,
                                   CaReason::InconsistentSecurityInfos);
}
