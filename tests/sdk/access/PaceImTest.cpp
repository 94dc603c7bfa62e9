// ICAO 9303-11 Appendix H (vectors/icao-pace-im.json): Integrated Mapping, H.1 with ECDH over
// brainpoolP256r1 and H.2 with DH over the RFC 5114 1024/160 group, both AES-128 with the
// password "123456" as CAN. Every intermediate value the vectors give, then the APDU exchange
// replayed byte-exact with injected randomness.
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/obj_mac.h>

#include <gtest/gtest.h>

#include "access/Pace.h"
#include "access/PaceCipherSuite.h"
#include "access/PaceIntegratedMapping.h"
#include "access/PacePassword.h"
#include "crypto/KeyAgreementGroup.h"
#include "sdk/access/PaceTestSupport.h"

using namespace cccd;
using test::hexField;
using test::text;

namespace {

nlohmann::json appendixH() {
    return test::vectors("icao-pace-im.json");
}

// OpenSSL's own arithmetic, independent of the code under test, for R_p = int(R) mod p.
std::string reduce(ByteView value, ByteView modulus) {
    BIGNUM* r = BN_bin2bn(value.data(), static_cast<int>(value.size()), nullptr);
    BIGNUM* p = BN_bin2bn(modulus.data(), static_cast<int>(modulus.size()), nullptr);
    BN_CTX* ctx = BN_CTX_new();
    BN_nnmod(r, r, p, ctx);
    Bytes out(static_cast<std::size_t>(BN_num_bytes(p)), 0);
    BN_bn2binpad(r, out.data(), static_cast<int>(out.size()));
    BN_CTX_free(ctx);
    BN_free(p);
    BN_free(r);
    return toHex(out);
}

Bytes brainpoolP256r1Prime() {
    EC_GROUP* group = EC_GROUP_new_by_curve_name(NID_brainpoolP256r1);
    BIGNUM* p = BN_new();
    EC_GROUP_get_curve(group, p, nullptr, nullptr, nullptr);
    Bytes out(static_cast<std::size_t>(BN_num_bytes(p)), 0);
    BN_bn2bin(p, out.data());
    BN_free(p);
    EC_GROUP_free(group);
    return out;
}

struct Example {
    nlohmann::json v;        ///< the H.1 or H.2 object
    nlohmann::json password; ///< shared by both
    Bytes prime;             ///< p of the static group

    [[nodiscard]] access::PaceCipherSuite suite() const {
        return access::PaceCipherSuite::fromProtocol(text(v, "protocol_oid"));
    }

    [[nodiscard]] std::unique_ptr<crypto::KeyAgreementGroup> group() const {
        return crypto::KeyAgreementGroup::standardized(v.at("parameter_id").get<std::uint64_t>());
    }

    [[nodiscard]] std::unique_ptr<crypto::KeyAgreementGroup> mapped() const {
        return group()->mapIntegrated(hexField(v, "prf_output_R"));
    }

    [[nodiscard]] access::PaceParameters parameters() const {
        access::PaceParameters parameters;
        parameters.protocol = text(v, "protocol_oid");
        parameters.parameterId = v.at("parameter_id").get<std::uint64_t>();
        return parameters; // the recorded MSE:Set AT carries DO 84
    }

    [[nodiscard]] Bytes can() const { return toBytes(text(password, "value_ascii")); }
};

Example h1() {
    auto file = appendixH();
    return {file.at("H1_ecdh_im"), file.at("password"), brainpoolP256r1Prime()};
}

Example h2() {
    auto file = appendixH();
    auto group = test::vectors("icao-pace-dh-gm.json").at("group"); // the same group 0
    return {file.at("H2_dh_im"), file.at("password"), hexField(group, "p")};
}

// H.2 gives the terminal's exponent as a 1024-bit number; the generator has order q, so the
// same public key comes from the exponent mod q, which is what the key generation draws.
Bytes h2TerminalPrivateKey(const Example& example) {
    Bytes q = hexField(test::vectors("icao-pace-dh-gm.json").at("group"), "q");
    return fromHex(reduce(hexField(example.v, "terminal_ephemeral_private_key"), q));
}

// IM draws the terminal's nonce t, then its ephemeral key.
crypto::RandomSource exampleRandom(const Example& example, Bytes ephemeralPrivateKey) {
    return test::replayRandom(
        {hexField(example.v, "terminal_nonce_t"), std::move(ephemeralPrivateKey)});
}

void checksIntermediates(const Example& example) {
    const auto& v = example.v;
    access::PaceCipherSuite suite = example.suite();
    EXPECT_EQ(suite.mapping, access::PaceMapping::Integrated);

    SecureBytes kPi =
        access::derivePacePasswordKey(access::PacePasswordType::Can, example.can(), suite.keyType);
    EXPECT_EQ(toHex(kPi), text(example.password, "K_pi"));
    SecureBytes s = suite.decryptNonce(kPi, hexField(v, "encrypted_nonce_z"));
    EXPECT_EQ(toHex(s), text(v, "nonce_s"));

    SecureBytes r = access::pacePseudoRandom(suite, s, hexField(v, "terminal_nonce_t"),
                                             example.group()->primeBits());
    EXPECT_EQ(toHex(r), text(v, "prf_output_R"));
    EXPECT_EQ(reduce(r, example.prime), text(v, "R_mod_p"));
}

void agreesKeysAndTokens(const Example& example, ByteView terminalPrivateKey) {
    const auto& v = example.v;
    auto mapped = example.mapped();
    crypto::EphemeralKeyPair terminal = mapped->generateKeyPair(
        test::replayRandom({Bytes(terminalPrivateKey.begin(), terminalPrivateKey.end())}));
    EXPECT_EQ(toHex(terminal.publicKey), text(v, "terminal_ephemeral_public_key"));

    Bytes chipKey = hexField(v, "chip_ephemeral_public_key");
    SecureBytes k = mapped->sharedSecret(terminal.privateKey, chipKey);
    EXPECT_EQ(toHex(k), text(v, "shared_secret_K"));

    access::PaceCipherSuite suite = example.suite();
    sm::SessionKeys keys = suite.sessionKeys(k);
    EXPECT_EQ(toHex(keys.ksEnc), text(v, "ks_enc"));
    EXPECT_EQ(toHex(keys.ksMac), text(v, "ks_mac"));
    EXPECT_EQ(toHex(suite.authenticationToken(keys.ksMac, chipKey)), text(v, "T_IFD"));
    EXPECT_EQ(toHex(suite.authenticationToken(keys.ksMac, terminal.publicKey)), text(v, "T_IC"));
}

void replaysExchange(const Example& example, Bytes terminalPrivateKey) {
    const auto& v = example.v;
    test::ScriptedChannel card;
    test::scriptApdus(card, v.at("apdus"), v.at("apdus").size());

    access::PaceResult result =
        access::performPace(card, example.parameters(), access::PacePasswordType::Can,
                            example.can(), exampleRandom(example, std::move(terminalPrivateKey)));

    EXPECT_TRUE(card.done());
    EXPECT_EQ(result.mapping, access::PaceMapping::Integrated);
    EXPECT_TRUE(result.chipMappingPublicKey.empty());
    EXPECT_EQ(toHex(result.sessionKeys.ksEnc), text(v, "ks_enc"));
    EXPECT_EQ(toHex(result.sessionKeys.ksMac), text(v, "ks_mac"));
    EXPECT_EQ(toHex(result.chipEphemeralPublicKey), text(v, "chip_ephemeral_public_key"));
}

} // namespace

