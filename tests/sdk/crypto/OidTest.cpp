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

// PACE (ICAO 9303-11 §9.2.1), the DG13 text encoding (ISO/IEC 10646 UTF-8), RSA (RFC 8017),
// Active Authentication (ICAO 9303-11 §9.2.8) and a first subidentifier past 80 (X.690 §8.19.4).
TEST(OidTest, EncodesKnownContentsOctets) {
    struct Case {
        const char* dotted;
        const char* der;
    };

    for (Case c : {Case{"0.4.0.127.0.7.2.2.4.2.2", "04007F00070202040202"},
                   Case{"1.0.10646.1.0.8", "28D316010008"},
                   Case{"1.2.840.113549.1.1.1", "2A864886F70D010101"},
                   Case{"2.23.136.1.1.5", "678108010105"}, Case{"2.999.3", "883703"}}) {
        EXPECT_EQ(decodeOid(fromHex(c.der)), c.dotted);
        EXPECT_EQ(toHex(encodeOid(c.dotted)), c.der);
    }
    EXPECT_EQ(toHex(encodeOidObject("1.0.10646.1.0.8")), "060628D316010008");
}

TEST(OidTest, BadEncodingsThrow) {
    EXPECT_THROW((void)decodeOid(Bytes{}), Error);
    EXPECT_THROW((void)decodeOid(Bytes{0x2A, 0x86}), Error);                 // truncated arc
    EXPECT_THROW((void)decodeOid(Bytes{0x2A, 0x80, 0x01}), Error);           // non-minimal arc
    EXPECT_THROW((void)decodeOid(fromHex("FFFFFFFFFFFFFFFFFFFF7F")), Error); // past 64 bits
}

TEST(OidTest, BadDottedFormsAreInvalidArguments) {
    for (const char* bad :
         {"", "1", "1..2", "3.1", "1.40", "1.2.x", "1.2.", ".1.2", "2.18446744073709551615"}) {
        try {
            (void)encodeOid(bad);
            ADD_FAILURE() << bad;
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::InvalidArgument) << bad;
        }
    }
}

} // namespace
} // namespace cccd::crypto
