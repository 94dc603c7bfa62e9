#include "kiosk/core/CitizenRecord.h"

#include <algorithm>

#include "json/DocumentJson.h"

namespace cccd::kiosk {

namespace {

// "1990-05-14" (the JSON's ISO dates) as forms print them: "14/05/1990".
std::string formDate(const std::string& iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') {
        return iso;
    }
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

} // namespace

const std::vector<std::string>& citizenAttributes() {
    static const std::vector<std::string> names{
        "personal_id_number", "full_name",         "date_of_birth", "sex",
        "nationality",        "ethnicity",         "religion",      "place_of_origin",
        "place_of_residence", "identifying_marks", "date_of_issue", "date_of_expiry",
        "father_name",        "mother_name",       "spouse_name",   "old_id_number",
    };
    return names;
}

bool isCitizenAttribute(std::string_view name) {
    const auto& names = citizenAttributes();
    return std::find(names.begin(), names.end(), name) != names.end();
}

CitizenRecord::~CitizenRecord() {
    wipe();
}

CitizenRecord CitizenRecord::fromDocument(const reader::Document& document) {
    CitizenRecord out;
    if (!document.dg13) {
        return out;
    }
    nlohmann::json citizen = json::citizenToJson(*document.dg13);
    for (const std::string& name : citizenAttributes()) {
        const nlohmann::json& v = citizen[name];
        if (!v.is_string()) {
            continue;
        }
        std::string text = v.get<std::string>();
        out.set(name, name.starts_with("date_") ? formDate(text) : text);
    }
    if (citizen["no_expiry"].is_boolean() && citizen["no_expiry"].get<bool>() &&
        citizen["expiry_text"].is_string()) {
        out.set("date_of_expiry", citizen["expiry_text"].get<std::string>());
    }
    std::string dump = citizen.dump();
    cccd::wipe(dump);
    return out;
}

std::string CitizenRecord::value(std::string_view attribute) const {
    auto it = m_values.find(attribute);
    return it == m_values.end() ? std::string() : it->second;
}

void CitizenRecord::set(std::string attribute, std::string value) {
    auto it = m_values.find(attribute);
    if (it != m_values.end()) {
        cccd::wipe(it->second);
        it->second = std::move(value);
        return;
    }
    m_values.emplace(std::move(attribute), std::move(value));
}

void CitizenRecord::wipe() {
    for (auto& [name, value] : m_values) {
        cccd::wipe(value);
    }
    m_values.clear();
}

} // namespace cccd::kiosk
