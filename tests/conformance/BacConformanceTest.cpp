// BAC and secure messaging as BSI TR-03105-5.1 tests a reader: unit ISO7816_B (whose bodies moved
// to ICAO TR RF & Protocol Testing Part 4, units ISO7816_B and ISO7816_D), as
// ../shared/spec/conformance.md §2.2 lists them. Each test is named after the 5.1 ID, with the
// P4 ID beside it. The card is CFG.DFLT.BAC on the Vietnamese persona (BAC only, no
// EF.CardAccess). The chip's answer to EXTERNAL AUTHENTICATE misbehaves through
// EmulatedCard::faults().bac; the protected answers to the READ BINARY of a data group through
// per-command faults (drivers/emulator/README.md, "Per-command faults"). A session whose
// protection fails ends the read with a typed error: no data of it can be trusted.
#include <gtest/gtest.h>

#include "ConformanceCard.h"

using namespace cccd;
using namespace cccd::conformance;

namespace {

// CFG.DFLT.BAC on the Vietnamese persona, born with the given per-command faults.
ConformanceCard bacCard(std::vector<std::string> faults = {}) {
    return buildCard("vn-basic", [&faults](emulator::Persona& p) {
        p.cardAccess = false;
        p.features.pace.clear();
        p.faults = faults;
    });
}

// ✘: the read stopped with this error.
void expectError(const Inspection& inspection, ErrorCode code) {
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.error) << inspection.explain();
    EXPECT_EQ(inspection.error->code(), code) << inspection.explain();
}

} // namespace

// The card without faults: the positive control of the cases below.
TEST(BacConformance, BacCardIsSuccessful) {
    ConformanceCard card = bacCard();
    Inspection inspection = inspect(card);
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    EXPECT_EQ(inspection.document->readout.access.protocol, "BAC");
}

// ISO7816_B_01 (P4 ISO7816_B_01): the MAC over the chip's cryptogram in the EXTERNAL
// AUTHENTICATE answer is wrong.
TEST(BacConformance, ISO7816_B_01_MutualAuthenticateWrongMac) {
    ConformanceCard card = bacCard();
    std::shared_ptr<emulator::EmulatedCard> chip = insert(card.profile());
    chip->faults().bac.wrongMac = true;
    expectError(inspect(chip, card.accessKey()), ErrorCode::SecureMessaging);
}

// ISO7816_B_02 (P4 ISO7816_B_02): the chip's cryptogram, under a valid MAC, does not decrypt to
// RND.IC || RND.IFD || K.IC: it echoes another RND.IFD.
TEST(BacConformance, ISO7816_B_02_MutualAuthenticateWrongCryptogram) {
    ConformanceCard card = bacCard();
    std::shared_ptr<emulator::EmulatedCard> chip = insert(card.profile());
    chip->faults().bac.wrongCryptogram = true;
    expectError(inspect(chip, card.accessKey()), ErrorCode::SecureMessaging);
}

// ISO7816_B_03 (P4 ISO7816_B_03): the chip refuses EXTERNAL AUTHENTICATE with 6300, as it does
// for a wrong MRZ key; and a wrong MRZ key itself.
TEST(BacConformance, ISO7816_B_03_MutualAuthenticateRefused) {
    ConformanceCard card = bacCard({"status-only 6300 ins=82"});
    expectError(inspect(card), ErrorCode::AccessDenied);

    ConformanceCard plain = bacCard();
    reader::AccessKey wrong = plain.accessKey();
    wrong.mrz = mrz::MrzKey(wrong.mrz->documentNumber(), wrong.mrz->birthDate(), "311231");
    Inspection inspection = inspect(plain.profile(), wrong);
    expectError(inspection, ErrorCode::AccessDenied);
    EXPECT_EQ(inspection.error->statusWord(), 0x6300);
}

// ISO7816_B_04 (P4 ISO7816_D_01): while a data group is read, the chip answers an SM error
// status in plain (6987 missing data objects, 6988 wrong data objects) and drops its keys.
TEST(BacConformance, ISO7816_B_04_SecureMessagingErrorStatus) {
    for (const char* fault : {"reset 6987 ins=B0 fid=0101", "reset 6988 ins=B0 fid=0102"}) {
        SCOPED_TRACE(fault);
        ConformanceCard card = bacCard({fault});
        Inspection inspection = inspect(card);
        expectError(inspection, ErrorCode::SecureMessaging);
        EXPECT_EQ(inspection.error->statusWord() & 0xFFF0, 0x6980);
    }
}

// ISO7816_B_05 (P4 ISO7816_D_02): a protected answer without DO'8E' (the MAC).
TEST(BacConformance, ISO7816_B_05_ResponseWithoutMac) {
    ConformanceCard card = bacCard({"drop-do 8E ins=B0 fid=0101"});
    expectError(inspect(card), ErrorCode::SecureMessaging);
}

// ISO7816_B_06 (P4 ISO7816_D_03): a protected answer to READ BINARY without DO'87' (the
// cryptogram), although data were asked for: the MAC, computed over it, does not verify.
TEST(BacConformance, ISO7816_B_06_ResponseWithoutCryptogram) {
    ConformanceCard card = bacCard({"drop-do 87 ins=B0 fid=0101"});
    expectError(inspect(card), ErrorCode::SecureMessaging);
}

// ISO7816_B_07 (P4 ISO7816_D_04): a protected answer without DO'99' (the protected status
// word).
TEST(BacConformance, ISO7816_B_07_ResponseWithoutStatus) {
    ConformanceCard card = bacCard({"drop-do 99 ins=B0 fid=0101"});
    expectError(inspect(card), ErrorCode::SecureMessaging);
}

// ISO7816_B_08 (P4 ISO7816_D_05): a protected answer whose DO'8E' MAC is wrong.
TEST(BacConformance, ISO7816_B_08_ResponseWithWrongMac) {
    ConformanceCard card = bacCard({"corrupt-mac ins=B0 fid=0102"});
    expectError(inspect(card), ErrorCode::SecureMessaging);
}

// ISO7816_B_09 (P4 ISO7816_D_06): a protected answer whose DO'87' cryptogram is garbled under a
// valid MAC: it decrypts to data without valid padding.
TEST(BacConformance, ISO7816_B_09_ResponseWithCorruptedCryptogram) {
    ConformanceCard card = bacCard({"corrupt-cryptogram ins=B0 fid=0101"});
    expectError(inspect(card), ErrorCode::SecureMessaging);
}

// ISO7816_B_10 (P4 LDS_D_32), a Document Signer revoked by a CRL, is not expressible: the trust
// store takes no revocation list (docs/conformance.md).
