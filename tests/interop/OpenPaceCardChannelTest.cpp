// The OpenPACE chip channel on its own: libeac as the terminal too (OpenPaceTerminal), for every
// case of the interop suite, so that a failing interop case points at one of the two PACE
// implementations and not at the channel. Then our secure messaging reads a file with libeac's
// keys, and the channel's refusals (wrong password, tampered MAC) are checked.
#include "interop/OpenPaceCardChannel.h"

#include <gtest/gtest.h>

#include "apdu/CommandApdu.h"
#include "base/Error.h"
#include "interop/InteropData.h"
#include "interop/OpenPaceTerminal.h"
#include "interop/PaceInteropCase.h"
#include "sm/SecureMessagingChannel.h"

using namespace cccd;
using test::PaceInteropCase;

namespace {

test::OpenPaceChip chipFor(const PaceInteropCase& c, const test::CccdHolder& holder) {
    return {c.protocolOid(), c.parameterId, holder.mrz, holder.can, 0x011E, test::referenceEfCom()};
}

// The secret libeac reads: the CAN, or the whole MRZ (libeac finds the MRZ information in it).
std::string openPaceSecret(const PaceInteropCase& c, const test::CccdHolder& holder) {
    return c.password == access::PacePasswordType::Can ? holder.can : holder.mrz;
}

const apdu::CommandApdu SelectEfCom{0x00, 0xA4, 0x02, 0x0C, {0x01, 0x1E}, 0, false};

class OpenPaceCardChannelTest : public ::testing::TestWithParam<PaceInteropCase> {};

std::string caseName(const ::testing::TestParamInfo<PaceInteropCase>& info) {
    return info.param.name();
}

} // namespace

TEST_P(OpenPaceCardChannelTest, AgreesWithOpenPaceTerminalAndServesSecureMessaging) {
    const PaceInteropCase& c = GetParam();
    if (!test::openPaceSupports(c.protocolOid(), c.parameterId)) {
        GTEST_SKIP() << "this OpenPACE (libeac) cannot run " << c.protocolOid()
                     << " with parameter ID " << c.parameterId;
    }
    auto holder = test::CccdHolder::fromSpec();
    test::OpenPaceCardChannel chip(chipFor(c, holder));

    sm::SessionKeys keys = test::openPaceTerminalPace(chip, c.protocolOid(), c.parameterId,
                                                      c.password, openPaceSecret(c, holder));
    EXPECT_TRUE(std::ranges::equal(keys.ksEnc.view(), chip.ksEnc().view()));
    EXPECT_TRUE(std::ranges::equal(keys.ksMac.view(), chip.ksMac().view()));
    ASSERT_TRUE(chip.secureMessaging());

    Bytes file = test::referenceEfCom();
    sm::SecureMessagingChannel secure(chip, std::move(keys));
    EXPECT_TRUE(secure.send(SelectEfCom).isSuccess());
    apdu::ResponseApdu read = secure.send({0x00, 0xB0, 0x00, 0x00, {}, file.size(), false});
    EXPECT_TRUE(read.isSuccess());
    EXPECT_EQ(toHex(read.data), toHex(file));
}

TEST(OpenPaceCardChannelRefusalTest, AnswersWrongCanWith6300) {
    PaceInteropCase c;
    auto holder = test::CccdHolder::fromSpec();
    test::OpenPaceCardChannel chip(chipFor(c, holder));
    SecureBytes wrong = holder.wrongPassword(access::PacePasswordType::Can);

    try {
        (void)test::openPaceTerminalPace(chip, c.protocolOid(), c.parameterId,
                                         access::PacePasswordType::Can,
                                         std::string(wrong.view().begin(), wrong.view().end()));
        ADD_FAILURE() << "PACE succeeded with a wrong CAN";
    } catch (const Error& e) {
        EXPECT_EQ(e.statusWord(), 0x6300) << e.what();
    }
    EXPECT_FALSE(chip.secureMessaging());
}

TEST(OpenPaceCardChannelRefusalTest, EndsSecureMessagingOnTamperedMac) {
    PaceInteropCase c;
    auto holder = test::CccdHolder::fromSpec();
    test::OpenPaceCardChannel chip(chipFor(c, holder));
    sm::SessionKeys keys = test::openPaceTerminalPace(chip, c.protocolOid(), c.parameterId,
                                                      c.password, openPaceSecret(c, holder));

    sm::SecureMessagingChannel secure(chip, std::move(keys));
    Bytes command = secure.protect(SelectEfCom).encode();
    command[command.size() - 2] ^= 0x01; // the last byte of DO8E, before Le
    Bytes answer = chip.transmit(command);

    EXPECT_EQ(toHex(answer), "6988");
    EXPECT_FALSE(chip.secureMessaging());
    EXPECT_TRUE(chip.unwrappedCommands().empty());
}

TEST(OpenPaceCardChannelRefusalTest, RefusesAnotherProtocolInMseSetAt) {
    PaceInteropCase c;
    auto holder = test::CccdHolder::fromSpec();
    test::OpenPaceCardChannel chip(chipFor(c, holder));
    PaceInteropCase other{test::PaceMapping::EcdhGm, test::PaceCipher::Aes256, c.parameterId,
                          c.password};

    EXPECT_THROW((void)test::openPaceTerminalPace(chip, other.protocolOid(), c.parameterId,
                                                  c.password, openPaceSecret(c, holder)),
                 Error);
    EXPECT_EQ(chip.statusWords().back(), 0x6A80);
}

INSTANTIATE_TEST_SUITE_P(OpenPace, OpenPaceCardChannelTest,
                         ::testing::ValuesIn(test::allPaceInteropCases()), caseName);
