// The conformance harness itself: the default card passes, and a data group changed after
// signing fails Passive Authentication unless the card is re-signed (conformance.md §1.5).
#include <functional>
#include <vector>

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

// The "mutate, then re-sign" mode with TLV surgery (conformance.md §6, items 1 and 2): DG1's
// lengths are changed, EF.SOD is re-signed over the changed file, so Passive Authentication
// alone cannot catch it: the reader must, with a typed error or a parse issue, never a crash,
// never "verified". The emulated card's tlv-length and oversize-length faults change a file
// without re-signing (CardReaderFaultTest).
TEST(ConformanceSmokeTest, WrongLengthsInsideDg1FailEvenWhenReSigned) {
    struct Surgery {
        const char* name;
        std::function<void(Bytes&)> change;
    };

    // DG1: 61 L 5F1F L' <MRZ>, with one-octet lengths.
    const std::vector<Surgery> surgeries = {
        {"outer length +1", [](Bytes& dg1) { ++dg1[1]; }},
        {"outer length -1", [](Bytes& dg1) { --dg1[1]; }},
        {"inner length +1", [](Bytes& dg1) { ++dg1[4]; }},
        {"inner length -1", [](Bytes& dg1) { --dg1[4]; }},
        {"inner length 84 7FFFFFFF",
         [](Bytes& dg1) {
             dg1[4] = 0x84;
             const std::uint8_t huge[] = {0x7F, 0xFF, 0xFF, 0xFF};
             dg1.insert(dg1.begin() + 5, std::begin(huge), std::end(huge));
             dg1[1] = static_cast<std::uint8_t>(dg1[1] + 4);
         }},
    };
    for (const Surgery& surgery : surgeries) {
        SCOPED_TRACE(surgery.name);
        ConformanceCard card = buildCard("vn-basic");
        Bytes& dg1 = card.applicationFile(0x0101);
        ASSERT_EQ(dg1[0], 0x61);
        ASSERT_LT(dg1[1], 0x7C);
        ASSERT_EQ(dg1[2], 0x5F);
        ASSERT_EQ(dg1[3], 0x1F);
        surgery.change(dg1);
        card.resign();
        Inspection result = inspect(card);
        EXPECT_EQ(result.verdict(), Verdict::Failed) << result.explain();
    }
}

// A persona's card.faults make a faulty card without code: T=0 chains everywhere are read
// through; DG1 missing (6A82 to its SELECT) fails the inspection.
TEST(ConformanceSmokeTest, FaultyPersonasNeedNoCode) {
    ConformanceCard chained =
        buildCard("vn-basic", [](emulator::Persona& p) { p.faults = {"chain 0 always"}; });
    Inspection read = inspect(chained);
    EXPECT_EQ(read.verdict(), Verdict::Successful) << read.explain();

    ConformanceCard missing = buildCard(
        "vn-basic", [](emulator::Persona& p) { p.faults = {"status-only 6A82 ins=A4 fid=0101"}; });
    Inspection failed = inspect(missing);
    EXPECT_EQ(failed.verdict(), Verdict::Failed) << failed.explain();
}
