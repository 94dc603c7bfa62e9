// Application selection as BSI TR-03105-5.1 tests a reader: unit ISO7816_A (whose bodies moved to
// ICAO TR RF & Protocol Testing Part 4, unit ISO7816_A), as ../shared/spec/conformance.md §2.1
// lists them. Each test is named after the 5.1 ID, with the P4 ID beside it. The cards are the
// Vietnamese persona vn-basic made into CFG.DFLT.PLAIN (no access control) and CFG.DFLT.BAC (BAC
// only, no EF.CardAccess).
#include <gtest/gtest.h>

#include "ConformanceCard.h"

using namespace cccd;
using namespace cccd::conformance;

namespace {

// CFG.DFLT.BAC on the Vietnamese persona: BAC only, no EF.CardAccess.
ConformanceCard bacCard() {
    return buildCard("vn-basic", [](emulator::Persona& p) {
        p.cardAccess = false;
        p.features.pace.clear();
    });
}

// CFG.DFLT.PLAIN on the Vietnamese persona: neither PACE nor BAC, every LDS file readable in
// plain (DG3 stays behind EAC), no Chip or Active Authentication key (the configuration has
// DG1 and DG2 only).
ConformanceCard plainCard() {
    ConformanceCard card = buildCard("vn-basic", [](emulator::Persona& p) {
        p.cardAccess = false;
        p.features.pace.clear();
        p.features.bac = false;
        p.features.chipAuthentication.reset();
        p.features.activeAuthentication.reset();
    });
    for (emulator::ElementaryFile& ef : card.profile().applicationFiles) {
        if (ef.access == emulator::FileAccess::Bac) {
            ef.access = emulator::FileAccess::Always;
        }
    }
    return card;
}

} // namespace

// ISO7816_A_01 (P4 ISO7816_A_01): a document without access control. The chip answers GET
// CHALLENGE with 6D00; the reader reads every file in plain and verifies them.
TEST(SelectionConformance, ISO7816_A_01_UnprotectedDocument) {
    ConformanceCard card = plainCard();
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    EXPECT_EQ(inspection.document->readout.access.protocol, "none");
    EXPECT_TRUE(inspection.document->dg1 && inspection.document->dg2) << inspection.explain();
}

// The converse of ISO7816_A_01: a chip without PACE or BAC whose files still need secure
// messaging cannot be read; the reader says so instead of trying forever.
TEST(SelectionConformance, ChipWithoutAccessControlButProtectedFilesIsNotSupported) {
    ConformanceCard card = plainCard();
    for (emulator::ElementaryFile& ef : card.profile().applicationFiles) {
        if (ef.access == emulator::FileAccess::Always) {
            ef.access = emulator::FileAccess::Bac;
        }
    }
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.error) << inspection.explain();
    EXPECT_EQ(inspection.error->code(), ErrorCode::NotSupported) << inspection.explain();
    EXPECT_EQ(inspection.error->statusWord(), 0x6982);
}

// ISO7816_A_02 (P4 ISO7816_A_02): a BAC-only document, read end to end.
TEST(SelectionConformance, ISO7816_A_02_BacDocument) {
    ConformanceCard card = bacCard();
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    EXPECT_EQ(inspection.document->readout.access.protocol, "BAC");
    EXPECT_EQ(inspection.document->chipVerdict(), reader::ChipVerdict::Genuine)
        << inspection.explain();
}

// ISO7816_A_03 (P4 ISO7816_A_04): SELECT of the eMRTD application answered with an error
// (every SELECT of the card answers it): the reader stops with the card's status word.
TEST(SelectionConformance, ISO7816_A_03_SelectApplicationFails) {
    for (const char* sw : {"6A82", "6A86", "6F00"}) {
        SCOPED_TRACE(sw);
        ConformanceCard card = buildCard("vn-basic", [sw](emulator::Persona& p) {
            p.cardAccess = false;
            p.features.pace.clear();
            p.faults = {std::string("status-only ") + sw + " ins=A4 always"};
        });
        Inspection inspection = inspect(card);
        ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
        ASSERT_TRUE(inspection.error) << inspection.explain();
        EXPECT_EQ(inspection.error->code(), ErrorCode::CardStatus) << inspection.explain();
        EXPECT_EQ(toHex(Bytes{static_cast<std::uint8_t>(inspection.error->statusWord() >> 8),
                              static_cast<std::uint8_t>(inspection.error->statusWord())}),
                  sw);
    }
}
