// Re-verification of a bundle without the card: the same verification as the live read for
// each way a chip proves itself (Chip Authentication, Active Authentication, PACE-CAM), each
// tamper caught, the server's challenge enforced.
#include "evidence/Reverification.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include <gtest/gtest.h>

#include "EvidenceTestSupport.h"
#include "evidence/ReverificationJson.h"
#include "json/DocumentJson.h"
#include "reader/Document.h"

using namespace cccd;
using namespace cccd::evidencetest;
using evidence::ChallengeCheck;
using evidence::RecordedKeyCheck;
using evidence::ReverificationMethod;
using Json = nlohmann::json;

namespace {

struct RoundTrip {
    std::string profile;
    ReverificationMethod activeAuthentication;
    ReverificationMethod chipAuthentication;
    ReverificationMethod chipAuthenticationMapping;
};

// Named by the profile in test output.
void PrintTo(const RoundTrip& roundTrip, std::ostream* out) {
    *out << roundTrip.profile;
}

class ReverificationRoundTripTest : public ::testing::TestWithParam<RoundTrip> {};

} // namespace

// The verification object of the JSON, the data and the verdict are those of the live read.
TEST_P(ReverificationRoundTripTest, GivesTheVerificationOfTheLiveRead) {
    const RoundTrip& c = GetParam();
    reader::CardReadout readout = readOf(c.profile);
    evidence::EvidenceBundle bundle = evidence::makeBundle(readout);
    reader::Document live = reader::interpret(std::move(readout), readertest::trustStore());
    ASSERT_TRUE(live.verified());

    evidence::Reverification again = reverified(bundle);
    EXPECT_TRUE(again.verified());
    EXPECT_EQ(again.document.chipVerdict(), reader::ChipVerdict::Genuine);
    EXPECT_EQ(again.activeAuthentication, c.activeAuthentication);
    EXPECT_EQ(again.chipAuthentication, c.chipAuthentication);
    EXPECT_EQ(again.chipAuthenticationMapping, c.chipAuthenticationMapping);
    Json liveJson = cccd::json::documentToJson(live);
    Json againJson = evidence::toJson(again);
    EXPECT_EQ(againJson["verification"], liveJson["verification"]);
    EXPECT_EQ(againJson["citizen"], liveJson["citizen"]);
    EXPECT_EQ(againJson["mrz"], liveJson["mrz"]);
    EXPECT_EQ(againJson["schema_version"], liveJson["schema_version"]);
    EXPECT_TRUE(againJson["verified"].get<bool>());
    EXPECT_TRUE(againJson["reverification"]["verified"].get<bool>());
    EXPECT_EQ(againJson["reverification"]["passive_authentication"]["method"], "recomputed");
}

INSTANTIATE_TEST_SUITE_P(
    ChipProofs, ReverificationRoundTripTest,
    ::testing::Values(RoundTrip{"vn-basic", ReverificationMethod::NotRun,
                                ReverificationMethod::Recorded, ReverificationMethod::NotRun},
                      RoundTrip{"aa-ecdsa", ReverificationMethod::Recomputed,
                                ReverificationMethod::NotRun, ReverificationMethod::NotRun},
                      RoundTrip{"pace-cam-p256", ReverificationMethod::NotRun,
                                ReverificationMethod::NotRun, ReverificationMethod::Recorded}),
    [](const auto& testParam) {
        std::string name = testParam.param.profile;
        std::replace(name.begin(), name.end(), '-', '_');
        return name;
    });

TEST(ReverificationTest, ChangedDataGroupByteFailsItsHash) {
    evidence::EvidenceBundle bundle = evidence::makeBundle(readOf("vn-basic"));
    bundle.readout.dataGroups.at(1).back() ^= 0x01;
    evidence::Reverification again = reverified(bundle);

    const auto& hashes = again.document.passiveAuthentication.dataGroups;
    auto dg1 =
        std::find_if(hashes.begin(), hashes.end(), [](const auto& h) { return h.dataGroup == 1; });
    ASSERT_NE(dg1, hashes.end());
    EXPECT_EQ(dg1->status, verify::DgHashStatus::Mismatch);
    EXPECT_EQ(again.document.passiveAuthentication.verdict, verify::Verdict::Invalid);
    EXPECT_FALSE(again.verified());
}

