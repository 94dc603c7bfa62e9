#include "emulator/profilegen/Persona.h"

#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <variant>

#include "base/Error.h"
#include "emulator/card/FaultPlan.h"

namespace cccd::emulator {

namespace {

using nlohmann::json;

[[noreturn]] void malformed(const std::string& what) {
    throw Error(ErrorCode::MalformedData, "persona: " + what);
}

int number(std::string_view text) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        malformed("bad date");
    }
    return value;
}

std::string text(const json& doc, const char* key) {
    if (!doc.contains(key) || !doc.at(key).is_string()) {
        malformed(std::string("missing text field ") + key);
    }
    return doc.at(key).get<std::string>();
}

std::optional<std::uint64_t> optionalNumber(const json& object, const char* key) {
    if (!object.contains(key) || object.at(key).is_null()) {
        return std::nullopt;
    }
    if (!object.at(key).is_number_unsigned()) {
        malformed(std::string(key) + " must be a non-negative integer");
    }
    return object.at(key).get<std::uint64_t>();
}

ChipAuthenticationOption parseChipAuthentication(const json& ca) {
    ChipAuthenticationOption option;
    option.protocol = ca.value("protocol", option.protocol);
    option.parameterId = optionalNumber(ca, "parameterId").value_or(option.parameterId);
    option.keyId = optionalNumber(ca, "keyId");
    option.explicitParameters = ca.value("explicitParameters", option.explicitParameters);
    option.keyMismatch = ca.value("keyMismatch", option.keyMismatch);
    return option;
}

// "card" keys for BAC, PACE, TA, CA and AA; absent keys keep the CCCD's defaults and null
// switches a protocol off (format in drivers/emulator/README.md).
CardFeatures parseFeatures(const json& card) {
    CardFeatures features;
    features.bac = card.value("bac", features.bac);
    features.terminalAuthentication =
        card.value("terminalAuthentication", features.terminalAuthentication);
    if (card.contains("pace")) {
        features.pace.clear();
        for (const json& entry : card.at("pace")) {
            PaceOption option;
            option.protocol = text(entry, "protocol");
            option.parameterId = optionalNumber(entry, "parameterId").value_or(option.parameterId);
            option.explicitParameterId = optionalNumber(entry, "explicitParameterId");
            features.pace.push_back(option);
        }
    }
    if (card.contains("chipAuthentication")) {
        const json& ca = card.at("chipAuthentication");
        features.chipAuthentication.reset();
        if (!ca.is_null()) {
            features.chipAuthentication = parseChipAuthentication(ca);
        }
    }
    for (const json& ca : card.value("additionalChipAuthentication", json::array())) {
        features.additionalChipAuthentication.push_back(parseChipAuthentication(ca));
    }
    if (card.contains("activeAuthentication")) {
        const json& aa = card.at("activeAuthentication");
        features.activeAuthentication.reset();
        if (!aa.is_null()) {
            ActiveAuthenticationOption option;
            std::string key = aa.value("keyType", std::string("rsa"));
            if (key != "rsa" && key != "ec") {
                malformed("activeAuthentication.keyType must be rsa or ec");
            }
            option.keyType = key == "rsa" ? ActiveAuthenticationOption::KeyType::Rsa
                                          : ActiveAuthenticationOption::KeyType::Ec;
            option.rsaBits = aa.value("rsaBits", option.rsaBits);
            option.parameterId = optionalNumber(aa, "parameterId").value_or(option.parameterId);
            option.digest = aa.value("digest", option.digest);
            option.keyMismatch = aa.value("keyMismatch", option.keyMismatch);
            features.activeAuthentication = option;
        }
    }
    return features;
}

} // namespace

std::chrono::year_month_day parseIsoDate(std::string_view value) {
    if (value.size() != 10 || value[4] != '-' || value[7] != '-') {
        malformed("date must be YYYY-MM-DD");
    }
    std::chrono::year_month_day date{std::chrono::year(number(value.substr(0, 4))),
                                     std::chrono::month(unsigned(number(value.substr(5, 2)))),
                                     std::chrono::day(unsigned(number(value.substr(8, 2))))};
    if (!date.ok()) {
        malformed("not a calendar date");
    }
    return date;
}

Persona parsePersona(std::string_view source) {
    json doc;
    try {
        doc = json::parse(source);
    } catch (const json::exception& e) {
        malformed(std::string("not JSON: ") + e.what());
    }
    Persona p;
    p.profile = text(doc, "profile");
    p.description = doc.value("description", std::string());
    p.personalIdNumber = text(doc, "personalIdNumber");
    if (p.personalIdNumber.size() != 12 ||
        p.personalIdNumber.find_first_not_of("0123456789") != std::string::npos) {
        malformed("personalIdNumber must be 12 digits");
    }
    p.fullName = text(doc, "fullName");
    p.mrzSurname = text(doc, "mrzSurname");
    p.mrzGivenNames = text(doc, "mrzGivenNames");
    p.dateOfBirth = parseIsoDate(text(doc, "dateOfBirth"));
    std::string sex = text(doc, "sex");
    if (sex != "M" && sex != "F") {
        malformed("sex must be M or F");
    }
    p.sex = sex[0];
    p.nationality = text(doc, "nationality");
    p.ethnicity = text(doc, "ethnicity");
    p.religion = text(doc, "religion");
    p.placeOfOrigin = text(doc, "placeOfOrigin");
    p.placeOfResidence = text(doc, "placeOfResidence");
    p.identifyingMarks = text(doc, "identifyingMarks");
    p.dateOfIssue = parseIsoDate(text(doc, "dateOfIssue"));
    if (doc.contains("dateOfExpiry") && !doc.at("dateOfExpiry").is_null()) {
        p.dateOfExpiry = parseIsoDate(text(doc, "dateOfExpiry"));
    }
    p.father = doc.value("father", std::string());
    p.mother = doc.value("mother", std::string());
    p.spouse = doc.value("spouse", std::string());
    if (doc.contains("oldIdNumber") && !doc.at("oldIdNumber").is_null()) {
        p.oldIdNumber = text(doc, "oldIdNumber");
    }
    p.field16 = text(doc, "field16");

    json card = doc.value("card", json::object());
    p.atrKind = card.value("atr", p.atrKind);
    p.extendedLength = card.value("extendedLength", p.extendedLength);
    p.cardAccess = card.value("cardAccess", p.cardAccess);
    if (card.contains("selectMfStatus")) {
        p.selectMfStatus = card.at("selectMfStatus").is_null()
                               ? std::nullopt
                               : std::optional(card.at("selectMfStatus").get<std::string>());
    }
    for (const json& fault : card.value("faults", json::array())) {
        std::string line = fault.get<std::string>();
        std::variant<CommandFault, std::string> parsed = parseCommandFault(line);
        if (const auto* error = std::get_if<std::string>(&parsed)) {
            malformed("card fault '" + line + "': " + *error);
        }
        p.faults.push_back(std::move(line));
    }
    try {
        p.features = parseFeatures(card);
    } catch (const json::exception& e) {
        malformed(std::string("card features: ") + e.what());
    }
    return p;
}

Persona loadPersona(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ErrorCode::Io, "cannot read persona " + path.string());
    }
    std::stringstream content;
    content << in.rdbuf();
    return parsePersona(content.str());
}

} // namespace cccd::emulator
