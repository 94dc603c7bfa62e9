// The chip's PACE faults (PaceFaults.h) for the reader cases of BSI TR-03105-5.1 ISO7816_G: the
// worked examples of ICAO 9303-11 Appendix G replayed through the card with a fault planned; the
// faulted answer must be the example's with exactly the planned change, the other steps
// unchanged.

#include "emulator/card/PaceFaults.h"

#include <openssl/obj_mac.h>

#include <gtest/gtest.h>

#include "PaceVectors.h"
#include "base/Error.h"
#include "emulator/card/EmulatedCard.h"
#include "emulator/card/PaceDhGroup.h"
#include "emulator/card/PaceEcGroup.h"

using namespace cccd;
using namespace cccd::emulator;
using cccd::emutest::scriptedRandom;
using cccd::emutest::swOf;
using cccd::emutest::text;
using cccd::test::hexField;

namespace {

using AnswerChange = PaceFaults::AnswerChange;
using KeyChange = PaceFaults::PublicKeyChange;
using CamChange = PaceFaults::ChipAuthenticationDataChange;

// Offsets in the example's answers: 7C L 80 L z for step 1; 7C 43 82|84 41 04 x y for ECDH
// steps 2 and 3; 7C 81 83 82 81 80 y for the DH step 2.
constexpr std::size_t EcPointOffset = 4; // the 04 of the point
constexpr std::size_t EcCoordinateSize = 32;
constexpr std::size_t DhValueOffset = 6;
constexpr std::size_t DhValueSize = 128;

// A chip of an Appendix G example (G.1 ECDH, G.2 DH), with the example's nonce and keys.
struct Example {
    nlohmann::json v;
    EmulatedCard card;

    explicit Example(const char* file)
        : v(cccd::test::vectors(file)),
          card(emutest::paceProfile(text(v, "protocol_oid"), v["parameter_id"],
                                    text(v["password"], "mrz_information"), ""),
               scriptedRandom({hexField(v["nonce"], "decrypted_nonce_s"),
                               hexField(v["mapping"], "chip_mapping_private_key"),
                               hexField(v["key_agreement"], "chip_ephemeral_private_key")})) {}

    [[nodiscard]] Bytes command(std::size_t i) const { return hexField(v["apdus"][i], "command"); }

    [[nodiscard]] Bytes response(std::size_t i) const {
        return hexField(v["apdus"][i], "response");
    }

    // Sends MSE:Set AT and the steps up to `last`; returns the answer to `last`.
    Bytes runTo(std::size_t last) {
        Bytes answer;
        for (std::size_t i = 0; i <= last; ++i) {
            answer = card.transmit(command(i));
        }
        return answer;
    }
};

Example g1() {
    return Example("icao-pace-ecdh-gm.json");
}

PaceFaults answerFault(PaceStep step, AnswerChange change) {
    PaceFaults faults;
    faults.answer = PaceFaults::AnswerFault{step, change};
    return faults;
}

PaceFaults keyFault(PaceStep step, KeyChange change) {
    PaceFaults faults;
    faults.publicKey = PaceFaults::PublicKeyFault{step, change};
    return faults;
}

} // namespace

TEST(PaceFaultsTest, SetAuthenticationTemplateAnswersThePlannedStatusWord) {
    Example g = g1();
    g.card.faults().pace.setAuthenticationTemplateStatus = 0x6A80;
    EXPECT_EQ(toHex(g.card.transmit(g.command(0))), "6A80");
    EXPECT_EQ(toHex(g.card.transmit(g.command(1))), "6985") << "no run started";
}

TEST(PaceFaultsTest, StepStatusWordEndsTheRun) {
    Example g = g1();
    g.card.faults().pace.stepStatus = PaceFaults::StepStatus{PaceStep::KeyAgreement, 0x6A80};
    EXPECT_EQ(g.runTo(2), g.response(2)) << "steps before it unchanged";
    EXPECT_EQ(toHex(g.card.transmit(g.command(3))), "6A80");
    EXPECT_EQ(toHex(g.card.transmit(g.command(4))), "6985") << "the run ended";
}

