#include "capi/Problems.h"

#include <algorithm>
#include <string_view>

namespace cccd::capi {
namespace {

class ProblemList {
public:
    void add(std::string_view code, std::string_view file = {}) {
        Problem problem{std::string(code), std::string(file)};
        if (std::find(m_problems.begin(), m_problems.end(), problem) == m_problems.end()) {
            m_problems.push_back(std::move(problem));
        }
    }

    [[nodiscard]] std::size_t size() const { return m_problems.size(); }

    [[nodiscard]] std::vector<Problem> take() { return std::move(m_problems); }

private:
    std::vector<Problem> m_problems;
};

std::string dataGroupName(int number) {
    return "DG" + std::to_string(number);
}

std::string_view contentProblem(reader::ContentCheck check) {
    using reader::ContentCheck;
    switch (check) {
    case ContentCheck::LdsVersion:
        return "lds_version_invalid";
    case ContentCheck::DataGroupList:
        return "data_group_list_differs";
    case ContentCheck::MrzField:
        return "mrz_field_invalid";
    case ContentCheck::MrzCheckDigit:
        return "mrz_check_digit_wrong";
    case ContentCheck::MrzAccessKey:
        return "mrz_differs_from_key";
    case ContentCheck::FaceRecord:
        return "face_record_invalid";
    }
    return "content_invalid";
}

// The signature steps of Passive Authentication (ICAO 9303-11 §5.1.1 steps 1-3), in the order
// DocumentSignerReport::passed() judges them; a step that did not run (NotChecked) is no reason.
void addSignerProblems(const verify::DocumentSignerReport& signer, std::string_view file,
                       ProblemList& problems) {
    using namespace verify;
    if (signer.certificate == SignerCertificateStatus::NotFound) {
        problems.add("signer_certificate_not_found", file);
    }
    if (signer.certificateProfile != CertificateProfileStatus::Conforming &&
        signer.certificateProfile != CertificateProfileStatus::NotChecked) {
        problems.add("signer_certificate_nonconforming", file);
    }
    if (signer.signature != SignatureStatus::Valid &&
        signer.signature != SignatureStatus::NotChecked) {
        problems.add("signature_invalid", file);
    }
    if (signer.chain == ChainStatus::SignatureInvalid) {
        problems.add("certificate_chain_invalid", file);
    }
    if (signer.chain == ChainStatus::IssuerUnknown) {
        problems.add("issuer_unknown", file);
    }
    if (signer.documentSignerAtSigning == ValidityStatus::Expired ||
        signer.documentSignerAtSigning == ValidityStatus::NotYetValid) {
        problems.add("signer_certificate_not_valid", file);
    }
    if (signer.chain == ChainStatus::Trusted &&
        (signer.cscaAtSigning == ValidityStatus::Expired ||
         signer.cscaAtSigning == ValidityStatus::NotYetValid)) {
        problems.add("csca_not_valid", file);
    }
}

void addParseProblem(verify::ParseStatus parse, std::string_view file, ProblemList& problems) {
    switch (parse) {
    case verify::ParseStatus::Ok:
        return;
    case verify::ParseStatus::Malformed:
        problems.add("security_object_malformed", file);
        return;
    case verify::ParseStatus::Unsupported:
        problems.add("security_object_unsupported", file);
        return;
    }
}

void addPassiveAuthenticationProblems(const verify::PassiveAuthenticationReport& report,
                                      ProblemList& problems) {
    if (report.verdict == verify::Verdict::Valid) {
        return;
    }
    const std::size_t before = problems.size();
    addParseProblem(report.sodParse, "EF.SOD", problems);
    for (const verify::DgHashResult& result : report.dataGroups) {
        switch (result.status) {
        case verify::DgHashStatus::Match:
            break;
        case verify::DgHashStatus::Mismatch:
            problems.add("data_group_hash_mismatch", dataGroupName(result.dataGroup));
            break;
        case verify::DgHashStatus::NotInSod:
            problems.add("data_group_not_signed", dataGroupName(result.dataGroup));
            break;
        }
    }
    addSignerProblems(report.signer, "EF.SOD", problems);
    if (problems.size() == before) {
        problems.add("passive_authentication_failed", "EF.SOD");
    }
}

void addCardSecurityProblems(const std::optional<verify::CardSecurityReport>& report,
                             ProblemList& problems) {
    if (!report || report->verdict == verify::Verdict::Valid) {
        return;
    }
    const std::size_t before = problems.size();
    addParseProblem(report->parse, "EF.CardSecurity", problems);
    addSignerProblems(report->signer, "EF.CardSecurity", problems);
    if (problems.size() == before) {
        problems.add("passive_authentication_failed", "EF.CardSecurity");
    }
}

} // namespace

std::vector<Problem> problemsOf(const reader::Document& document) {
    if (document.verified()) {
        return {};
    }
    ProblemList problems;
    if (document.readout.dataGroups.empty()) {
        problems.add("no_data_group_read");
    }
    for (int number : document.missingDataGroups) {
        problems.add("data_group_missing", dataGroupName(number));
    }
    for (const reader::ParseIssue& issue : document.parseIssues) {
        if (issue.blocksVerification) {
            problems.add("file_malformed", issue.file);
        }
    }
    for (const reader::ContentIssue& issue : document.contentIssues) {
        problems.add(contentProblem(issue.check), issue.file);
    }
    if (document.dataGroupListCheck() == reader::DataGroupListCheck::Differs) {
        problems.add("data_group_list_differs", "EF.COM");
    }
    addPassiveAuthenticationProblems(document.passiveAuthentication, problems);
    addCardSecurityProblems(document.cardSecurity, problems);
    if (document.chipVerdict() == reader::ChipVerdict::PossibleClone) {
        problems.add("chip_possible_clone");
    }
    if (document.paceInfoCheck() == reader::PaceInfoCheck::Differs) {
        problems.add("pace_info_differs", "EF.CardAccess");
    }
    if (document.cardAccessCheck() == reader::CardAccessCheck::Differs) {
        problems.add("card_access_differs", "EF.CardAccess");
    }
    // verified() and this list judge the same parts; should one gain a part the other lacks,
    // the caller still learns that the document is not verified.
    if (problems.size() == 0) {
        problems.add("not_verified");
    }
    return problems.take();
}

} // namespace cccd::capi
