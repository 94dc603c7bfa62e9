// Chip Authentication (ICAO 9303-11 §6.2): the four real-chip sessions of vectors/ca.json (B)
// replayed byte-exact with the recorded terminal keys, the BSI worked example (A, ECDH and DH),
// the choice of key and protocol from DG14, and the failures a chip can cause.
#include "verify/ChipAuthentication.h"

#include <memory>

#include <gtest/gtest.h>

#include "base/Error.h"
#include "crypto/DhGroup.h"
#include "crypto/EcdhGroup.h"
#include "crypto/Hash.h"
#include "crypto/Oid.h"
#include "lds/Dg14.h"
#include "support/ScriptedChannel.h"
#include "support/TestData.h"

using namespace cccd;
using test::hexField;

namespace {

constexpr std::string_view BrainpoolP256r1 = "1.3.36.3.3.2.8.1.1.7"; // RFC 5639 §4.1

nlohmann::json caVectors() {
    return test::vectors("ca.json");
}

nlohmann::json realChip(const char* country) {
    return caVectors().at("B_real_chip_sessions").at(country);
}

crypto::RandomSource replay(std::vector<Bytes> values) {
    auto queue = std::make_shared<std::vector<Bytes>>(std::move(values));
    return [queue](std::size_t count) {
        if (queue->empty()) {
            ADD_FAILURE() << "more randomness drawn than the vector has";
            return Bytes(count, 0x01);
        }
        Bytes next = queue->front();
        queue->erase(queue->begin());
        EXPECT_EQ(next.size(), count);
        return next;
    };
}

sm::SmCipher cipherNamed(const std::string& name) {
    return name == "AES" ? sm::SmCipher::Aes : sm::SmCipher::Tdes;
}

sm::SessionKeys keysBefore(const nlohmann::json& session) {
    auto before = session.at("sm_before");
    sm::SessionKeys keys;
    keys.cipher = cipherNamed(before.at("alg").get<std::string>());
    keys.ksEnc = SecureBytes(hexField(before, "ks_enc"));
    keys.ksMac = SecureBytes(hexField(before, "ks_mac"));
    keys.ssc = hexField(before, "ssc");
    return keys;
}

lds::SecurityInfos dg14Of(const nlohmann::json& session) {
    return lds::Dg14::parse(hexField(session, "dg14")).securityInfos;
}

void scriptSession(test::ScriptedChannel& card, const nlohmann::json& session) {
    for (const auto& apdu : session.at("apdus")) {
        card.expect(hexField(apdu, "command"), hexField(apdu, "response"));
    }
}

// A card that refuses every command in plain, as chips answer what they do not support.
struct Refusal {
    test::ScriptedChannel card;

    explicit Refusal(const char* sw) {
        for (int i = 0; i < 3; ++i) {
            card.expect({}, fromHex(sw));
        }
    }
};

class RemovedCard : public transport::CardChannel {
public:
    Bytes transmit(ByteView) override { throw Error(ErrorCode::CardRemoved, "card removed"); }

    Bytes atr() const override { return {}; }

