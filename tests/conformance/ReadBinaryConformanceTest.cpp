// READ BINARY as BSI TR-03105-5.1 tests a reader: unit ISO7816_C (whose bodies moved to ICAO TR
// RF & Protocol Testing Part 4, unit ISO7816_F), as ../shared/spec/conformance.md §2.3 lists
// them. Each test is named after the 5.1 ID, with the P4 ID beside it. The card is the
// Vietnamese persona vn-basic (PACE with the CAN, AES secure messaging); how it answers READ
// BINARY comes from its profile (CardProfile::readBeyondEndStatus, extended length) and from
// per-command faults (drivers/emulator/README.md, "Per-command faults"). A larger DG2 is built
// around the card's own portrait and EF.SOD re-signed.
#include <algorithm>

#include <gtest/gtest.h>

#include "ConformanceCard.h"
#include "emulator/profilegen/Dg2Builder.h"
#include "lds/Dg2.h"

using namespace cccd;
using namespace cccd::conformance;

namespace {

constexpr int Dg2Number = 2;
constexpr std::uint16_t FidDg2 = 0x0102;

// The most READ BINARY commands a whole read of vn-basic may take, a DG2 of 70,000 bytes in
// short reads included: more would mean a loop.
constexpr std::size_t MaxReadCommands = 400;

ConformanceCard card(bool extendedLength = true, const std::vector<std::string>& faults = {}) {
    return buildCard("vn-basic", [&](emulator::Persona& p) {
        p.extendedLength = extendedLength;
        p.faults = faults;
    });
}

// ✔ with every file read and verified, in a bounded number of READ BINARY commands.
void expectSuccessful(const Inspection& inspection) {
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    EXPECT_LT(inspection.document->readout.readBinaryCommands, MaxReadCommands);
}

// DG2 of about `size` bytes: the card's portrait followed by filler after its end of image, in
// the card's own DG2 layout; EF.SOD re-signed.
Bytes largeDg2(ConformanceCard& card, std::size_t size) {
    lds::Dg2 dg2 = lds::Dg2::parse(card.applicationFile(FidDg2));
    const lds::FaceImage& face = dg2.faces.at(0);
    Bytes jpeg = face.image;
    std::size_t overhead = card.applicationFile(FidDg2).size() - jpeg.size();
    jpeg.resize(size - overhead, 0x00);
    Bytes out = emulator::buildDg2(jpeg, face.recordWidth, face.recordHeight);
    card.replaceDataGroup(Dg2Number, out);
    return out;
}

} // namespace

// ISO7816_C_01 (P4 ISO7816_F_01): SELECT of DG2, which EF.COM and EF.SOD name, answers 6A82.
// The reader goes on, reports DG2 as not found and missing, and the document is not verified.
TEST(ReadBinaryConformance, ISO7816_C_01_AnnouncedFileNotFound) {
    ConformanceCard faulty = card(true, {"status-only 6A82 ins=A4 fid=0102 always"});
    Inspection inspection = inspect(faulty);
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.document) << inspection.explain();
    EXPECT_EQ(inspection.document->missingDataGroups, std::vector<int>{2});
    const auto& skipped = inspection.document->readout.skipped;
    EXPECT_TRUE(std::any_of(skipped.begin(), skipped.end(), [](const reader::SkippedFile& s) {
        return s.dataGroup == 2 && s.reason == "not_found";
    }));
}

// ISO7816_C_02 (P4 ISO7816_F_02): a DG2 of 70,000 bytes. Extended length reads the first 32,768
// bytes at once; the even INS cannot name an offset past 32,767, so the rest comes with the odd
// INS B1. With short APDUs the same file takes a few hundred reads.
TEST(ReadBinaryConformance, ISO7816_C_02_FileLargerThan32Kilobytes) {
    for (bool extendedLength : {true, false}) {
        SCOPED_TRACE(extendedLength ? "extended length" : "short APDUs");
        ConformanceCard large = card(extendedLength);
        Bytes dg2 = largeDg2(large, 70000);
        ASSERT_GT(dg2.size(), 65536u);
        Inspection inspection = inspect(large);
        ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
        EXPECT_EQ(inspection.document->readout.dataGroups.at(2), dg2);
        EXPECT_EQ(inspection.document->readout.extendedLength, extendedLength);
        EXPECT_LT(inspection.document->readout.readBinaryCommands,
                  extendedLength ? 20u : MaxReadCommands);
    }
}

