#include "json/DocumentJson.h"

#include "json/ChipAuthenticationJson.h"
#include "json/QrJson.h"
#include "json/VerificationJson.h"
#include "verify/QrCrossCheck.h"

namespace cccd::json {

namespace {

using nlohmann::json;

template <typename T> json orNull(const std::optional<T>& value) {
    return value ? json(*value) : json(nullptr);
}

json dateToJson(const std::optional<lds::Dg13Date>& date) {
    if (!date) {
        return nullptr;
    }
    return date->iso ? json(*date->iso) : json(nullptr);
}

std::string_view checkFieldName(mrz::MrzCheckField field) {
    switch (field) {
    case mrz::MrzCheckField::DocumentNumber:
        return "document_number";
    case mrz::MrzCheckField::PersonalIdNumber:
        return "personal_id_number";
    case mrz::MrzCheckField::OptionalData:
        return "optional_data";
    case mrz::MrzCheckField::BirthDate:
        return "date_of_birth";
    case mrz::MrzCheckField::ExpiryDate:
        return "date_of_expiry";
    case mrz::MrzCheckField::Composite:
        return "composite";
    }
    return "unknown";
}

std::string_view formatName(mrz::MrzFormat format) {
    switch (format) {
    case mrz::MrzFormat::Td1:
        return "TD1";
    case mrz::MrzFormat::Td2:
        return "TD2";
    case mrz::MrzFormat::Td3:
        return "TD3";
    }
    return "unknown";
}

std::string_view roleName(lds::ParentRole role) {
    switch (role) {
    case lds::ParentRole::Father:
        return "father";
    case lds::ParentRole::Mother:
        return "mother";
    case lds::ParentRole::Unknown:
        return "unknown";
    }
    return "unknown";
}

std::string_view imageFormatName(lds::ImageFormat format) {
    switch (format) {
    case lds::ImageFormat::Jpeg:
        return "jpeg";
    case lds::ImageFormat::Jpeg2000Codestream:
        return "jpeg2000";
    case lds::ImageFormat::Jp2:
        return "jp2";
    case lds::ImageFormat::Unknown:
        return "unknown";
    }
    return "unknown";
}

json portraitToJson(const lds::FaceImage& face, const JsonOptions& options) {
    json p;
    p["format"] = imageFormatName(face.imageFormat);
    p["mime_type"] = lds::mimeType(face.imageFormat);
    p["width"] = face.imageSize ? json(face.imageSize->width) : json(nullptr);
    p["height"] = face.imageSize ? json(face.imageSize->height) : json(nullptr);
    p["record_width"] = face.recordWidth;
    p["record_height"] = face.recordHeight;
    p["size_bytes"] = face.image.size();
    p["declared_type_matches"] = face.imageTypeMatches();
    p["file"] = options.portraitPath.empty() ? json(nullptr) : json(options.portraitPath);
    return p;
}

json cardToJson(const reader::Document& d) {
    const reader::CardReadout& r = d.readout;
    json card;
    card["atr"] = toHex(r.atr);
    card["access_protocol"] = r.access.protocol;
    card["access_password"] = r.access.password;
    card["pace_protocol"] =
        r.access.paceProtocol.empty() ? json(nullptr) : json(r.access.paceProtocol);
    card["pace_parameter_id"] =
        r.access.paceParameterId ? json(*r.access.paceParameterId) : json(nullptr);
    card["pace_failure"] =
        r.access.paceFailure.empty() ? json(nullptr) : json(r.access.paceFailure);
    card["bac_attempts"] = r.access.bacAttempts;
    card["extended_length"] = r.extendedLength;
    card["read_binary_commands"] = r.readBinaryCommands;
    card["sessions"] = r.sessions;
    card["secure_messaging_recoveries"] = r.secureMessagingRecoveries;
    json read = r.efCardAccess.empty() ? json::array() : json::array({"EF.CardAccess"});
    if (!r.efCardSecurity.empty()) {
        read.push_back("EF.CardSecurity");
    }
    read.push_back("EF.COM");
    for (const auto& [dg, bytes] : r.dataGroups) {
        read.push_back("DG" + std::to_string(dg));
    }
    if (!r.efSod.empty()) {
        read.push_back("EF.SOD");
    }
    card["files_read"] = read;
    json skipped = json::array();
    for (const auto& s : r.skipped) {
        skipped.push_back({{"file", "DG" + std::to_string(s.dataGroup)}, {"reason", s.reason}});
    }
    card["files_skipped"] = skipped;
    card["lds_version"] = d.efCom ? json(d.efCom->ldsVersion) : json(nullptr);
    card["unicode_version"] = d.efCom ? json(d.efCom->unicodeVersion) : json(nullptr);
    card["data_groups_listed"] = d.efCom ? json(d.efCom->dataGroups) : json(nullptr);
    return card;
}

json chipSecurityToJson(const reader::Document& d) {
    json security = {{"dg14_protocols", nullptr}, {"active_authentication_key", nullptr}};
    if (d.dg14) {
        const lds::SecurityInfos& infos = d.dg14->securityInfos;
        json protocols = json::array();
        for (const auto& ca : infos.chipAuthenticationInfos) {
            protocols.push_back({{"type", "chip_authentication"}, {"oid", ca.protocol}});
        }
        for (const auto& pace : infos.paceInfos) {
            protocols.push_back({{"type", "pace"}, {"oid", pace.protocol}});
        }
        for (const auto& ta : infos.terminalAuthenticationInfos) {
            protocols.push_back({{"type", "terminal_authentication"}, {"oid", ta.protocol}});
        }
        security["dg14_protocols"] = protocols;
    }
    if (d.dg15) {
        const lds::SubjectPublicKeyInfo& key = d.dg15->publicKey;
        security["active_authentication_key"] = {
            {"algorithm_oid", key.algorithm},
            {"rsa_modulus_bits", key.rsaModulusBits()},
        };
    }
    return security;
}

} // namespace

json mrzToJson(const mrz::Mrz& m) {
    json out;
    out["format"] = formatName(m.format);
    out["document_code"] = m.documentCode;
    out["issuing_state"] = m.issuingState;
    out["document_number"] = m.documentNumber;
    out["personal_id_number"] = orNull(m.personalIdNumber);
    out["date_of_birth"] = orNull(m.birthDate.iso);
    out["date_of_birth_raw"] = m.birthDate.raw;
    out["sex"] = std::string(1, m.sexCode);
    out["date_of_expiry"] = m.expiryDate.noExpiry ? json(nullptr) : orNull(m.expiryDate.iso);
    out["date_of_expiry_raw"] = m.expiryDate.raw;
    out["no_expiry"] = m.expiryDate.noExpiry;
    out["nationality"] = m.nationality;
    out["primary_identifier"] = m.primaryIdentifier;
    out["secondary_identifier"] = m.secondaryIdentifier;
    out["optional_data_1"] = m.optionalData1;
    out["optional_data_2"] = m.optionalData2;
    json checks = json::array();
    for (const auto& c : m.checks) {
        checks.push_back({{"field", checkFieldName(c.field)},
                          {"printed", std::string(1, c.printed)},
                          {"computed", c.computed ? json(std::string(1, *c.computed)) : json()},
                          {"valid", c.valid()}});
    }
    out["check_digits"] = checks;
    out["all_check_digits_valid"] = m.allChecksValid();
    return out;
}

json citizenToJson(const lds::Dg13& g) {
    json c;
    c["personal_id_number"] = orNull(g.personalIdNumber);
    c["full_name"] = orNull(g.fullName);
    c["date_of_birth"] = dateToJson(g.birthDate);
    c["sex"] = orNull(g.sex);
    c["nationality"] = orNull(g.nationality);
    c["ethnicity"] = orNull(g.ethnicity);
    c["religion"] = orNull(g.religion);
    c["place_of_origin"] = orNull(g.placeOfOrigin);
    c["place_of_residence"] = orNull(g.placeOfResidence);
    c["identifying_marks"] = orNull(g.identifyingMarks);
    c["date_of_issue"] = dateToJson(g.issueDate);
    bool noExpiry = g.expiryDate && g.expiryDate->saysNoExpiry();
    c["date_of_expiry"] = noExpiry ? json(nullptr) : dateToJson(g.expiryDate);
    c["no_expiry"] = noExpiry;
    c["expiry_text"] = g.expiryDate ? json(g.expiryDate->raw) : json(nullptr);
    c["father_name"] = orNull(g.fatherName());
    c["mother_name"] = orNull(g.motherName());
    json parents = json::array();
    for (const auto& p : g.parents) {
        parents.push_back({{"role", roleName(p.role)}, {"name", p.name}});
    }
    c["parents"] = parents;
    c["spouse_name"] = orNull(g.spouseName);
    c["old_id_number"] = orNull(g.oldIdNumber);
    c["field_16"] = orNull(g.field16);
    json unknown = json::array();
    for (const lds::Dg13Field* f : g.unknownFields()) {
        unknown.push_back({{"number", f->number}, {"tlv", toHex(f->encoded)}});
    }
    c["unknown_fields"] = unknown;
    c["anomalies"] = g.anomalies;
    return c;
}

json documentToJson(const reader::Document& d, const JsonOptions& options) {
    json out;
    out["schema_version"] = SchemaVersion;
    out["card"] = cardToJson(d);
    out["citizen"] = d.dg13 ? citizenToJson(*d.dg13) : json(nullptr);
    out["mrz"] = d.dg1 ? mrzToJson(d.dg1->mrz) : json(nullptr);
    const lds::FaceImage* face = d.portrait();
    out["portrait"] = face ? portraitToJson(*face, options) : json(nullptr);
    out["chip_security"] = chipSecurityToJson(d);
    json issues = json::array();
    for (const auto& i : d.parseIssues) {
        issues.push_back({{"file", i.file},
                          {"error", errorCodeName(i.code)},
                          {"reason", i.reason},
                          {"blocks_verification", i.blocksVerification}});
    }
    out["parse_issues"] = issues;
    json contentIssues = json::array();
    for (const auto& i : d.contentIssues) {
        contentIssues.push_back(
            {{"file", i.file}, {"check", reader::contentCheckName(i.check)}, {"reason", i.reason}});
    }
    out["content_issues"] = contentIssues;
    out["verification"] = {
        {"passive_authentication",
         toJson(d.passiveAuthentication, sodHashAlgorithm(d.readout.efSod))},
        {"missing_data_groups", d.missingDataGroups},
        {"card_security", d.cardSecurity ? toJson(*d.cardSecurity) : json(nullptr)},
        {"chip_authentication_mapping", d.readout.chipAuthenticationMapping
                                            ? toJson(*d.readout.chipAuthenticationMapping)
                                            : json(nullptr)},
        {"chip_authentication",
         d.readout.chipAuthentication ? toJson(*d.readout.chipAuthentication) : json(nullptr)},
        {"active_authentication",
         d.readout.activeAuthentication ? toJson(*d.readout.activeAuthentication) : json(nullptr)},
        {"chip_verdict", reader::chipVerdictName(d.chipVerdict())},
        {"pace_info_in_dg14", reader::paceInfoCheckName(d.paceInfoCheck())},
        {"card_access_in_card_security", reader::cardAccessCheckName(d.cardAccessCheck())},
        {"data_group_lists", reader::dataGroupListCheckName(d.dataGroupListCheck())},
    };
    out["verified"] = d.verified();
    if (options.qr) {
        const lds::Dg1* dg1 = d.dg1 ? &*d.dg1 : nullptr;
        const lds::Dg13* dg13 = d.dg13 ? &*d.dg13 : nullptr;
        out["qr"] = toJson(*options.qr);
        out["verification"]["qr_cross_check"] =
            toJson(verify::crossCheckQr(*options.qr, dg13, dg1));
    }
    return out;
}

} // namespace cccd::json
