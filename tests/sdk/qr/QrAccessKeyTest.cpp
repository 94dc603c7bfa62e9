// Access keys from the QR (cccd.md §2.2-§2.6): the CAN, the document number, and BAC
// candidates in order.
#include "qr/QrAccessKey.h"

#include <gtest/gtest.h>

#include "QrSpec.h"

using namespace cccd;
using namespace cccd::qr;

TEST(QrAccessKeyTest, CanAndDocumentNumberComeFromTheId) {
    QrPayload p = QrPayload::parse(qrtest::example2021());
    QrAccessKeys keys = accessKeysFrom(p);
    EXPECT_EQ(toString(keys.can.view()), p.personalIdNumber.substr(6));
    EXPECT_EQ(documentNumberOf(p.personalIdNumber), p.personalIdNumber.substr(3));
    ASSERT_FALSE(keys.bacCandidates.empty());
    const mrz::MrzKey& first = keys.bacCandidates.front().key;
    EXPECT_EQ(first.documentNumber(), p.personalIdNumber.substr(3));
    EXPECT_EQ(first.birthDate(), "900514");
    EXPECT_EQ(first.expiryDate(), "300514"); // cccd.md §2.5 first worked case
    EXPECT_EQ(keys.bacCandidates.front().basis, "rule");
}

// The CAN of cccd.md §1.3's table is the one the QR gives for the invented holder.
TEST(QrAccessKeyTest, CanMatchesTheSpec) {
    std::string accessControl = test::spec::section(test::spec::markdown("cccd.md"),
                                                    "### 1.3 Access control: BAC and PACE");
    std::string can = test::spec::tableRowCode(accessControl, "CAN").at(0);
    QrPayload p = QrPayload::parse(qrtest::example2021());
    EXPECT_EQ(toString(accessKeysFrom(p).can.view()), can);
}

TEST(QrAccessKeyTest, NoExpiryCandidatesUseBothEncodings) {
    QrPayload p = QrPayload::parse(qrtest::example2021());
    p.dateOfBirth = std::chrono::year_month_day{std::chrono::year(1944), std::chrono::June,
                                                std::chrono::day(1)};
    QrAccessKeys keys = accessKeysFrom(p);
    ASSERT_EQ(keys.bacCandidates.size(), 2u);
    EXPECT_EQ(keys.bacCandidates[0].key.expiryDate(), "991231");
    EXPECT_EQ(keys.bacCandidates[1].key.expiryDate(), "<<<<<<");
    EXPECT_LE(keys.bacCandidates.size(), MaxBacAttemptsPerTap);
}