TEST(ReverificationTest, ChangedActiveAuthenticationSignatureFails) {
    evidence::EvidenceBundle bundle = evidence::makeBundle(readOf("aa-ecdsa"));
    ASSERT_TRUE(bundle.readout.activeAuthentication->passed());
    bundle.readout.activeAuthentication->signature.at(10) ^= 0x01;
    evidence::Reverification again = reverified(bundle);

    EXPECT_EQ(again.activeAuthentication, ReverificationMethod::Recomputed);
    EXPECT_EQ(again.recordedActiveAuthentication, verify::ActiveAuthenticationStatus::Passed);
    EXPECT_FALSE(again.document.readout.activeAuthentication->passed());
    EXPECT_EQ(again.document.chipVerdict(), reader::ChipVerdict::PossibleClone);
    EXPECT_FALSE(again.verified());
}

TEST(ReverificationTest, ChangedActiveAuthenticationChallengeFails) {
    evidence::EvidenceBundle bundle = evidence::makeBundle(readOf("aa-ecdsa"));
    bundle.readout.activeAuthentication->challenge.at(0) ^= 0x01;
    evidence::Reverification again = reverified(bundle);

    EXPECT_EQ(again.document.readout.activeAuthentication->status,
              verify::ActiveAuthenticationStatus::Failed);
    EXPECT_EQ(again.document.chipVerdict(), reader::ChipVerdict::PossibleClone);
    EXPECT_FALSE(again.verified());
}

// aa-mismatch's chip signs with a key DG15 does not hold: a bundle that records a pass is not
// believed.
TEST(ReverificationTest, RecordedActiveAuthenticationStatusIsNeverTrusted) {
    evidence::EvidenceBundle bundle = evidence::makeBundle(readOf("aa-mismatch"));
    ASSERT_FALSE(bundle.readout.activeAuthentication->passed());
    bundle.readout.activeAuthentication->status = verify::ActiveAuthenticationStatus::Passed;
    bundle.readout.activeAuthentication->reason = verify::ActiveAuthenticationReason::None;
    evidence::Reverification again = reverified(bundle);

    EXPECT_EQ(again.recordedActiveAuthentication, verify::ActiveAuthenticationStatus::Passed);
    EXPECT_EQ(again.document.readout.activeAuthentication->status,
              verify::ActiveAuthenticationStatus::Failed);
    EXPECT_EQ(again.document.chipVerdict(), reader::ChipVerdict::PossibleClone);
    EXPECT_FALSE(again.verified());
}

// A pass recorded with DG15 left out of the bundle cannot be re-verified: it does not count.
TEST(ReverificationTest, ActiveAuthenticationWithoutDg15DoesNotCount) {
    evidence::BundleOptions options;
    options.dataGroups = std::vector<int>{1, 2, 13, 14};
    evidence::Reverification again = reverified(evidence::makeBundle(readOf("aa-ecdsa"), options));

    EXPECT_EQ(again.activeAuthentication, ReverificationMethod::NotReverifiable);
    EXPECT_EQ(again.document.chipVerdict(), reader::ChipVerdict::NotChecked);
}

TEST(ReverificationTest, ChipAuthenticationKeyNotDg14sIsAPossibleClone) {
    evidence::EvidenceBundle bundle = evidence::makeBundle(readOf("vn-basic"));
    ASSERT_TRUE(bundle.readout.chipAuthentication->passed());
    bundle.readout.chipAuthentication->chipPublicKey.back() ^= 0x01;
    evidence::Reverification again = reverified(bundle);

    EXPECT_EQ(again.chipAuthentication, ReverificationMethod::Recorded);
    EXPECT_EQ(again.chipAuthenticationKey, RecordedKeyCheck::Inconsistent);
    EXPECT_EQ(again.document.chipVerdict(), reader::ChipVerdict::PossibleClone);
    EXPECT_FALSE(again.verified());
    EXPECT_EQ(evidence::toJson(again)["reverification"]["chip_authentication"]["chip_key"],
              "inconsistent");
}

TEST(ReverificationTest, ChipAuthenticationKeyOfDg14IsConsistent) {
    evidence::Reverification again = reverified(evidence::makeBundle(readOf("vn-basic")));
    EXPECT_EQ(again.chipAuthenticationKey, RecordedKeyCheck::Consistent);
}