    transport::ChannelCapabilities capabilities() const override { return {}; }
};

lds::ChipAuthenticationPublicKeyInfo keyWithId(const lds::SecurityInfos& infos,
                                               std::optional<std::uint64_t> keyId) {
    lds::ChipAuthenticationPublicKeyInfo key = infos.chipAuthenticationPublicKeyInfos.at(0);
    key.keyId = keyId;
    return key;
}

lds::ChipAuthenticationInfo aesInfo(std::optional<std::uint64_t> keyId, std::uint64_t version = 1) {
    lds::ChipAuthenticationInfo info;
    info.protocol = "0.4.0.127.0.7.2.2.3.2.2";
    info.keyAgreement = lds::KeyAgreement::Ecdh;
    info.cipher = lds::SmCipher::Aes;
    info.keyLength = 128;
    info.version = version;
    info.keyId = keyId;
    return info;
}

// BSI TR-03110 worked example, from K on: the version 2 keys (K || nonce) and token, and the
// version 1 keys (K alone) the vector's authors computed.
void expectWorkedExampleKeysAndToken(const nlohmann::json& a, lds::KeyAgreement keyAgreement,
                                     const SecureBytes& k) {
    verify::ChipAuthenticationChoice choice;
    choice.protocol = a.at("token_oid").get<std::string>();
    choice.keyAgreement = keyAgreement;
    choice.cipher = sm::SmCipher::Aes;
    choice.keyType = crypto::KeyType::Aes128;
    choice.version = 2;
    sm::SessionKeys v2 = choice.sessionKeys(k, hexField(a, "nonce_r_PICC"));
    EXPECT_EQ(toHex(v2.ksEnc), a.at("ks_enc").get<std::string>());
    EXPECT_EQ(toHex(v2.ksMac), a.at("ks_mac").get<std::string>());
    EXPECT_EQ(
        toHex(choice.authenticationToken(v2.ksMac, hexField(a, "terminal_ephemeral_public_key"))),
        a.at("authentication_token_T_PICC").get<std::string>());

    auto v1Expected = a.at("icao_v1_style_keys_without_nonce");
    sm::SessionKeys v1 = choice.sessionKeys(k);
    EXPECT_EQ(toHex(v1.ksEnc), v1Expected.at("ks_enc").get<std::string>());
    EXPECT_EQ(toHex(v1.ksMac), v1Expected.at("ks_mac").get<std::string>());
}

} // namespace

class ChipAuthenticationRealChipTest : public testing::TestWithParam<const char*> {};

// Each recorded session, byte for byte: the protected MSE/GA under the PACE or BAC keys, the
// switch to KDF(K) keys of the chip's cipher, and SELECT DG14 under them.
TEST_P(ChipAuthenticationRealChipTest, ReplaysRecordedSession) {
    auto session = realChip(GetParam());
    test::ScriptedChannel card;
    scriptSession(card, session);
    sm::SecureMessagingChannel channel(card, keysBefore(session));

    verify::ChipAuthenticationResult result = verify::performChipAuthentication(
        channel, dg14Of(session), replay({hexField(session, "terminal_private_key")}));

    EXPECT_EQ(result.status, verify::ChipAuthenticationStatus::Passed)
        << verify::chipAuthenticationReasonName(result.reason);
    EXPECT_TRUE(card.done());
    EXPECT_EQ(toHex(result.terminalEphemeralPublicKey),
              session.at("terminal_public_key").get<std::string>());
    EXPECT_EQ(toHex(result.chipPublicKey), session.at("chip_static_public_key").get<std::string>());
    EXPECT_EQ(toHex(result.terminalEphemeralPublicKeyCompressed),
              session.at("terminal_public_key").get<std::string>().substr(2, 64));
    EXPECT_EQ(result.statusWord, 0x9000);
    auto after = session.at("sm_after");
    EXPECT_EQ(channel.cipher(), cipherNamed(after.at("alg").get<std::string>()));
    EXPECT_EQ(toHex(channel.ssc()), after.at("ssc").get<std::string>());
    EXPECT_FALSE(channel.ended());
}

// K from the recorded keys, and the new keys from K with the chip's cipher (never PACE's).
TEST_P(ChipAuthenticationRealChipTest, DerivesRecordedSharedSecretAndKeys) {
    auto session = realChip(GetParam());
    verify::ChipAuthenticationOffer offer = verify::chooseChipAuthentication(dg14Of(session));
    ASSERT_TRUE(offer.choice);
    auto agreement =
        crypto::EcdhGroup::fromParameters(offer.choice->publicKey.publicKey.parameters);
    SecureBytes k = agreement->sharedSecret(hexField(session, "terminal_private_key"),
                                            hexField(session, "chip_static_public_key"));
    EXPECT_EQ(toHex(k), session.at("shared_secret_K").get<std::string>());

    sm::SessionKeys keys = offer.choice->sessionKeys(k);
    auto after = session.at("sm_after");
    EXPECT_EQ(toHex(keys.ksEnc), after.at("ks_enc").get<std::string>());
    EXPECT_EQ(toHex(keys.ksMac), after.at("ks_mac").get<std::string>());
    EXPECT_EQ(keys.cipher, cipherNamed(after.at("alg").get<std::string>()));
    EXPECT_EQ(toHex(keys.ssc), std::string(keys.ssc.size() * 2, '0'));
}

