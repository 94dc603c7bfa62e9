#include "json/QrJson.h"

namespace cccd::json {

nlohmann::json toJson(const qr::QrPayload& payload) {
    return {
        {"layout", payload.layout == qr::QrLayout::Cccd2021 ? "cccd_2021" : "can_cuoc_2024"},
        {"personal_id_number", payload.personalIdNumber},
        {"old_id_number", payload.oldIdNumber.empty() ? nlohmann::json(nullptr)
                                                      : nlohmann::json(payload.oldIdNumber)},
        {"full_name", payload.fullName},
        {"date_of_birth", qr::toIsoDate(payload.dateOfBirth)},
        {"sex", payload.sex == qr::Sex::Male ? "male" : "female"},
        {"place_of_residence", payload.placeOfResidence},
        {"date_of_issue", qr::toIsoDate(payload.dateOfIssue)},
        {"extra_fields", payload.extraFields},
    };
}

nlohmann::json toJson(const qr::QrAccessKeys& keys) {
    nlohmann::json candidates = nlohmann::json::array();
    for (const qr::BacCandidate& c : keys.bacCandidates) {
        candidates.push_back({{"document_number", std::string(c.key.documentNumber())},
                              {"birth_date", std::string(c.key.birthDate())},
                              {"expiry_date", std::string(c.key.expiryDate())},
                              {"basis", c.basis}});
    }
    return {{"can", toString(keys.can.view())},
            {"bac_candidates", candidates},
            {"bac_attempts_per_tap", qr::MaxBacAttemptsPerTap}};
}

nlohmann::json toJson(const verify::QrCrossCheckReport& report) {
    nlohmann::json checks = nlohmann::json::array();
    for (const verify::QrFieldCheck& c : report.checks) {
        checks.push_back({{"field", qr::qrFieldName(c.field)},
                          {"chip_file", c.chipFile},
                          {"result", verify::fieldMatchName(c.result)}});
    }
    nlohmann::json mismatches = nlohmann::json::array();
    for (const verify::QrFieldCheck& c : report.mismatches()) {
        mismatches.push_back(std::string(qr::qrFieldName(c.field)) + " (" +
                             std::string(c.chipFile) + ")");
    }
    return {{"consistent", report.consistent()}, {"mismatches", mismatches}, {"checks", checks}};
}

} // namespace cccd::json
