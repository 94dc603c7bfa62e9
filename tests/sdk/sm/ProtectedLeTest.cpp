// The largest READ BINARY Le whose protected response still fits a reader's response size
// (ICAO 9303-11 §9.8): hand-computed cases for 3DES and AES, short and extended, the length-form
// boundaries of DO87, and every size up to past 65,538 against the response's own layout.
#include <gtest/gtest.h>

#include "sm/SecureMessagingChannel.h"
#include "support/ScriptedChannel.h"
#include "transport/ReaderLimits.h"

using namespace cccd;
using sm::largestProtectedLe;
using sm::SmCipher;

namespace {

std::size_t blockOf(SmCipher cipher) {
    return cipher == SmCipher::Aes ? 16 : 8;
}

// The protected response to a READ BINARY answering `plain` bytes, SW included, laid out
// object by object: DO87 = 87 L 01 || cryptogram (method-2 padding, always one byte at least),
// DO99 = 99 02 SW1 SW2, DO8E = 8E 08 MAC, then SW1 SW2.
std::size_t protectedResponseSize(SmCipher cipher, std::size_t plain) {
    std::size_t cryptogram = (plain / blockOf(cipher) + 1) * blockOf(cipher);
    std::size_t value = 1 + cryptogram;
    std::size_t lengthField = value < 0x80 ? 1 : value <= 0xFF ? 2 : value <= 0xFFFF ? 3 : 4;
    return 1 + lengthField + value + 4 + 10 + 2;
}

} // namespace

// Worked by hand: 3DES, Le 231 -> 232 bytes of cryptogram, DO87 = 87 81 E9 01 || 232 = 236 bytes,
// + DO99 4 + DO8E 10 = 250 <= 256 data bytes; Le 232 needs 240 bytes of cryptogram: 258 > 256.
// AES, Le 223 -> 224 bytes: 228 + 14 = 242; Le 224 -> 240 bytes: 258 > 256.
TEST(ProtectedLeTest, ShortResponsesHold231PlainBytesWith3DesAnd223WithAes) {
    EXPECT_EQ(largestProtectedLe(SmCipher::Tdes, 256 + 2), 231u);
    EXPECT_EQ(largestProtectedLe(SmCipher::Aes, 256 + 2), 223u);
}

// Extended: 3DES, 65,512 bytes of cryptogram take 87 82 FF E9 01 || 65,512 = 65,517 bytes, + 14 =
// 65,531 <= 65,536; AES, 65,504 bytes: 65,509 + 14 = 65,523; the next block would not fit.
TEST(ProtectedLeTest, ExtendedResponsesHold65511PlainBytesWith3DesAnd65503WithAes) {
    EXPECT_EQ(largestProtectedLe(SmCipher::Tdes, 65536 + 2), 65511u);
    EXPECT_EQ(largestProtectedLe(SmCipher::Aes, 65536 + 2), 65503u);
}

// A reader with a 130-byte buffer (SW included): 3DES 104 bytes of cryptogram, 87 69 01 || 104 =
// 107 + 14 + 2 = 123 <= 130, 112 bytes would make 131; AES 96 bytes: 99 + 16 = 115, 112 would
// make 131.
TEST(ProtectedLeTest, SmallReaderBufferLimitsLe) {
    EXPECT_EQ(largestProtectedLe(SmCipher::Tdes, 130), 103u);
    EXPECT_EQ(largestProtectedLe(SmCipher::Aes, 130), 95u);
}

// DO87's length takes a second byte from 128 on: 3DES with 128 bytes of cryptogram is
// 87 81 81 01 || 128 = 132 + 16 = 148 bytes; one byte less and 120 bytes (87 79 01 || 120 =
// 123 + 16 = 139) is the most.
TEST(ProtectedLeTest, LengthFormBoundaryOfDo87) {
    EXPECT_EQ(largestProtectedLe(SmCipher::Tdes, 148), 127u);
    EXPECT_EQ(largestProtectedLe(SmCipher::Tdes, 147), 119u);
}

// Nothing fits below one block: 3DES needs 87 09 01 || 8 + 14 + 2 = 27 bytes, AES 35.
TEST(ProtectedLeTest, NoBlockFitsGivesZero) {
    EXPECT_EQ(largestProtectedLe(SmCipher::Tdes, 26), 0u);
    EXPECT_EQ(largestProtectedLe(SmCipher::Tdes, 27), 7u);
    EXPECT_EQ(largestProtectedLe(SmCipher::Aes, 34), 0u);
    EXPECT_EQ(largestProtectedLe(SmCipher::Aes, 35), 15u);
    EXPECT_EQ(largestProtectedLe(SmCipher::Aes, 0), 0u);
}

// For every response size: the answer fits, and one byte more would not.
TEST(ProtectedLeTest, EveryResponseSizeGetsTheLargestLeThatFits) {
    for (SmCipher cipher : {SmCipher::Tdes, SmCipher::Aes}) {
        for (std::size_t size = 0; size <= 65540; ++size) {
            std::size_t le = largestProtectedLe(cipher, size);
            if (le > 0) {
                ASSERT_LE(protectedResponseSize(cipher, le), size) << size;
            }
            ASSERT_GT(protectedResponseSize(cipher, le + 1), size) << size;
        }
    }
}

// The channel gives FileReader the same figure from a reader's limits.
TEST(ProtectedLeTest, ChannelCapabilitiesFollowTheReadersLimits) {
    test::ScriptedChannel reader;
    transport::ReaderLimits limits;
    limits.maxResponseSize = 130;
    reader.m_capabilities = transport::limitedTo(reader.m_capabilities, limits);
    sm::SessionKeys aes;
    aes.cipher = SmCipher::Aes;
    aes.ssc = Bytes(16, 0);
    aes.ksEnc = SecureBytes(Bytes(16, 0x11)); // any key: a channel without one does not protect
    aes.ksMac = SecureBytes(Bytes(16, 0x22));
    sm::SecureMessagingChannel channel(reader, aes);
    EXPECT_EQ(channel.capabilities().maxShortResponseDataSize, 95u);
    EXPECT_EQ(channel.capabilities().maxResponseDataSize, 95u);
}
