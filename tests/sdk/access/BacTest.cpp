// ICAO 9303-11 Appendix D (vectors/icao-bac.json) replayed byte-exact with injected randomness.
#include "access/Bac.h"

#include <gtest/gtest.h>

#include "base/Error.h"
#include "sm/SecureMessagingChannel.h"
#include "support/ScriptedChannel.h"
#include "support/TestData.h"

using namespace cccd;
using test::hexField;

namespace {

nlohmann::json bacVectors() {
    return test::vectors("icao-bac.json");
}

crypto::RandomSource replay(std::vector<Bytes> values) {
    auto queue = std::make_shared<std::vector<Bytes>>(std::move(values));
    return [queue](std::size_t count) {
        Bytes next = queue->front();
        queue->erase(queue->begin());
        EXPECT_EQ(next.size(), count);
        return next;
    };
}

} // namespace

TEST(BacTest, DerivesAppendixD2KeysFromMrzInformation) {
    auto d2 = bacVectors().at("D2_derive_basic_access_keys");
    auto keys = access::deriveBacKeys(toBytes(d2.at("mrz_information").get<std::string>()));
    EXPECT_EQ(toHex(keys.kEnc), d2.at("k_enc").get<std::string>());
    EXPECT_EQ(toHex(keys.kMac), d2.at("k_mac").get<std::string>());
}

TEST(BacTest, ReplaysAppendixD3MutualAuthentication) {
    auto v = bacVectors();
    auto d2 = v.at("D2_derive_basic_access_keys");
    auto d3 = v.at("D3_authentication_and_session_keys");
    test::ScriptedChannel card;
    card.expect(hexField(d3, "get_challenge_command"), hexField(d3, "get_challenge_response"));
    card.expect(hexField(d3, "external_authenticate_command"),
                hexField(d3, "external_authenticate_response"));

    auto session = access::performBac(card, toBytes(d2.at("mrz_information").get<std::string>()),
                                      replay({hexField(d3, "rnd_ifd"), hexField(d3, "k_ifd")}));

    EXPECT_TRUE(card.done());
    EXPECT_EQ(toHex(session.ksEnc), d3.at("ks_enc").get<std::string>());
    EXPECT_EQ(toHex(session.ksMac), d3.at("ks_mac").get<std::string>());
    EXPECT_EQ(toHex(session.ssc), d3.at("ssc").get<std::string>());
}

TEST(BacTest, WrongKeyIsAccessDenied) {
    auto v = bacVectors();
    auto d3 = v.at("D3_authentication_and_session_keys");
    test::ScriptedChannel card;
    card.expect(hexField(d3, "get_challenge_command"), hexField(d3, "get_challenge_response"));
    card.expect({}, fromHex("6300"));
    try {
        (void)access::performBac(card, toBytes("L898902C<369080619406237"),
                                 replay({hexField(d3, "rnd_ifd"), hexField(d3, "k_ifd")}));
        FAIL() << "BAC with a wrong key succeeded";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::AccessDenied);
        EXPECT_EQ(e.statusWord(), 0x6300);
    }
}

TEST(BacTest, ForgedChipCryptogramIsRejected) {
    auto v = bacVectors();
    auto d2 = v.at("D2_derive_basic_access_keys");
    auto d3 = v.at("D3_authentication_and_session_keys");
    test::ScriptedChannel card;
    card.expect(hexField(d3, "get_challenge_command"), hexField(d3, "get_challenge_response"));
    Bytes forged = hexField(d3, "external_authenticate_response");
    forged[3] ^= 0x01;
    card.expect(hexField(d3, "external_authenticate_command"), forged);
    EXPECT_THROW((void)access::performBac(card,
                                          toBytes(d2.at("mrz_information").get<std::string>()),
                                          replay({hexField(d3, "rnd_ifd"), hexField(d3, "k_ifd")})),
                 Error);
}