INSTANTIATE_TEST_SUITE_P(CaJson, ChipAuthenticationRealChipTest,
                         testing::Values("AT", "DE", "MY", "FR"));

TEST(ChipAuthenticationTest, ChoosesWhatEachRealDg14Offers) {
    struct Row {
        const char* country;
        const char* protocol;
        bool inferred;
        std::optional<std::uint64_t> keyId;
        verify::ChipAuthenticationCommand command;
        crypto::KeyType keyType;
    };

    using Command = verify::ChipAuthenticationCommand;
    for (const Row& row : {Row{"AT", "0.4.0.127.0.7.2.2.3.2.2", false, std::nullopt,
                               Command::MseSetAtGeneralAuthenticate, crypto::KeyType::Aes128},
                           Row{"DE", "0.4.0.127.0.7.2.2.3.2.2", false, 0xC3,
                               Command::MseSetAtGeneralAuthenticate, crypto::KeyType::Aes128},
                           Row{"MY", "0.4.0.127.0.7.2.2.3.2.1", false, std::nullopt,
                               Command::MseSetAtGeneralAuthenticate, crypto::KeyType::Tdes},
                           Row{"FR", "0.4.0.127.0.7.2.2.3.2.1", true, std::nullopt,
                               Command::MseSetKat, crypto::KeyType::Tdes}}) {
        SCOPED_TRACE(row.country);
        verify::ChipAuthenticationOffer offer =
            verify::chooseChipAuthentication(dg14Of(realChip(row.country)));
        ASSERT_TRUE(offer.choice);
        EXPECT_EQ(offer.choice->protocol, row.protocol);
        EXPECT_EQ(offer.choice->protocolInferred, row.inferred);
        EXPECT_EQ(offer.choice->keyId, row.keyId);
        EXPECT_EQ(offer.choice->command, row.command);
        EXPECT_EQ(offer.choice->keyType, row.keyType);
        EXPECT_EQ(offer.choice->version, 1u);
        EXPECT_TRUE(offer.choice->publicKey.publicKey.explicitParameters);
    }
}

// BSI worked example, ECDH on brainpoolP256r1: K from either side, CA version 2 keys with the
// nonce r_PICC and the token T_PICC, and the version 1 keys without the nonce.
TEST(ChipAuthenticationTest, ReproducesBsiWorkedExampleEcdh) {
    auto a = caVectors().at("A_bsi_worked_example_ecdh");
    auto agreement = crypto::EcdhGroup::fromParameters(crypto::encodeOidObject(BrainpoolP256r1));
    Bytes terminalKey = hexField(a, "terminal_ephemeral_private_key");
    EXPECT_EQ(toHex(agreement->publicKeyOf(terminalKey)),
              a.at("terminal_ephemeral_public_key").get<std::string>());
    EXPECT_EQ(toHex(agreement->publicKeyOf(hexField(a, "chip_static_private_key"))),
              a.at("chip_static_public_key").get<std::string>());
    SecureBytes k = agreement->sharedSecret(terminalKey, hexField(a, "chip_static_public_key"));
    EXPECT_EQ(toHex(k), a.at("shared_secret_K").get<std::string>());
    EXPECT_EQ(toHex(agreement->sharedSecret(hexField(a, "chip_static_private_key"),
                                            hexField(a, "terminal_ephemeral_public_key"))),
              toHex(k));

    EXPECT_EQ(toHex(crypto::encodeOid(a.at("token_oid").get<std::string>())),
              a.at("token_oid_der_value").get<std::string>());
    expectWorkedExampleKeysAndToken(a, lds::KeyAgreement::Ecdh, k);
}

