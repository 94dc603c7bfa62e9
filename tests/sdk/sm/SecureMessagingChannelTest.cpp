// ICAO 9303-11 Appendix D.4 (3DES) and the session rules; AES sessions are in
// AesSecureMessagingTest.cpp.
#include "sm/SecureMessagingChannel.h"

#include <gtest/gtest.h>

#include "base/Error.h"
#include "support/ScriptedChannel.h"
#include "support/TestData.h"

using namespace cccd;
using test::hexField;

namespace {

sm::SessionKeys keysFrom(const nlohmann::json& v, sm::SmCipher cipher, const char* sscKey) {
    sm::SessionKeys keys;
    keys.cipher = cipher;
    keys.ksEnc = SecureBytes(hexField(v, "ks_enc"));
    keys.ksMac = SecureBytes(hexField(v, "ks_mac"));
    keys.ssc = hexField(v, sscKey);
    return keys;
}

} // namespace

TEST(SecureMessagingChannelTest, ReplaysAppendixD4ExchangesByteExact) {
    auto d4 = test::vectors("icao-bac.json").at("D4_secure_messaging");
    test::ScriptedChannel card;
    for (const auto& x : d4.at("exchanges")) {
        card.expect(hexField(x, "protected_command"), hexField(x, "protected_response"));
    }
    sm::SecureMessagingChannel channel(card, keysFrom(d4, sm::SmCipher::Tdes, "ssc_initial"));
    Bytes efCom;
    for (const auto& x : d4.at("exchanges")) {
        Bytes response = channel.transmit(hexField(x, "unprotected_command"));
        EXPECT_EQ(toHex(response), x.at("unprotected_response").get<std::string>());
        EXPECT_EQ(toHex(channel.ssc()), x.at("response_ssc").get<std::string>());
        if (response.size() > 2) {
            append(efCom, ByteView(response).first(response.size() - 2));
        }
    }
    EXPECT_EQ(toHex(efCom), d4.at("ef_com_reassembled").get<std::string>());
    EXPECT_TRUE(card.done());
}

TEST(SecureMessagingChannelTest, WrongResponseMacEndsTheSession) {
    auto d4 = test::vectors("icao-bac.json").at("D4_secure_messaging");
    auto first = d4.at("exchanges").at(0);
    Bytes tampered = hexField(first, "protected_response");
    tampered[6] ^= 0x01;
    test::ScriptedChannel card;
    card.expect(hexField(first, "protected_command"), tampered);
    sm::SecureMessagingChannel channel(card, keysFrom(d4, sm::SmCipher::Tdes, "ssc_initial"));
    try {
        (void)channel.transmit(hexField(first, "unprotected_command"));
        FAIL() << "a forged MAC was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::SecureMessaging);
    }
    EXPECT_THROW((void)channel.transmit(hexField(first, "unprotected_command")), Error);
}

TEST(SecureMessagingChannelTest, RejectsUnprotectedSuccessAndPassesPlainErrors) {
    auto d4 = test::vectors("icao-bac.json").at("D4_secure_messaging");
    test::ScriptedChannel card;
    card.expect({}, fromHex("6A82"));
    card.expect({}, fromHex("9000"));
    sm::SecureMessagingChannel channel(card, keysFrom(d4, sm::SmCipher::Tdes, "ssc_initial"));
    EXPECT_EQ(toHex(channel.transmit(fromHex("00A4020C020105"))), "6A82");
    EXPECT_THROW((void)channel.transmit(fromHex("00A4020C020101")), Error);
}

TEST(SecureMessagingChannelTest, LargestShortReadFitsIn256Bytes) {
    sm::SessionKeys tdes;
    tdes.ssc = Bytes(8, 0);
    test::ScriptedChannel card;
    sm::SecureMessagingChannel channel3(card, tdes);
    EXPECT_EQ(channel3.maxPlaintextResponse(256), 231u);
    sm::SessionKeys aes;
    aes.cipher = sm::SmCipher::Aes;
    aes.ssc = Bytes(16, 0);
    sm::SecureMessagingChannel channelAes(card, aes);
    EXPECT_EQ(channelAes.maxPlaintextResponse(256), 223u);
}
