// AES secure messaging (ICAO 9303-11 §9.8 with AES): the BSI EAC worked-example primitives and a
// real chip's session (vectors/aes-sm.json A and B), extended length under secure messaging, the
// 16-byte send sequence counter, and restarting a session with new keys.
#include <map>

#include <gtest/gtest.h>

#include "apdu/CommandApdu.h"
#include "apdu/ResponseApdu.h"
#include "base/Error.h"
#include "crypto/Cipher.h"
#include "crypto/Hash.h"
#include "crypto/Mac.h"
#include "crypto/Padding.h"
#include "sm/SecureMessagingChannel.h"
#include "support/ScriptedChannel.h"
#include "support/TestData.h"
#include "tlv/Tlv.h"

using namespace cccd;
using test::hexField;

namespace {

nlohmann::json aesVectors() {
    return test::vectors("aes-sm.json");
}

sm::SessionKeys sessionKeys(const nlohmann::json& v, sm::SmCipher cipher, Bytes ssc) {
    sm::SessionKeys keys;
    keys.cipher = cipher;
    keys.ksEnc = SecureBytes(hexField(v, "ks_enc"));
    keys.ksMac = SecureBytes(hexField(v, "ks_mac"));
    keys.ssc = std::move(ssc);
    return keys;
}

sm::SessionKeys aesKeys(const nlohmann::json& v, Bytes ssc = Bytes(16, 0)) {
    return sessionKeys(v, sm::SmCipher::Aes, std::move(ssc));
}

// The data objects of a protected command body, by tag.
std::map<std::uint32_t, Bytes> dataObjects(ByteView body) {
    std::map<std::uint32_t, Bytes> out;
    tlv::TlvReader reader(body);
    while (!reader.atEnd()) {
        tlv::Tlv t = reader.next();
        out[t.tag] = Bytes(t.encoded.begin(), t.encoded.end());
    }
    return out;
}

Bytes valueOf(ByteView encoded) {
    tlv::Tlv t = tlv::parse(encoded);
    return Bytes(t.value.begin(), t.value.end());
}

// The checksum ICAO 9303-11 §9.8.6.2 defines, computed here from the primitives alone:
// CMAC(KS_mac, pad(SSC || data))[0..7].
Bytes aesChecksum(const sm::SessionKeys& keys, ByteView ssc, ByteView data) {
    Bytes full = crypto::aesCmac(keys.ksMac, crypto::pad(concat(ssc, data), 16));
    return Bytes(full.begin(), full.begin() + 8);
}

// What a card sends back under AES secure messaging, built without the channel's own code:
// DO87 with E(KS_enc, SSC) as IV, DO99, DO8E over SSC || DO87 || DO99.
Bytes cardResponse(const sm::SessionKeys& keys, ByteView ssc, ByteView plain, std::uint16_t sw) {
    Bytes objects;
    if (!plain.empty()) {
        Bytes iv = crypto::aesEncryptBlock(keys.ksEnc, ssc);
        Bytes do87{0x01};
        append(do87, crypto::aesCbcEncrypt(keys.ksEnc, iv, crypto::pad(plain, 16)));
        append(objects, tlv::encode(0x87, do87));
    }
    append(objects, tlv::encode(0x99, Bytes{apdu::sw1(sw), apdu::sw2(sw)}));
    Bytes response = objects;
    append(response, tlv::encode(0x8E, aesChecksum(keys, ssc, objects)));
    append(response, Bytes{0x90, 0x00});
    return response;
}

Bytes counter(std::uint64_t low) {
    Bytes ssc(16, 0);
    for (std::size_t i = 0; i < 8; ++i) {
        ssc[15 - i] = static_cast<std::uint8_t>(low >> (8 * i));
    }
    return ssc;
}

} // namespace