// 90, 92, 94, 96 in place of 80, 82, 84, 86; the other steps as in the example.
TEST(PaceFaultsTest, WrongTagChangesOnlyThatStepsObject) {
    for (PaceStep step : {PaceStep::EncryptedNonce, PaceStep::MapNonce, PaceStep::KeyAgreement,
                          PaceStep::MutualAuthentication}) {
        auto index = static_cast<std::size_t>(step);
        SCOPED_TRACE(index);
        Example g = g1();
        g.card.faults().pace = answerFault(step, AnswerChange::WrongTag);
        for (std::size_t i = 0; i <= 4; ++i) {
            Bytes expected = g.response(i);
            if (i == index) {
                expected[2] = static_cast<std::uint8_t>(expected[2] + 0x10);
            }
            EXPECT_EQ(toHex(g.card.transmit(g.command(i))), toHex(expected)) << i;
        }
        EXPECT_TRUE(g.card.secureMessagingActive()) << "the chip's own run is sound";
    }
}

TEST(PaceFaultsTest, EmptyAndTruncatedAnswers) {
    Example empty = g1();
    empty.card.faults().pace = answerFault(PaceStep::MapNonce, AnswerChange::Empty);
    EXPECT_EQ(toHex(empty.runTo(2)), "7C009000");

    Example truncated = g1();
    truncated.card.faults().pace = answerFault(PaceStep::KeyAgreement, AnswerChange::Truncated);
    Bytes expected = truncated.response(3);
    expected.erase(expected.end() - 3); // the last data byte, before the status word
    EXPECT_EQ(toHex(truncated.runTo(3)), toHex(expected));
}

TEST(PaceFaultsTest, EcdhKeyChanges) {
    Bytes p = PaceEcGroup(NID_brainpoolP256r1).prime();
    EXPECT_EQ(toHex(ByteView(p).first(8)), "A9FB57DBA1EEA9BC"); // RFC 5639 §3.4

    Example x = g1();
    x.card.faults().pace = keyFault(PaceStep::MapNonce, KeyChange::XPlusOne);
    Bytes expected = x.response(2);
    expected[EcPointOffset + EcCoordinateSize] += 1; // last byte of x (no carry here)
    EXPECT_EQ(toHex(x.runTo(2)), toHex(expected));

    Example y = g1();
    y.card.faults().pace = keyFault(PaceStep::KeyAgreement, KeyChange::YPlusOne);
    expected = y.response(3);
    expected[EcPointOffset + 2 * EcCoordinateSize] += 1; // last byte of y
    EXPECT_EQ(toHex(y.runTo(3)), toHex(expected));

    Example prime = g1();
    prime.card.faults().pace = keyFault(PaceStep::KeyAgreement, KeyChange::XIsPrime);
    expected = prime.response(3);
    std::copy(p.begin(), p.end(), expected.begin() + EcPointOffset + 1);
    EXPECT_EQ(toHex(prime.runTo(3)), toHex(expected));
}

TEST(PaceFaultsTest, TerminalKeySentBack) {
    Example g = g1();
    g.card.faults().pace = keyFault(PaceStep::KeyAgreement, KeyChange::TerminalKey);
    Bytes answer = g.runTo(3);
    Bytes terminalKey = hexField(g.v["key_agreement"], "terminal_ephemeral_public_key");
    EXPECT_EQ(toHex(ByteView(answer).subspan(EcPointOffset, terminalKey.size())),
              toHex(terminalKey));
}

TEST(PaceFaultsTest, DhKeyChanges) {
    Bytes p = PaceDhGroup("dh_1024_160").prime();
    Bytes pMinusOne = p;
    pMinusOne.back() -= 1;
    Bytes one(DhValueSize, 0x00);
    one.back() = 0x01;
    for (auto [change, value] : {std::pair{KeyChange::Zero, Bytes(DhValueSize, 0x00)},
                                 {KeyChange::One, one},
                                 {KeyChange::PrimeMinusOne, pMinusOne},
                                 {KeyChange::Prime, p}}) {
        SCOPED_TRACE(static_cast<int>(change));
        Example g("icao-pace-dh-gm.json");
        g.card.faults().pace = keyFault(PaceStep::MapNonce, change);
        Bytes answer = g.runTo(2);
        ASSERT_EQ(swOf(answer), 0x9000);
        EXPECT_EQ(toHex(ByteView(answer).subspan(DhValueOffset, DhValueSize)), toHex(value));
    }
}

