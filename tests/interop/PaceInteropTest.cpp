// Our PACE terminal (access::performPace) against OpenPACE (libeac) playing the chip, for every
// mapping, cipher suite and standardized parameter set (ICAO 9303-11 §4.4, §9.2.1, §9.5.1), with
// the invented holder's MRZ and CAN of cccd.md §1.3 and §2.1. After PACE, both sides must hold
// the same session keys and exchange protected SELECT and READ BINARY commands (§9.8) that each
// side checks with its own code.
#include <algorithm>
#include <optional>

#include <gtest/gtest.h>

#include "access/Pace.h"
#include "apdu/CommandApdu.h"
#include "base/Error.h"
#include "crypto/Random.h"
#include "interop/InteropData.h"
#include "interop/PaceInteropCase.h"
#include "sm/SecureMessagingChannel.h"

#if CCCD_HAVE_LIBEAC
#include "interop/OpenPaceCardChannel.h"
#endif

using namespace cccd;
using test::PaceInteropCase;

namespace {

[[maybe_unused]] constexpr const char* NoOpenPace =
    "OpenPACE (libeac-dev) not installed: interop not tested";

[[maybe_unused]] access::PaceParameters parameters(const PaceInteropCase& c) {
    return {c.protocolOid(), c.parameterId, true, {}};
}

#if CCCD_HAVE_LIBEAC
// The MODP groups of RFC 5114 behind parameter IDs 0-2 (ICAO 9303-11 §9.5.1): p of 1024 bits
// for ID 0, 2048 bits for IDs 1 and 2.
bool droppedLeadingZero(const PaceInteropCase& c, const test::OpenPaceCardChannel& chip) {
    if (c.parameterId > 2) {
        return false;
    }
    std::size_t primeSize = c.parameterId == 0 ? 128 : 256;
    std::size_t k = chip.sharedSecretSize();
    return k != 0 && k < primeSize;
}
#endif

// DES reads 7 bits of each key byte; the eighth is a parity bit (FIPS 46-3 §2). libeac sets odd
// parity on 3DES session keys, our KDF leaves the bits as SHA-1 gave them: both are one key.
[[maybe_unused]] bool sameKey(ByteView ours, ByteView theirs, test::PaceCipher cipher) {
    if (cipher != test::PaceCipher::Tdes) {
        return std::ranges::equal(ours, theirs);
    }
    auto withoutParity = [](std::uint8_t b) { return static_cast<std::uint8_t>(b & 0xFE); };
    return std::ranges::equal(ours, theirs, {}, withoutParity, withoutParity);
}

class PaceInteropTest : public ::testing::TestWithParam<PaceInteropCase> {};

class PaceInteropWrongPasswordTest : public ::testing::TestWithParam<PaceInteropCase> {};

std::string caseName(const ::testing::TestParamInfo<PaceInteropCase>& info) {
    return info.param.name();
}

} // namespace