// Part A: the chip-side MSE:Set DST data encrypted at SSC 1, a DO99 MACed at SSC 2.
TEST(AesSecureMessagingTest, ReplaysBsiWorkedExamplePrimitives) {
    for (const char* example : {"ecdh", "dh"}) {
        SCOPED_TRACE(example);
        auto v = aesVectors().at("A_bsi_eac_worked_example_primitives").at(example);
        auto enc = v.at("encryption");
        auto mac = v.at("mac");
        sm::SessionKeys keys = aesKeys(v);

        EXPECT_EQ(toHex(crypto::aesEncryptBlock(keys.ksEnc, hexField(enc, "ssc"))),
                  enc.at("iv_E_KSenc_SSC").get<std::string>());
        EXPECT_EQ(toHex(crypto::pad(hexField(enc, "plaintext"), 16)),
                  enc.at("padded_plaintext").get<std::string>());
        EXPECT_EQ(toHex(concat(hexField(mac, "ssc"), crypto::pad(hexField(mac, "data"), 16))),
                  mac.at("mac_input").get<std::string>());

        // Through the channel: the first command runs at SSC 1, its response at SSC 2.
        test::ScriptedChannel card;
        sm::SecureMessagingChannel channel(card, keys);
        apdu::CommandApdu setDst{0x00, 0x22, 0x81, 0xB6, hexField(enc, "plaintext"), 0, false};
        apdu::CommandApdu protectedCommand = channel.protect(setDst);
        EXPECT_EQ(toHex(channel.ssc()), enc.at("ssc").get<std::string>());
        Bytes do87 = valueOf(dataObjects(protectedCommand.data).at(0x87));
        EXPECT_EQ(toHex(ByteView(do87).subspan(1)), enc.at("ciphertext").get<std::string>());

        Bytes response = hexField(mac, "data");
        append(response, tlv::encode(0x8E, hexField(mac, "mac")));
        append(response, Bytes{0x90, 0x00});
        apdu::ResponseApdu plain = channel.unprotect(apdu::ResponseApdu::decode(response));
        EXPECT_EQ(toHex(channel.ssc()), mac.at("ssc").get<std::string>());
        EXPECT_TRUE(plain.isSuccess());
        EXPECT_TRUE(plain.data.empty());
    }
}

// Part B: every protected command byte-exact, the counter after each half, the file reassembled.
TEST(AesSecureMessagingTest, ReplaysRealChipSessionReadingCardSecurity) {
    auto b = aesVectors().at("B_real_chip_DE_session");
    test::ScriptedChannel card;
    sm::SecureMessagingChannel channel(card, aesKeys(b, hexField(b, "ssc_initial")));
    Bytes file;
    for (const auto& x : b.at("sm_exchanges")) {
        apdu::CommandApdu command = apdu::CommandApdu::decode(hexField(x, "unprotected_command"));
        EXPECT_EQ(toHex(channel.protect(command).encode()),
                  x.at("protected_command").get<std::string>());
        EXPECT_EQ(toHex(channel.ssc()), x.at("ssc_command").get<std::string>());

        apdu::ResponseApdu response =
            channel.unprotect(apdu::ResponseApdu::decode(hexField(x, "protected_response")));
        EXPECT_EQ(toHex(channel.ssc()), x.at("ssc_response").get<std::string>());
        EXPECT_EQ(toHex(response.encode()), x.at("unprotected_response").get<std::string>());
        if (command.ins == 0xB0) {
            append(file, response.data);
        }
    }
    EXPECT_EQ(toHex(channel.ssc()), b.at("ssc_final").get<std::string>());
    EXPECT_EQ(file.size(), b.at("ef_card_security_length").get<std::size_t>());
    EXPECT_EQ(toHex(crypto::sha256(file)), b.at("ef_card_security_sha256").get<std::string>());
    EXPECT_EQ(file,
              test::readFile(test::specDir() / "samples/de-real-pace-cam/EF_CardSecurity.bin"));
}

TEST(AesSecureMessagingTest, ChipResponseMacFailsUnderAnotherCounter) {
    auto b = aesVectors().at("B_real_chip_DE_session");
    auto first = b.at("sm_exchanges").at(0);
    test::ScriptedChannel card;
    sm::SecureMessagingChannel channel(card, aesKeys(b, counter(1)));
    (void)channel.protect(apdu::CommandApdu::decode(hexField(first, "unprotected_command")));
    EXPECT_THROW(
        (void)channel.unprotect(apdu::ResponseApdu::decode(hexField(first, "protected_response"))),
        Error);
    EXPECT_TRUE(channel.ended());
}

