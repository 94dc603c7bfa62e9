// The conformance harness itself: the default card passes, and a data group changed after
// signing fails Passive Authentication unless the card is re-signed (conformance.md §1.5).
#include <gtest/gtest.h>

#include "ConformanceCard.h"

using namespace cccd;
using namespace cccd::conformance;

TEST(ConformanceSmokeTest, DefaultCardIsSuccessful) {
    ConformanceCard card = buildCard("vn-basic");
    Inspection result = inspect(card);
    EXPECT_EQ(result.verdict(), Verdict::Successful) << result.explain();
    ASSERT_TRUE(result.document);
    EXPECT_EQ(result.document->chipVerdict(), reader::ChipVerdict::Genuine) << result.explain();
}

TEST(ConformanceSmokeTest, ChangedFileFailsUntilReSigned) {
    ConformanceCard card = buildCard("vn-basic");
    Bytes& dg13 = card.applicationFile(0x010D);
    dg13.back() ^= 0x01;
    Inspection changed = inspect(card);
    EXPECT_EQ(changed.verdict(), Verdict::Failed) << changed.explain();

    card.resign();
    Inspection resigned = inspect(card);
    ASSERT_TRUE(resigned.document) << resigned.explain();
    EXPECT_EQ(resigned.document->passiveAuthentication.verdict, verify::Verdict::Valid)
        << resigned.explain();
}