TEST_P(PaceInteropTest, AgreesSessionKeysAndSecureMessagingWithOpenPaceChip) {
#if !CCCD_HAVE_LIBEAC
    GTEST_SKIP() << NoOpenPace;
#else
    const PaceInteropCase& c = GetParam();
    if (!test::openPaceSupports(c.protocolOid(), c.parameterId)) {
        GTEST_SKIP() << "this OpenPACE (libeac) cannot run " << c.protocolOid()
                     << " with parameter ID " << c.parameterId << ": not interop-tested";
    }
    auto holder = test::CccdHolder::fromSpec();
    Bytes file = test::referenceEfCom();
    test::OpenPaceCardChannel chip(
        {c.protocolOid(), c.parameterId, holder.mrz, holder.can, 0x011E, file});

    std::optional<access::PaceResult> result;
    try {
        result = access::performPace(chip, parameters(c), c.password, holder.password(c.password),
                                     crypto::systemRandom());
    } catch (const Error& e) {
        if (e.code() == ErrorCode::AccessDenied && droppedLeadingZero(c, chip)) {
            GTEST_SKIP() << "libeac dropped the leading zero octet of the DH secret K, which "
                            "ICAO 9303-11 App. G.2 pads to the length of p: a known OpenPACE "
                            "divergence (about 1 run in 256), not a fault of ours";
        }
        FAIL() << "our terminal: " << errorCodeName(e.code()) << ": " << e.what()
               << " (libeac K: " << chip.sharedSecretSize() << " bytes)";
    }

    // §9.7.1: both sides derived KS_enc and KS_mac from the same K. No key in the output.
    EXPECT_TRUE(sameKey(result->sessionKeys.ksEnc, chip.ksEnc(), c.cipher)) << "KS_enc differs";
    EXPECT_TRUE(sameKey(result->sessionKeys.ksMac, chip.ksMac(), c.cipher)) << "KS_mac differs";
    EXPECT_EQ(toHex(result->chipEphemeralPublicKey), toHex(chip.chipEphemeralPublicKey()));
    ASSERT_TRUE(chip.secureMessaging());

    // §9.8: our secure messaging wraps, libeac unwraps and answers, ours checks the answer.
    sm::SecureMessagingChannel secure(chip, result->sessionKeys);
    apdu::CommandApdu select{0x00, 0xA4, 0x02, 0x0C, {0x01, 0x1E}, 0, false};
    apdu::CommandApdu readBinary{0x00, 0xB0, 0x00, 0x00, {}, file.size(), false};
    try {
        EXPECT_TRUE(secure.send(select).isSuccess());
        apdu::ResponseApdu read = secure.send(readBinary);
        EXPECT_TRUE(read.isSuccess());
        EXPECT_EQ(toHex(read.data), toHex(file));
    } catch (const Error& e) {
        FAIL() << "secure messaging: " << errorCodeName(e.code()) << ": " << e.what();
    }
    ASSERT_EQ(chip.unwrappedCommands().size(), 2u);
    EXPECT_EQ(toHex(chip.unwrappedCommands()[0].encode()), toHex(select.encode()));
    EXPECT_EQ(toHex(chip.unwrappedCommands()[1].encode()), toHex(readBinary.encode()));
#endif
}

TEST_P(PaceInteropWrongPasswordTest, ChipRefusesAndTerminalThrowsAccessDenied) {
#if !CCCD_HAVE_LIBEAC
    GTEST_SKIP() << NoOpenPace;
#else
    const PaceInteropCase& c = GetParam();
    if (!test::openPaceSupports(c.protocolOid(), c.parameterId)) {
        GTEST_SKIP() << "this OpenPACE (libeac) cannot run " << c.protocolOid()
                     << " with parameter ID " << c.parameterId << ": not interop-tested";
    }
    auto holder = test::CccdHolder::fromSpec();
    test::OpenPaceCardChannel chip(
        {c.protocolOid(), c.parameterId, holder.mrz, holder.can, 0x011E, test::referenceEfCom()});

    try {
        (void)access::performPace(chip, parameters(c), c.password, holder.wrongPassword(c.password),
                                  crypto::systemRandom());
        ADD_FAILURE() << "PACE succeeded with a wrong password";
    } catch (const Error& e) {
        EXPECT_EQ(errorCodeName(e.code()), errorCodeName(ErrorCode::AccessDenied)) << e.what();
        EXPECT_EQ(e.statusWord(), 0x6300);
    }
    // §4.4.4.2: the chip refused, not our terminal: 6300 answered the terminal's token.
    ASSERT_FALSE(chip.statusWords().empty()) << "the chip saw no command";
    EXPECT_EQ(chip.statusWords().back(), 0x6300);
    EXPECT_FALSE(chip.secureMessaging());
#endif
}

INSTANTIATE_TEST_SUITE_P(OpenPace, PaceInteropTest,
                         ::testing::ValuesIn(test::allPaceInteropCases()), caseName);

INSTANTIATE_TEST_SUITE_P(OpenPace, PaceInteropWrongPasswordTest,
                         ::testing::ValuesIn(test::wrongPasswordCases()), caseName);