// The same for DH on the RFC 5114 1024/160 group (ICAO Appendix G.2 gives p, g, q).
TEST(ChipAuthenticationTest, ReproducesBsiWorkedExampleDh) {
    auto a = caVectors().at("A_bsi_worked_example_dh");
    auto group = test::vectors("icao-pace-dh-gm.json").at("group");
    auto agreement = crypto::DhGroup::fromGroup(hexField(group, "p"), hexField(group, "g"),
                                                hexField(group, "q"));
    Bytes terminalKey = hexField(a, "terminal_ephemeral_private_key");
    EXPECT_EQ(toHex(agreement->publicKeyOf(terminalKey)),
              a.at("terminal_ephemeral_public_key").get<std::string>());
    EXPECT_EQ(toHex(agreement->publicKeyOf(hexField(a, "chip_static_private_key"))),
              a.at("chip_static_public_key").get<std::string>());
    SecureBytes k = agreement->sharedSecret(terminalKey, hexField(a, "chip_static_public_key"));
    EXPECT_EQ(toHex(k), a.at("shared_secret_K").get<std::string>());

    expectWorkedExampleKeysAndToken(a, lds::KeyAgreement::Dh, k);
    EXPECT_EQ(toHex(agreement->compress(hexField(a, "terminal_ephemeral_public_key"))),
              toHex(crypto::sha1(hexField(a, "terminal_ephemeral_public_key"))));
}

TEST(ChipAuthenticationTest, DhRefusesKeysOutsideTheSubgroup) {
    auto group = test::vectors("icao-pace-dh-gm.json").at("group");
    auto agreement = crypto::DhGroup::fromGroup(hexField(group, "p"), hexField(group, "g"),
                                                hexField(group, "q"));
    Bytes p = hexField(group, "p");
    Bytes pMinusOne = p;
    pMinusOne.back() ^= 0x01; // p is odd
    for (const Bytes& bad : {Bytes{0x01}, pMinusOne, p, Bytes{0x02}}) {
        EXPECT_THROW(agreement->checkPublicKey(bad), Error) << toHex(bad);
    }
    EXPECT_THROW((void)crypto::DhGroup::fromGroup(p, Bytes{0x02}, hexField(group, "q")), Error);
}

TEST(ChipAuthenticationTest, PairsKeyAndInfoByKeyId) {
    lds::SecurityInfos infos = dg14Of(realChip("AT"));
    lds::SecurityInfos two;
    two.chipAuthenticationPublicKeyInfos = {keyWithId(infos, 1), keyWithId(infos, 2)};
    two.chipAuthenticationInfos = {aesInfo(2)};
    verify::ChipAuthenticationOffer offer = verify::chooseChipAuthentication(two);
    ASSERT_TRUE(offer.choice);
    EXPECT_EQ(offer.choice->publicKey.keyId, 2u);
    EXPECT_EQ(offer.choice->keyId, 2u);

    // A single key without keyId pairs with an info that names one, and vice versa.
    lds::SecurityInfos single;
    single.chipAuthenticationPublicKeyInfos = {keyWithId(infos, std::nullopt)};
    single.chipAuthenticationInfos = {aesInfo(7)};
    offer = verify::chooseChipAuthentication(single);
    ASSERT_TRUE(offer.choice);
    EXPECT_EQ(offer.choice->keyId, 7u);
}

TEST(ChipAuthenticationTest, DifferingKeyIdsAreAnError) {
    lds::SecurityInfos infos = dg14Of(realChip("AT"));
    lds::SecurityInfos differing;
    differing.chipAuthenticationPublicKeyInfos = {keyWithId(infos, 1)};
    differing.chipAuthenticationInfos = {aesInfo(2)};
    verify::ChipAuthenticationOffer offer = verify::chooseChipAuthentication(differing);
    EXPECT_FALSE(offer.choice);
    EXPECT_EQ(offer.status, verify::ChipAuthenticationStatus::Error);
    EXPECT_EQ(offer.reason, verify::ChipAuthenticationReason::InconsistentSecurityInfos);
}