TEST(ReverificationTest, CamWithoutCardSecurityIsAPossibleClone) {
    evidence::EvidenceBundle bundle = evidence::makeBundle(readOf("pace-cam-p256"));
    ASSERT_TRUE(bundle.readout.chipAuthenticationMapping->passed());
    bundle.readout.efCardSecurity.clear();
    evidence::Reverification again = reverified(bundle);

    EXPECT_EQ(again.chipAuthenticationMappingKey, RecordedKeyCheck::Inconsistent);
    EXPECT_EQ(again.document.chipVerdict(), reader::ChipVerdict::PossibleClone);
    EXPECT_FALSE(again.verified());
}

TEST(ReverificationTest, CamKeyIdEfCardSecurityLacksIsAPossibleClone) {
    evidence::EvidenceBundle bundle = evidence::makeBundle(readOf("pace-cam-p256"));
    bundle.readout.chipAuthenticationMapping->keyId = 0xC0FFEE;
    evidence::Reverification again = reverified(bundle);

    EXPECT_EQ(again.chipAuthenticationMappingKey, RecordedKeyCheck::Inconsistent);
    EXPECT_EQ(again.document.chipVerdict(), reader::ChipVerdict::PossibleClone);
}

// Another country's trust store: the signatures verify, the signer is not trusted.
TEST(ReverificationTest, ForeignTrustStoreLeavesTheSignerUntrusted) {
    evidence::EvidenceBundle bundle = throughText(evidence::makeBundle(readOf("vn-basic")));
    evidence::Reverification again =
        evidence::reverify(bundle, verify::TrustStore::withDefaultAnchor(), {});

    EXPECT_EQ(again.document.passiveAuthentication.verdict, verify::Verdict::ValidIssuerUnknown);
    EXPECT_EQ(again.document.passiveAuthentication.signer.chain,
              verify::ChainStatus::IssuerUnknown);
    EXPECT_FALSE(again.verified());
}

// Server-bound anti-replay: the chip signed the nonce the server issued for this read.
TEST(ReverificationTest, ExpectedChallengeThatMatchesVerifies) {
    evidence::EvidenceBundle bundle = evidence::makeBundle(readOf("aa-ecdsa", ServerNonce));
    evidence::Reverification again = reverified(bundle, ServerNonce);

    EXPECT_EQ(again.challenge, ChallengeCheck::Matches);
    EXPECT_TRUE(again.verified());
}

// A bundle of an earlier read (its own challenge) offered for a new request is a replay.
TEST(ReverificationTest, ExpectedChallengeThatDiffersFailsTheChip) {
    evidence::EvidenceBundle bundle = evidence::makeBundle(readOf("aa-ecdsa", ServerNonce));
    evidence::Reverification again = reverified(bundle, fromHex("8899AABBCCDDEEFF"));

    EXPECT_EQ(again.challenge, ChallengeCheck::Mismatch);
    EXPECT_EQ(again.document.readout.activeAuthentication->reason,
              verify::ActiveAuthenticationReason::ChallengeMismatch);
    EXPECT_EQ(again.document.chipVerdict(), reader::ChipVerdict::PossibleClone);
    EXPECT_FALSE(again.verified());
    Json out = evidence::toJson(again);
    EXPECT_EQ(out["verification"]["active_authentication"]["reason"], "challenge_mismatch");
    EXPECT_FALSE(out["verified"].get<bool>());
}

// Without Active Authentication nothing binds the read to the server's nonce.
TEST(ReverificationTest, ExpectedChallengeWithoutActiveAuthenticationIsNotBound) {
    evidence::Reverification again =
        reverified(evidence::makeBundle(readOf("vn-basic")), ServerNonce);
    EXPECT_EQ(again.challenge, ChallengeCheck::NotRecorded);
    EXPECT_EQ(again.document.readout.activeAuthentication->reason,
              verify::ActiveAuthenticationReason::ChallengeMismatch);
    EXPECT_FALSE(again.verified());
}

TEST(ReverificationTest, ExpectedChallengeOfAnotherLengthIsRefused) {
    evidence::EvidenceBundle bundle = evidence::makeBundle(readOf("vn-basic"));
    evidence::ReverifyOptions options;
    options.expectedChallenge = fromHex("0011");
    Error e = readertest::errorOf(
        [&] { (void)evidence::reverify(bundle, readertest::trustStore(), options); });
    EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
}