// The counter is one 128-bit big-endian integer: a carry crosses byte boundaries, and the IV and
// the MAC use the carried value.
TEST(AesSecureMessagingTest, CounterCarriesAcrossBytes) {
    auto v = aesVectors().at("A_bsi_eac_worked_example_primitives").at("ecdh");

    struct Row {
        const char* before;
        const char* afterCommand;
        const char* afterResponse;
    };

    for (Row row : {Row{"000000000000000000000000000000FF", "00000000000000000000000000000100",
                        "00000000000000000000000000000101"},
                    Row{"0000000000000000000000000000FFFF", "00000000000000000000000000010000",
                        "00000000000000000000000000010001"},
                    Row{"0000000000000000FFFFFFFFFFFFFFFF", "00000000000000010000000000000000",
                        "00000000000000010000000000000001"},
                    Row{"00FFFFFFFFFFFFFFFFFFFFFFFFFFFFFE", "00FFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
                        "01000000000000000000000000000000"}}) {
        SCOPED_TRACE(row.before);
        sm::SessionKeys keys = aesKeys(v, fromHex(row.before));
        test::ScriptedChannel card;
        sm::SecureMessagingChannel channel(card, keys);
        Bytes plain = fromHex("0102030405");
        apdu::CommandApdu out = channel.protect({0x00, 0xD6, 0x00, 0x00, plain, 0, false});
        EXPECT_EQ(toHex(channel.ssc()), row.afterCommand);

        Bytes commandSsc = fromHex(row.afterCommand);
        auto objects = dataObjects(out.data);
        Bytes iv = crypto::aesEncryptBlock(keys.ksEnc, commandSsc);
        Bytes do87 = valueOf(objects.at(0x87));
        EXPECT_EQ(crypto::unpad(crypto::aesCbcDecrypt(keys.ksEnc, iv, ByteView(do87).subspan(1))),
                  plain);
        Bytes macData = crypto::pad(Bytes{0x0C, 0xD6, 0x00, 0x00}, 16);
        append(macData, objects.at(0x87));
        EXPECT_EQ(valueOf(objects.at(0x8E)), aesChecksum(keys, commandSsc, macData));

        Bytes response = cardResponse(keys, fromHex(row.afterResponse), {}, 0x9000);
        EXPECT_TRUE(channel.unprotect(apdu::ResponseApdu::decode(response)).isSuccess());
        EXPECT_EQ(toHex(channel.ssc()), row.afterResponse);
    }
}

TEST(AesSecureMessagingTest, LongCommandDataBecomesExtendedWithLongDo87) {
    auto v = aesVectors().at("A_bsi_eac_worked_example_primitives").at("ecdh");
    sm::SessionKeys keys = aesKeys(v);
    test::ScriptedChannel card;
    sm::SecureMessagingChannel channel(card, keys);
    Bytes plain(300, 0x5A);
    apdu::CommandApdu command{0x00, 0x86, 0x00, 0x00, plain, apdu::ShortNeMax, false};
    Bytes encoded = channel.protect(command).encode();

    // 300 bytes pad to 304: DO87 = 87 82 01 31 01 || 304 bytes. Lc > 255 makes the plain command
    // extended, so its Le of 256 is written in two bytes in DO97 too (never short and extended
    // mixed in one command).
    std::size_t body = 4 + 305 + 4 + 10;
    ASSERT_EQ(encoded.size(), 4 + 3 + body + 2);
    EXPECT_EQ(toHex(ByteView(encoded).first(7)), "0C860000000143");
    EXPECT_EQ(toHex(ByteView(encoded).subspan(7, 5)), "8782013101");
    EXPECT_EQ(toHex(ByteView(encoded).subspan(7 + 309, 4)), "97020100");
    EXPECT_EQ(toHex(ByteView(encoded).last(2)), "0000"); // extended Le: any length

    Bytes ssc = counter(1);
    Bytes iv = crypto::aesEncryptBlock(keys.ksEnc, ssc);
    ByteView cryptogram = ByteView(encoded).subspan(12, 304);
    EXPECT_EQ(crypto::unpad(crypto::aesCbcDecrypt(keys.ksEnc, iv, cryptogram)), plain);
    Bytes macData = crypto::pad(Bytes{0x0C, 0x86, 0x00, 0x00}, 16);
    append(macData, ByteView(encoded).subspan(7, 313));
    EXPECT_EQ(toHex(ByteView(encoded).subspan(7 + 313 + 2, 8)),
              toHex(aesChecksum(keys, ssc, macData)));
}

TEST(AesSecureMessagingTest, ExtendedLeTravelsAsTwoByteDo97) {
    auto v = aesVectors().at("A_bsi_eac_worked_example_primitives").at("ecdh");

    struct Row {
        std::size_t ne;
        const char* do97;
    };

    for (Row row :
         {Row{1000, "970203E8"}, Row{apdu::ExtendedNeMax, "97020000"}, Row{256, "97020100"}}) {
        SCOPED_TRACE(row.do97);
        sm::SessionKeys keys = aesKeys(v);
        test::ScriptedChannel card;
        sm::SecureMessagingChannel channel(card, keys);
        apdu::CommandApdu readBinary{0x00, 0xB0, 0x00, 0x00, {}, row.ne, true};
        Bytes encoded = channel.protect(readBinary).encode();
        // 0C B0 00 00 | 00 00 0E | DO97 | DO8E | 00 00
        ASSERT_EQ(encoded.size(), 4u + 3 + 14 + 2);
        EXPECT_EQ(toHex(ByteView(encoded).subspan(4, 3)), "00000E");
        EXPECT_EQ(toHex(ByteView(encoded).subspan(7, 4)), row.do97);
        EXPECT_EQ(toHex(ByteView(encoded).last(2)), "0000");
        Bytes macData = crypto::pad(Bytes{0x0C, 0xB0, 0x00, 0x00}, 16);
        append(macData, ByteView(encoded).subspan(7, 4));
        EXPECT_EQ(toHex(ByteView(encoded).subspan(13, 8)),
                  toHex(aesChecksum(keys, counter(1), macData)));
    }
}