// Version 3 (BSI TR-03110-2) is defined but not run here: unsupported, nothing sent. A version
// no standard defines (10, TR-03105-5.1 LDS_F_06) is an error of DG14.
TEST(ChipAuthenticationTest, VersionThreeIsUnsupportedAndUndefinedVersionsInconsistent) {
    for (const auto& [version, reason] :
         {std::pair{std::uint64_t{3}, verify::ChipAuthenticationReason::UnsupportedProtocol},
          std::pair{std::uint64_t{10}, verify::ChipAuthenticationReason::InconsistentSecurityInfos},
          std::pair{std::uint64_t{0},
                    verify::ChipAuthenticationReason::InconsistentSecurityInfos}}) {
        SCOPED_TRACE(version);
        lds::SecurityInfos infos = dg14Of(realChip("AT"));
        infos.chipAuthenticationInfos.at(0).version = version;
        test::ScriptedChannel card; // nothing may be sent
        sm::SecureMessagingChannel channel(card, keysBefore(realChip("AT")));
        verify::ChipAuthenticationResult result =
            verify::performChipAuthentication(channel, infos, crypto::systemRandom());
        EXPECT_EQ(result.status, verify::ChipAuthenticationStatus::Error);
        EXPECT_EQ(result.reason, reason);
    }
}

// DG14 announcing Chip Authentication without a usable public key (TR-03105-5.1 LDS_F_04 and
// LDS_F_05): the key info under an undefined OID, without its OID, or gone.
TEST(ChipAuthenticationTest, InfoWithoutPublicKeyIsInconsistent) {
    lds::SecurityInfos infos = dg14Of(realChip("AT"));
    lds::SecurityInfos withoutKey = infos;
    withoutKey.chipAuthenticationPublicKeyInfos.clear();
    lds::SecurityInfos malformedKey = withoutKey;
    malformedKey.otherInfos.push_back({{}, "0.4.0.127.0.7.2.2.1.2", true});
    lds::SecurityInfos brokenEntryOnly;
    brokenEntryOnly.otherInfos.push_back({{}, "0.4.0.127.0.7.2.2.3.2.2", true});
    for (const lds::SecurityInfos& dg14 : {withoutKey, malformedKey, brokenEntryOnly}) {
        verify::ChipAuthenticationOffer offer = verify::chooseChipAuthentication(dg14);
        EXPECT_FALSE(offer.choice);
        EXPECT_EQ(offer.status, verify::ChipAuthenticationStatus::Error);
        EXPECT_EQ(offer.reason, verify::ChipAuthenticationReason::InconsistentSecurityInfos);
    }
}

// No ChipAuthenticationInfo at all is the 3DES default (French chips); a ChipAuthenticationInfo
// that lacks its version (TR-03105-5.1 LDS_F_07) is not absent, so no default for it.
TEST(ChipAuthenticationTest, BrokenChipAuthenticationInfoGetsNoDefault) {
    lds::SecurityInfos infos = dg14Of(realChip("AT"));
    infos.chipAuthenticationInfos.clear();
    verify::ChipAuthenticationOffer absent = verify::chooseChipAuthentication(infos);
    ASSERT_TRUE(absent.choice);
    EXPECT_TRUE(absent.choice->protocolInferred);

    infos.otherInfos.push_back({{}, "0.4.0.127.0.7.2.2.3.2.2", true});
    verify::ChipAuthenticationOffer broken = verify::chooseChipAuthentication(infos);
    EXPECT_FALSE(broken.choice);
    EXPECT_EQ(broken.reason, verify::ChipAuthenticationReason::InconsistentSecurityInfos);

    // An unknown protocol next to the key is no ChipAuthenticationInfo: the default stays.
    infos.otherInfos.back() = {{}, "0.4.0.127.0.7.2.2.3.2.9", false};
    EXPECT_TRUE(verify::chooseChipAuthentication(infos).choice);
}

TEST(ChipAuthenticationTest, NoPublicKeyIsNotOffered) {
    auto cardAccess = test::vectors("aes-sm.json").at("B_real_chip_DE_session");
    lds::SecurityInfos paceOnly = lds::SecurityInfos::parse(hexField(cardAccess, "ef_card_access"));
    test::ScriptedChannel card;
    sm::SecureMessagingChannel channel(card, keysBefore(realChip("AT")));
    verify::ChipAuthenticationResult result =
        verify::performChipAuthentication(channel, paceOnly, crypto::systemRandom());
    EXPECT_EQ(result.status, verify::ChipAuthenticationStatus::NotOffered);
    EXPECT_EQ(verify::chipAuthenticationStatusName(result.status), "not_offered");
    EXPECT_TRUE(result.terminalEphemeralPublicKey.empty());
}

