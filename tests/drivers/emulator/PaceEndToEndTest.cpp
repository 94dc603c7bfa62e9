// The SDK's terminal side of PACE (sdk/access performPace, ECDH Generic Mapping) and AES secure
// messaging (sdk/sm) against the emulated card through EmulatorChannel, in process: two
// independent implementations of ICAO 9303-11 §4.4 and §9.8 must agree.

#include <gtest/gtest.h>

#include "PaceVectors.h"
#include "access/Pace.h"
#include "base/Error.h"
#include "emulator/channel/EmulatorChannel.h"
#include "sm/SecureMessagingChannel.h"

using namespace cccd;
using namespace cccd::emulator;

namespace {

constexpr const char* EcdhGmAes128 = "0.4.0.127.0.7.2.2.4.2.2";
constexpr std::uint64_t BrainpoolP256r1 = 13;
constexpr const char* Can = "654321";

std::shared_ptr<EmulatedCard> paceCard() {
    CardProfile profile =
        emutest::paceProfile(EcdhGmAes128, BrainpoolP256r1, emutest::icaoMrzInformation(), Can);
    return std::make_shared<EmulatedCard>(std::move(profile));
}

access::PaceResult runPace(EmulatorChannel& channel, access::PacePasswordType type,
                           const std::string& password) {
    EXPECT_EQ(toHex(channel.transmit(fromHex("00A4040C07A0000002471001"))), "9000");
    return access::performPace(channel, {EcdhGmAes128, BrainpoolP256r1, true, {}}, type,
                               toBytes(password), crypto::systemRandom());
}

// SELECT and read DG1 under the session the SDK negotiated.
Bytes readDg1(EmulatorChannel& channel, access::PaceResult result) {
    sm::SecureMessagingChannel secure(channel, std::move(result.sessionKeys));
    apdu::ResponseApdu selected = secure.send({0x00, 0xA4, 0x02, 0x0C, fromHex("0101"), 0});
    EXPECT_TRUE(selected.isSuccess()) << std::hex << selected.sw;
    apdu::ResponseApdu read = secure.send({0x00, 0xB0, 0x00, 0x00, {}, 256});
    EXPECT_TRUE(read.isSuccess() || read.sw == 0x6282) << std::hex << read.sw;
    return read.data;
}

} // namespace

class PaceEndToEnd : public testing::TestWithParam<access::PacePasswordType> {};

TEST_P(PaceEndToEnd, SdkTerminalReadsAFileUnderAesSecureMessaging) {
    auto card = paceCard();
    EmulatorChannel channel(card);
    bool mrz = GetParam() == access::PacePasswordType::Mrz;
    access::PaceResult result =
        runPace(channel, GetParam(), mrz ? emutest::icaoMrzInformation() : std::string(Can));
    ASSERT_TRUE(card->secureMessagingActive());
    EXPECT_EQ(card->secureMessagingCipher(), SmCipher::Aes);
    EXPECT_EQ(result.sessionKeys.cipher, sm::SmCipher::Aes);

    const ElementaryFile& dg1 = card->profile().applicationFiles[1];
    ASSERT_EQ(dg1.fid, 0x0101);
    EXPECT_EQ(readDg1(channel, std::move(result)), dg1.data);
}

INSTANTIATE_TEST_SUITE_P(Passwords, PaceEndToEnd,
                         testing::Values(access::PacePasswordType::Can,
                                         access::PacePasswordType::Mrz));

TEST(PaceEndToEndTest, WrongCanIsRefusedAtStepFourWithoutSession) {
    auto card = paceCard();
    EmulatorChannel channel(card);
    try {
        (void)runPace(channel, access::PacePasswordType::Can, "111111");
        FAIL() << "PACE with a wrong CAN succeeded";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::AccessDenied);
        EXPECT_EQ(error.statusWord(), 0x6300);
    }
    EXPECT_FALSE(card->secureMessagingActive());
}

TEST(PaceEndToEndTest, PaceOnlyCardRefusesTheSdksBac) {
    auto card = paceCard();
    EmulatorChannel channel(card);
    EXPECT_EQ(toHex(channel.transmit(fromHex("00A4040C07A0000002471001"))), "9000");
    EXPECT_EQ(toHex(channel.transmit(fromHex("0084000008"))), "6D00");
}