// ISO7816_C_03 (P4 ISO7816_F_03): the chip refuses, with 6700, any READ BINARY whose Le goes
// past the end of the file. The reader's first read of a file cannot know its size; it steps
// Le down, then reads the header, then exactly what the header says.
TEST(ReadBinaryConformance, ISO7816_C_03_ReadPastTheEndRefused) {
    ConformanceCard strict = card();
    strict.profile().readBeyondEndStatus = 0x6700;
    expectSuccessful(inspect(strict));
}

// ISO7816_C_04 (P4 ISO7816_F_04): the chip signals the end of the file with 6B00 (offset or Le
// beyond the EF) instead of 6282.
TEST(ReadBinaryConformance, ISO7816_C_04_EndOfFileSignalledBy6B00) {
    ConformanceCard strict = card();
    strict.profile().readBeyondEndStatus = 0x6B00;
    expectSuccessful(inspect(strict));
}

// ISO7816_C_05 (P4 ISO7816_F_05): the end of the file signalled by 6282 with fewer bytes than
// Le: the card's own behaviour for every first read, and once more in the middle of DG2, where
// the card stops early although the file goes on.
TEST(ReadBinaryConformance, ISO7816_C_05_EndOfFileSignalledBy6282) {
    ConformanceCard plain = card();
    expectSuccessful(inspect(plain));
    ConformanceCard early = card(false, {"early-end 100 ins=B0 fid=0102"});
    expectSuccessful(inspect(early));
}

// ISO7816_C_06 (P4 ISO7816_F_06): the chip answers 6CXX (wrong Le, XX the bytes it holds) to the
// first read of a file shorter than that read; the reader sends the command again with Le = XX.
// Once for EF.COM, once for DG1.
TEST(ReadBinaryConformance, ISO7816_C_06_WrongLeAnswered6Cxx) {
    for (bool extendedLength : {true, false}) {
        SCOPED_TRACE(extendedLength ? "extended length" : "short APDUs");
        ConformanceCard faulty =
            card(extendedLength, {"wrong-le ins=B0 fid=011E", "wrong-le ins=B0 fid=0101"});
        expectSuccessful(inspect(faulty));
    }
}

// ISO7816_C_07 (P4 ISO7816_F_07): a file read with the odd INS B1, the offset in DO'54', the
// data in DO'53' and, under secure messaging, DO'85': a DG2 of 40,000 bytes with short APDUs,
// whose last 7,232 bytes only B1 can reach. Also under 3DES secure messaging (BAC).
TEST(ReadBinaryConformance, ISO7816_C_07_OddInsReadBinary) {
    ConformanceCard aes = card(false);
    Bytes dg2 = largeDg2(aes, 40000);
    Inspection inspection = inspect(aes);
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    EXPECT_EQ(inspection.document->readout.dataGroups.at(2), dg2);

    ConformanceCard tdes = buildCard("vn-basic", [](emulator::Persona& p) {
        p.extendedLength = false;
        p.cardAccess = false;
        p.features.pace.clear();
    });
    dg2 = largeDg2(tdes, 40000);
    inspection = inspect(tdes);
    ASSERT_EQ(inspection.verdict(), Verdict::Successful) << inspection.explain();
    EXPECT_EQ(inspection.document->readout.access.protocol, "BAC");
    EXPECT_EQ(inspection.document->readout.dataGroups.at(2), dg2);
}

// A B1 answered 6CXX counts the DO'53' around the bytes in XX; the reader asks for the bytes
// that fit.
TEST(ReadBinaryConformance, OddInsWrongLeIsResentWithTheExactLength) {
    ConformanceCard large = card(false, {"wrong-le ins=B1"});
    largeDg2(large, 40000);
    expectSuccessful(inspect(large));
}

// ISO7816_C_08 (P4 ISO7816_F_08): DG2 whose face image is empty (no image bytes after the
// image information): no crash, DG2 flagged, the document not verified.
TEST(ReadBinaryConformance, ISO7816_C_08_EmptyFaceImage) {
    ConformanceCard empty = card();
    empty.replaceDataGroup(Dg2Number, emulator::buildDg2(Bytes{}, 300, 400));
    Inspection inspection = inspect(empty);
    ASSERT_EQ(inspection.verdict(), Verdict::Failed) << inspection.explain();
    ASSERT_TRUE(inspection.document) << inspection.explain();
    EXPECT_EQ(inspection.document->passiveAuthentication.verdict, verify::Verdict::Valid);
    const auto& issues = inspection.document->contentIssues;
    EXPECT_TRUE(std::any_of(issues.begin(), issues.end(), [](const reader::ContentIssue& i) {
        return i.file == "DG2" && i.reason.find("no image data") != std::string::npos;
    })) << inspection.explain();
}
