#include "lds/Oid.h"

#include <gtest/gtest.h>

#include "base/Error.h"

using namespace cccd;

TEST(OidTest, RoundTripsProtocolAndAlgorithmIdentifiers) {
    struct Case {
        const char* dotted;
        const char* der;
    };

    for (Case c : {Case{"0.4.0.127.0.7.2.2.4.2.2", "04007F00070202040202"},
                   Case{"1.0.10646.1.0.8", "28D316010008"},
                   Case{"1.2.840.113549.1.1.1", "2A864886F70D010101"},
                   Case{"2.23.136.1.1.5", "6781080101 05"}, Case{"2.999.3", "883703"}}) {
        EXPECT_EQ(lds::oidToString(fromHex(c.der)), c.dotted);
        EXPECT_EQ(toHex(lds::oidFromString(c.dotted)), toHex(fromHex(c.der)));
    }
    EXPECT_EQ(toHex(lds::encodeOid("1.0.10646.1.0.8")), "060628D316010008");
}

TEST(OidTest, RejectsMalformedEncodingsAndStrings) {
    EXPECT_THROW((void)lds::oidToString({}), Error);
    EXPECT_THROW((void)lds::oidToString(fromHex("2A86")), Error);
    EXPECT_THROW((void)lds::oidToString(fromHex("FFFFFFFFFFFFFFFFFFFF7F")), Error);
    for (const char* bad : {"", "1", "1..2", "3.1", "1.40", "1.2.x", "1.2."}) {
        try {
            (void)lds::oidFromString(bad);
            ADD_FAILURE() << bad;
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
        }
    }
}