TEST(PaceImTest, ComputesH1PseudoRandomNumber) {
    checksIntermediates(h1());
}

TEST(PaceImTest, MapsH1GeneratorByPointEncoding) {
    Example example = h1();
    EXPECT_EQ(toHex(example.mapped()->generator()), text(example.v, "mapped_generator_G"));
}

TEST(PaceImTest, AgreesH1KeysAndTokens) {
    Example example = h1();
    agreesKeysAndTokens(example, hexField(example.v, "terminal_ephemeral_private_key"));
    // The chip's side of the agreement gives the same K.
    auto mapped = example.mapped();
    EXPECT_EQ(toHex(mapped->sharedSecret(hexField(example.v, "chip_ephemeral_private_key"),
                                         hexField(example.v, "terminal_ephemeral_public_key"))),
              text(example.v, "shared_secret_K"));
}

TEST(PaceImTest, ReplaysH1Exchange) {
    Example example = h1();
    replaysExchange(example, hexField(example.v, "terminal_ephemeral_private_key"));
}

TEST(PaceImTest, ComputesH2PseudoRandomNumber) {
    checksIntermediates(h2());
}

TEST(PaceImTest, MapsH2GeneratorByExponentiation) {
    Example example = h2();
    EXPECT_EQ(toHex(example.mapped()->generator()), text(example.v, "mapped_generator_g"));
}

TEST(PaceImTest, AgreesH2KeysAndTokens) {
    Example example = h2();
    agreesKeysAndTokens(example, h2TerminalPrivateKey(example));
}

TEST(PaceImTest, ReplaysH2Exchange) {
    Example example = h2();
    replaysExchange(example, h2TerminalPrivateKey(example));
}

// §4.4.5.2.2: the chip's 82 is empty for IM; chips answer an empty 82, an empty 7C or no data.
TEST(PaceImTest, AcceptsTheFormsOfAnEmptyMappingAnswer) {
    Example example = h1();
    const auto& apdus = example.v.at("apdus");
    for (const char* answer : {"9000", "7C009000", "7C0282009000"}) {
        test::ScriptedChannel card;
        test::scriptApdus(card, apdus, 2);
        card.expect(hexField(apdus.at(2), "command"), fromHex(answer));
        card.expect(hexField(apdus.at(3), "command"), hexField(apdus.at(3), "response"));
        card.expect(hexField(apdus.at(4), "command"), hexField(apdus.at(4), "response"));
        access::PaceResult result = access::performPace(
            card, example.parameters(), access::PacePasswordType::Can, example.can(),
            exampleRandom(example, hexField(example.v, "terminal_ephemeral_private_key")));
        EXPECT_EQ(toHex(result.sessionKeys.ksEnc), text(example.v, "ks_enc")) << answer;
        EXPECT_TRUE(card.done()) << answer;
    }
}

TEST(PaceImTest, RefusedOrMalformedMappingAnswerFails) {
    Example example = h1();
    const auto& apdus = example.v.at("apdus");

    struct Row {
        const char* answer;
        ErrorCode code;
    };

    for (Row row : {Row{"6A80", ErrorCode::CardStatus}, Row{"6300", ErrorCode::CardStatus},
                    Row{"7D009000", ErrorCode::MalformedData},
                    Row{"7C058201009000", ErrorCode::MalformedData}}) {
        test::ScriptedChannel card;
        test::scriptApdus(card, apdus, 2);
        card.expect(hexField(apdus.at(2), "command"), fromHex(row.answer));
        test::expectError(row.code, [&] {
            (void)access::performPace(
                card, example.parameters(), access::PacePasswordType::Can, example.can(),
                exampleRandom(example, hexField(example.v, "terminal_ephemeral_private_key")));
        });
    }
}
