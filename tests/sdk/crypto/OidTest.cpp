// ITU-T X.690 §8.19 OBJECT IDENTIFIER contents, with OIDs named in ICAO 9303-10 §4.6.2.
#include "crypto/Oid.h"

#include <gtest/gtest.h>

#include "base/Error.h"

namespace cccd::crypto {
namespace {

TEST(OidTest, RoundTripsStandardOids) {
    for (const char* oid : {"2.23.136.1.1.1", "1.2.840.113549.1.1.10", "0.4.0.127.0.7.3.2.1",
                            "2.16.840.1.101.3.4.2.1", "1.2.840.10045.4.3.4"}) {
        EXPECT_EQ(decodeOid(encodeOid(oid)), oid);
    }
}

TEST(OidTest, BadEncodingsThrow) {
    EXPECT_THROW((void)decodeOid(Bytes{}), Error);
    EXPECT_THROW((void)decodeOid(Bytes{0x2A, 0x86}), Error);       // truncated arc
    EXPECT_THROW((void)decodeOid(Bytes{0x2A, 0x80, 0x01}), Error); // non-minimal arc
    EXPECT_THROW((void)encodeOid("1"), Error);
    EXPECT_THROW((void)encodeOid("1.2.x"), Error);
}

} // namespace
} // namespace cccd::crypto
