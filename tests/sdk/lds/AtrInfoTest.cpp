// EF.ATR/INFO's extended length information (ISO/IEC 7816-4 §12.7.1), with the files of BSI
// TR-03105-5.1 unit LDS_K (../shared/spec/conformance.md §2.12).
#include "lds/AtrInfo.h"

#include <gtest/gtest.h>

#include "base/Error.h"

using namespace cccd;

TEST(AtrInfoTest, TwoSizesAreRead) {
    lds::AtrInfo info = lds::AtrInfo::parse(fromHex("7F66080202078002020780"));
    EXPECT_EQ(info.extendedLength.maxCommandApdu, 1920U);
    EXPECT_EQ(info.extendedLength.maxResponseApdu, 1920U);
}

// Other data objects and padding around 7F66 (ISO/IEC 7816-4 §5.2), long-form lengths.
TEST(AtrInfoTest, OtherObjectsPaddingAndLongLengthsAreAccepted) {
    lds::AtrInfo info =
        lds::AtrInfo::parse(fromHex("4703D40200007F6682000C0282000200FF0282000207800000FFFF"));
    EXPECT_EQ(info.extendedLength.maxCommandApdu, 255U);
    EXPECT_EQ(info.extendedLength.maxResponseApdu, 1920U);
}

TEST(AtrInfoTest, FilesWithoutTwoSizesAreMalformed) {
    for (const char* hex : {
             "7F660402020780",         // one size (LDS_K_03)
             "7F65080202078002020780", // no 7F66 (LDS_K_04)
             "7F66070201000202078000", // a zero size
             "7F66080402078004020780", // OCTET STRINGs, not INTEGERs
             "7F6608020207800202",     // cut short
         }) {
        SCOPED_TRACE(hex);
        try {
            (void)lds::AtrInfo::parse(fromHex(hex));
            ADD_FAILURE() << "accepted";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::MalformedData);
        }
    }
}
