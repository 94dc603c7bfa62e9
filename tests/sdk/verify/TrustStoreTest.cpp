// Trust anchors from data/trust (built-in) and shared/spec/samples (German master list, the
// supplied CSCA files).
#include "verify/TrustStore.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "base/Error.h"
#include "support/TestData.h"

namespace cccd::verify {
namespace {

const std::filesystem::path MasterListFile = "samples/masterlists/DE_ML_2026-05-28-08-28-45.ml";

TEST(TrustStoreTest, DefaultAnchorIsTheVietnameseEidCsca) {
    EXPECT_TRUE(std::filesystem::exists(defaultAnchorPath()));
    TrustStore store = TrustStore::withDefaultAnchor();
    ASSERT_EQ(store.certificates().size(), 1U);
    Bytes shared = crypto::Certificate::fromPem(
                       toString(test::readFile(test::specDir() / "trust/csca-vietnam-eid.pem")))
                       .der();
    EXPECT_EQ(store.certificates()[0].der(), shared);
}

TEST(TrustStoreTest, MasterListSignatureIsCheckedAndItsCertificatesAdded) {
    TrustStore store;
    std::size_t added = store.addFile(test::specDir() / MasterListFile);
    ASSERT_EQ(store.masterListReports().size(), 1U);
    const MasterListReport& report = store.masterListReports()[0];

    // samples/masterlists/README.md: 588 certificates.
    EXPECT_EQ(report.certificateCount + report.rejectedCount, 588U);
    EXPECT_EQ(report.rejectedCount, 0U);
    EXPECT_EQ(report.signer.signature, SignatureStatus::Valid);
    EXPECT_NE(report.signer.certificate, SignerCertificateStatus::NotFound);
    EXPECT_EQ(report.signer.chain, ChainStatus::Trusted); // the signer chains to csca-germany
    EXPECT_EQ(added, report.addedCount);
    EXPECT_GT(added, 0U);
    EXPECT_EQ(store.certificates().size(), added);

    Bytes passportCsca =
        test::readFile(test::specDir() / "samples/masterlists/VN_CSCA_ePassport_Vietnam_2022.cer");
    EXPECT_TRUE(std::any_of(store.certificates().begin(), store.certificates().end(),
                            [&](const crypto::Certificate& c) { return c.der() == passportCsca; }));
}

TEST(TrustStoreTest, TamperedMasterListAddsNothing) {
    Bytes list = test::readFile(test::specDir() / MasterListFile);
    list[list.size() / 2] ^= 0x01; // inside the CscaMasterList content
    TrustStore store;
    MasterListReport report = store.addMasterList(list);
    EXPECT_NE(report.signer.signature, SignatureStatus::Valid);
    EXPECT_EQ(report.addedCount, 0U);
    EXPECT_TRUE(store.empty());
}

TEST(TrustStoreTest, DirectoryLoadsCertificateFilesOnly) {
    // real-sods/ holds five ID_*.cer and UK2_CSCA.cer next to .bin files that are ignored.
    TrustStore store;
    EXPECT_EQ(store.addDirectory(test::specDir() / "samples/real-sods"), 6U);
    EXPECT_EQ(store.addDirectory(test::specDir() / "samples/real-sods"), 0U); // no duplicates
}

TEST(TrustStoreTest, UnreadableOrGarbageFilesThrowTypedErrors) {
    TrustStore store;
    try {
        store.addFile(test::specDir() / "no-such-file.pem");
        FAIL();
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::Io);
    }
    try {
        store.addFile(test::specDir() / "samples/bsi-tr03105-5-reference-dataset/Datagroup1.bin");
        FAIL();
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::MalformedData);
    }
}

} // namespace
} // namespace cccd::verify
