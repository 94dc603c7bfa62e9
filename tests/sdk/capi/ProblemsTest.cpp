// capi::problemsOf over the parts of a document that the emulated card cannot get wrong on its
// own without a new signature: a sound read of vn-basic with one check's outcome changed, one
// row per problem code. CApiProblemTest covers the codes a faulty card produces.
#include "capi/Problems.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "EmulatedSession.h"
#include "emulator/channel/EmulatorChannel.h"
#include "mrz/Mrz.h"
#include "mrz/MrzKey.h"
#include "reader/CardReader.h"
#include "reader/Document.h"
#include "support/TestData.h"
#include "verify/TrustStore.h"

namespace cccd::capitest {
namespace {

using capi::Problem;
using reader::Document;
using namespace verify;

/// vn-basic read in process and verified against the test CSCA.
const Document& soundDocument() {
    static const Document document = [] {
        auto card = std::make_shared<emulator::EmulatedCard>(loadTestProfile("vn-basic"));
        emulator::EmulatorChannel channel(card);
        const std::string mrz = toString(test::readFile(profilesDirectory() + "/vn-basic.mrz"));
        TrustStore trust;
        trust.addFile(profilesDirectory() + "/csca.pem");
        return reader::interpret(
            reader::readCard(channel, mrz::MrzKey::fromMrz(mrz::Mrz::parse(mrz)), {}), trust);
    }();
    return document;
}

struct Row {
    std::string name;
    std::function<void(Document&)> change;
    std::vector<Problem> expected;
};

void failSod(Document& d) {
    d.passiveAuthentication.verdict = Verdict::Invalid;
}

void addContentIssue(Document& d, reader::ContentCheck check, const std::string& file) {
    d.contentIssues.push_back({file, check, "changed by the test"});
}

const std::vector<Row>& rows() {
    static const std::vector<Row> table = {
        {"SignerNotFound",
         [](Document& d) {
             failSod(d);
             d.passiveAuthentication.signer.certificate = SignerCertificateStatus::NotFound;
             d.passiveAuthentication.signer.signature = SignatureStatus::NotChecked;
         },
         {{"signer_certificate_not_found", "EF.SOD"}}},
        {"SignerNonconforming",
         [](Document& d) {
             failSod(d);
             d.passiveAuthentication.signer.certificateProfile =
                 CertificateProfileStatus::KeyUsageMissing;
         },
         {{"signer_certificate_nonconforming", "EF.SOD"}}},
        {"ChainInvalid",
         [](Document& d) {
             failSod(d);
             d.passiveAuthentication.signer.chain = ChainStatus::SignatureInvalid;
         },
         {{"certificate_chain_invalid", "EF.SOD"}}},
        {"SignerExpired",
         [](Document& d) {
             failSod(d);
             d.passiveAuthentication.signer.documentSignerAtSigning = ValidityStatus::Expired;
         },
         {{"signer_certificate_not_valid", "EF.SOD"}}},
        {"CscaNotYetValid",
         [](Document& d) {
             failSod(d);
             d.passiveAuthentication.signer.cscaAtSigning = ValidityStatus::NotYetValid;
         },
         {{"csca_not_valid", "EF.SOD"}}},
        {"SodUnsupported",
         [](Document& d) {
             failSod(d);
             d.passiveAuthentication.sodParse = ParseStatus::Unsupported;
         },
         {{"security_object_unsupported", "EF.SOD"}}},
        {"SodInvalidForNoListedReason", failSod, {{"passive_authentication_failed", "EF.SOD"}}},
        {"CardSecurityUntrusted",
         [](Document& d) {
             CardSecurityReport report;
             report.parse = ParseStatus::Ok;
             report.signer = d.passiveAuthentication.signer;
             report.signer.chain = ChainStatus::IssuerUnknown;
             report.verdict = Verdict::ValidIssuerUnknown;
             d.cardSecurity = report;
         },
         {{"issuer_unknown", "EF.CardSecurity"}}},
        {"MrzField",
         [](Document& d) { addContentIssue(d, reader::ContentCheck::MrzField, "DG1"); },
         {{"mrz_field_invalid", "DG1"}}},
        {"MrzCheckDigit",
         [](Document& d) { addContentIssue(d, reader::ContentCheck::MrzCheckDigit, "DG1"); },
         {{"mrz_check_digit_wrong", "DG1"}}},
        {"FaceRecord",
         [](Document& d) { addContentIssue(d, reader::ContentCheck::FaceRecord, "DG2"); },
         {{"face_record_invalid", "DG2"}}},
        {"Dg13DoesNotParse",
         [](Document& d) {
             d.parseIssues.push_back({"DG13", ErrorCode::MalformedData, "test", false});
         },
         {}},
    };
    return table;
}

class ProblemsTest : public ::testing::TestWithParam<Row> {};

TEST_P(ProblemsTest, TheChangedCheckIsTheOnlyProblem) {
    ASSERT_TRUE(soundDocument().verified());
    Document document = soundDocument();

    GetParam().change(document);

    EXPECT_EQ(capi::problemsOf(document), GetParam().expected);
    EXPECT_EQ(document.verified(), GetParam().expected.empty());
}

INSTANTIATE_TEST_SUITE_P(Codes, ProblemsTest, ::testing::ValuesIn(rows()),
                         [](const ::testing::TestParamInfo<Row>& row) { return row.param.name; });

} // namespace
} // namespace cccd::capitest