TEST(PaceFaultsTest, KeyChangeOfTheOtherAgreementIsRefused) {
    Example g = g1();
    g.card.faults().pace = keyFault(PaceStep::MapNonce, KeyChange::Prime);
    (void)g.runTo(1);
    EXPECT_THROW((void)g.card.transmit(g.command(2)), Error);
}

TEST(PaceFaultsTest, ChangedNonceAndWrongToken) {
    Example g = g1();
    g.card.faults().pace.changeEncryptedNonce = true;
    g.card.faults().pace.wrongToken = true;
    Bytes nonce = g.response(1);
    nonce[nonce.size() - 3] ^= 0x01;
    Bytes token = g.response(4);
    token[token.size() - 3] ^= 0x01;
    for (std::size_t i = 0; i <= 4; ++i) {
        Bytes expected = i == 1 ? nonce : i == 4 ? token : g.response(i);
        EXPECT_EQ(toHex(g.card.transmit(g.command(i))), toHex(expected)) << i;
    }
}

TEST(PaceFaultsTest, ChipAuthenticationDataAddedOnGenericMapping) {
    Example g = g1();
    g.card.faults().pace.chipAuthenticationData = CamChange::Added;
    // 7C 0A 86 08 T_IC becomes 7C 1C 86 08 T_IC 8A 10 00..00.
    std::string token = toHex(ByteView(g.response(4)).subspan(2, 10));
    EXPECT_EQ(toHex(g.runTo(4)), "7C1C" + token + "8A10" + std::string(32, '0') + "9000");
}

// The step-4 answer of ICAO 9303-11 Appendix I: 7C 3C 86 08 T_IC 8A 30 A_IC.
TEST(PaceFaultsTest, ChipAuthenticationDataChanges) {
    nlohmann::json v = cccd::test::vectors("icao-pace-cam.json");
    Bytes response = hexField(v["apdus"][4], "response");
    CardResponse original{Bytes(response.begin(), response.end() - 2), 0x9000, false};
    std::string token = toHex(ByteView(original.data).subspan(2, 10));
    std::string aIc = text(v["chip_authentication"], "encrypted_chip_authentication_data_A_IC");
    Bytes flipped = fromHex(aIc);
    flipped[0] ^= 0x80;

    auto changed = [&](CamChange change) {
        PaceFaults faults;
        faults.chipAuthenticationData = change;
        return toHex(
            applyPaceFaults(faults, PaceStep::MutualAuthentication, nullptr, {}, original).data);
    };
    EXPECT_EQ(changed(CamChange::Omitted), "7C0A" + token);
    EXPECT_EQ(changed(CamChange::OctetString), "7C3E" + token + "8A320430" + aIc);
    EXPECT_EQ(changed(CamChange::WrongValue), "7C3C" + token + "8A30" + toHex(flipped));
    EXPECT_EQ(changed(CamChange::Tag8B), "7C3C" + token + "8B30" + aIc);
    EXPECT_EQ(changed(CamChange::Empty), "7C0C" + token + "8A00");
    EXPECT_EQ(changed(CamChange::Added), toHex(original.data)) << "CAM has its 8A already";
}

TEST(PaceFaultsTest, RefusalsPassUnchanged) {
    PaceFaults faults;
    faults.wrongToken = true;
    faults.answer = PaceFaults::AnswerFault{PaceStep::MutualAuthentication, AnswerChange::Empty};
    CardResponse refusal{{}, 0x6300, false};
    CardResponse out =
        applyPaceFaults(faults, PaceStep::MutualAuthentication, nullptr, {}, refusal);
    EXPECT_TRUE(out.data.empty());
    EXPECT_EQ(out.statusWord, 0x6300);
}