TEST(AesSecureMessagingTest, ReadsLongResponseThroughExtendedExchange) {
    auto v = aesVectors().at("A_bsi_eac_worked_example_primitives").at("dh");
    sm::SessionKeys keys = aesKeys(v);
    Bytes content(1500);
    for (std::size_t i = 0; i < content.size(); ++i) {
        content[i] = static_cast<std::uint8_t>(i * 7);
    }
    Bytes response = cardResponse(keys, counter(2), content, 0x9000);
    EXPECT_EQ(toHex(ByteView(response).first(4)), "878205E1"); // 1 + 1504 bytes

    test::ScriptedChannel card;
    card.m_capabilities.extendedLength = true; // else the extended command is refused unsent
    card.expect({}, response);
    sm::SecureMessagingChannel channel(card, keys);
    Bytes answer = channel.transmit(fromHex("00B000000005DC"));
    ASSERT_EQ(answer.size(), content.size() + 2);
    EXPECT_EQ(Bytes(answer.begin(), answer.end() - 2), content);
    EXPECT_EQ(toHex(ByteView(answer).last(2)), "9000");
    EXPECT_EQ(toHex(channel.ssc()), toHex(counter(2)));
}

// Chip Authentication replaces the keys in place and restarts the counter; the cipher may change.
TEST(AesSecureMessagingTest, RestartSwitchesToNewKeysAndCipher) {
    auto b = aesVectors().at("B_real_chip_DE_session");
    auto d4 = test::vectors("icao-bac.json").at("D4_secure_messaging");
    auto first = d4.at("exchanges").at(0);
    test::ScriptedChannel card;
    card.expect(hexField(first, "protected_command"), hexField(first, "protected_response"));
    sm::SecureMessagingChannel channel(card, aesKeys(b, hexField(b, "ssc_initial")));
    ASSERT_EQ(channel.cipher(), sm::SmCipher::Aes);

    channel.restart(sessionKeys(d4, sm::SmCipher::Tdes, hexField(d4, "ssc_initial")));
    EXPECT_EQ(channel.cipher(), sm::SmCipher::Tdes);
    EXPECT_EQ(toHex(channel.transmit(hexField(first, "unprotected_command"))),
              first.at("unprotected_response").get<std::string>());
    EXPECT_EQ(toHex(channel.ssc()), first.at("response_ssc").get<std::string>());
    EXPECT_TRUE(card.done());
}

TEST(AesSecureMessagingTest, RestartRefusesKeysThatDoNotFitTheCipher) {
    auto v = aesVectors().at("A_bsi_eac_worked_example_primitives").at("ecdh");
    test::ScriptedChannel card;
    sm::SecureMessagingChannel channel(card, aesKeys(v));
    try {
        channel.restart(aesKeys(v, Bytes(8, 0))); // an 8-byte counter is 3DES's
        FAIL() << "a short AES counter was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
    }
    sm::SessionKeys tdes = aesKeys(v, Bytes(8, 0));
    tdes.cipher = sm::SmCipher::Tdes;
    tdes.ksEnc = SecureBytes(Bytes(24, 1));
    EXPECT_THROW(channel.restart(tdes), Error);
    EXPECT_EQ(toHex(channel.ssc()), toHex(Bytes(16, 0))); // unchanged
}

TEST(AesSecureMessagingTest, EndedSessionStaysEndedAfterRestart) {
    auto v = aesVectors().at("A_bsi_eac_worked_example_primitives").at("ecdh");
    test::ScriptedChannel card;
    card.expect({}, fromHex("9000")); // success without protection ends the session
    sm::SecureMessagingChannel channel(card, aesKeys(v));
    EXPECT_THROW((void)channel.transmit(fromHex("00A4020C02011E")), Error);
    ASSERT_TRUE(channel.ended());
    channel.restart(aesKeys(v));
    EXPECT_TRUE(channel.ended());
    EXPECT_THROW((void)channel.transmit(fromHex("00A4020C02011E")), Error);
}