TEST(ChipAuthenticationTest, PointOffTheCurveIsAnInvalidKey) {
    auto session = realChip("AT");
    Bytes dg14 = hexField(session, "dg14");
    dg14[dg14.size() - 1] ^= 0x01; // last byte of the chip's y-coordinate
    test::ScriptedChannel card;
    sm::SecureMessagingChannel channel(card, keysBefore(session));
    verify::ChipAuthenticationResult result = verify::performChipAuthentication(
        channel, lds::Dg14::parse(dg14).securityInfos, crypto::systemRandom());
    EXPECT_EQ(result.status, verify::ChipAuthenticationStatus::Error);
    EXPECT_EQ(result.reason, verify::ChipAuthenticationReason::InvalidPublicKey);
    EXPECT_TRUE(card.done());
}

// MSE:Set AT refused: a failure, and the session goes on with the old keys.
TEST(ChipAuthenticationTest, RefusedKeyAgreementKeepsOldKeys) {
    auto session = realChip("AT");
    Refusal refusal("6A80");
    sm::SecureMessagingChannel channel(refusal.card, keysBefore(session));
    verify::ChipAuthenticationResult result =
        verify::performChipAuthentication(channel, dg14Of(session), crypto::systemRandom());
    EXPECT_EQ(result.status, verify::ChipAuthenticationStatus::Failed);
    EXPECT_EQ(result.reason, verify::ChipAuthenticationReason::KeyAgreementRefused);
    EXPECT_EQ(result.statusWord, 0x6A80);
    EXPECT_FALSE(channel.ended());
    EXPECT_EQ(channel.cipher(), sm::SmCipher::Aes);
    EXPECT_EQ(toHex(channel.ssc()), "000000000000000000000000000000F2");
}

// ISO7816_G_10: a fresh ephemeral key for every run.
TEST(ChipAuthenticationTest, DrawsFreshEphemeralKeyEachRun) {
    auto session = realChip("AT");
    Bytes keys[2];
    for (Bytes& key : keys) {
        Refusal refusal("6A80");
        sm::SecureMessagingChannel channel(refusal.card, keysBefore(session));
        key = verify::performChipAuthentication(channel, dg14Of(session), crypto::systemRandom())
                  .terminalEphemeralPublicKey;
        EXPECT_EQ(key.size(), 65u);
    }
    EXPECT_NE(keys[0], keys[1]);
}

// The answer under the new keys decides: a wrong MAC, a plain error and a plain 9000 all fail.
TEST(ChipAuthenticationTest, AnswerThatDoesNotVerifyUnderNewKeysFails) {
    auto session = realChip("MY");
    auto apdus = session.at("apdus");
    Bytes forged = hexField(apdus.at(2), "response");
    forged[forged.size() - 3] ^= 0x01; // inside DO8E
    for (const Bytes& answer : {forged, fromHex("6A82"), fromHex("9000")}) {
        SCOPED_TRACE(toHex(answer));
        test::ScriptedChannel card;
        card.expect(hexField(apdus.at(0), "command"), hexField(apdus.at(0), "response"));
        card.expect(hexField(apdus.at(1), "command"), hexField(apdus.at(1), "response"));
        card.expect(hexField(apdus.at(2), "command"), answer);
        sm::SecureMessagingChannel channel(card, keysBefore(session));
        verify::ChipAuthenticationResult result = verify::performChipAuthentication(
            channel, dg14Of(session), replay({hexField(session, "terminal_private_key")}));
        EXPECT_EQ(result.status, verify::ChipAuthenticationStatus::Failed);
        EXPECT_EQ(result.reason, verify::ChipAuthenticationReason::AnswerNotVerified);
        EXPECT_TRUE(channel.ended());
        EXPECT_TRUE(card.done());
    }
}

TEST(ChipAuthenticationTest, RemovedCardThrows) {
    auto session = realChip("DE");
    RemovedCard card;
    sm::SecureMessagingChannel channel(card, keysBefore(session));
    try {
        (void)verify::performChipAuthentication(channel, dg14Of(session), crypto::systemRandom());
        FAIL() << "a removed card gave a verdict";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::CardRemoved);
    }
}
