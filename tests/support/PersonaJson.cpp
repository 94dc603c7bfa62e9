#include "support/PersonaJson.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "support/TestData.h"

namespace cccd::test {

using nlohmann::json;

namespace {

json emptyAsNull(const json& value) {
    return value.is_null() || value == "" ? json(nullptr) : value;
}

void expectCitizen(const json& c, const json& p) {
    EXPECT_EQ(c["personal_id_number"], p["personalIdNumber"]);
    EXPECT_EQ(c["full_name"], p["fullName"]);
    EXPECT_EQ(c["date_of_birth"], p["dateOfBirth"]);
    EXPECT_EQ(c["sex"], p["sex"] == "F" ? "Nữ" : "Nam");
    for (const auto& [key, field] :
         std::map<std::string, std::string>{{"nationality", "nationality"},
                                            {"ethnicity", "ethnicity"},
                                            {"religion", "religion"},
                                            {"place_of_origin", "placeOfOrigin"},
                                            {"place_of_residence", "placeOfResidence"},
                                            {"identifying_marks", "identifyingMarks"},
                                            {"date_of_issue", "dateOfIssue"},
                                            {"date_of_expiry", "dateOfExpiry"},
                                            {"field_16", "field16"}}) {
        EXPECT_EQ(c[key], p[field]) << key;
    }
    EXPECT_EQ(c["no_expiry"], p["dateOfExpiry"].is_null());
    EXPECT_EQ(c["spouse_name"], emptyAsNull(p["spouse"]));
    EXPECT_EQ(c["old_id_number"], emptyAsNull(p.value("oldIdNumber", json())));

    // Two names are father and mother; one name alone is a parent of unknown role.
    json parents = json::array();
    bool both = p["father"] != "" && p["mother"] != "";
    for (const char* role : {"father", "mother"}) {
        if (p[role] != "") {
            parents.push_back({{"role", both ? role : "unknown"}, {"name", p[role]}});
        }
    }
    EXPECT_EQ(c["parents"], parents);
    EXPECT_EQ(c["father_name"], both ? p["father"] : json(nullptr));
    EXPECT_EQ(c["mother_name"], both ? p["mother"] : json(nullptr));
}

void expectMrz(const json& m, const json& p) {
    std::string id = p["personalIdNumber"].get<std::string>();
    EXPECT_EQ(m["personal_id_number"], id);
    EXPECT_EQ(m["document_number"], id.substr(3));
    EXPECT_EQ(m["primary_identifier"], p["mrzSurname"]);
    EXPECT_EQ(m["secondary_identifier"], p["mrzGivenNames"]);
    EXPECT_EQ(m["date_of_birth"], p["dateOfBirth"]);
    EXPECT_EQ(m["date_of_expiry"], p["dateOfExpiry"]);
    EXPECT_EQ(m["no_expiry"], p["dateOfExpiry"].is_null());
    EXPECT_EQ(m["sex"], p["sex"]);
    EXPECT_EQ(m["all_check_digits_valid"], true);
    EXPECT_EQ(m["check_digits"].size(), 5u);
}

/// Lower-case copy, for hex that a log might print either way.
std::string lowered(std::string text) {
    for (char& c : text) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return text;
}

} // namespace

std::vector<std::string> personaSecrets(const std::string& name) {
    std::vector<std::string> out;
    std::filesystem::path profiles = binaryDir() / "profiles";
    std::ifstream mrzFile(profiles / (name + ".mrz"));
    for (std::string line; std::getline(mrzFile, line);) {
        out.push_back(line);
    }
    std::ifstream canFile(profiles / (name + ".can"));
    if (std::string can; std::getline(canFile, can) && !can.empty()) {
        out.push_back(can);
    }
    json profile;
    std::ifstream(profiles / (name + ".json")) >> profile;
    out.push_back(profile["access"]["mrzInformation"].get<std::string>());
    if (profile["application"].contains("0102")) {
        // Two runs from the middle of DG2: the image, not its headers.
        std::string dg2 = profile["application"]["0102"].get<std::string>();
        for (std::size_t at : {dg2.size() / 3, dg2.size() / 2}) {
            std::string run = dg2.substr(at & ~std::size_t{1}, 32);
            out.push_back(run);
            out.push_back(lowered(run));
        }
    }
    std::filesystem::path personaPath =
        sourceDir() / "drivers/emulator/personas" / (name + ".json");
    if (!std::filesystem::exists(personaPath)) {
        return out;
    }
    const json persona = loadPersona(name); // items() only refers to it
    for (const auto& [key, value] : persona.items()) {
        if (!value.is_string() || key == "profile" || key == "description" || key == "sex") {
            continue;
        }
        std::string text = value.get<std::string>();
        if (text.size() < 4 || text == "Kinh" || text == "Không" || text == "Việt Nam") {
            continue; // too common to be a finding
        }
        out.push_back(text);
        if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
            out.push_back(text.substr(2, 2) + text.substr(5, 2) + text.substr(8, 2));
            out.push_back(text.substr(8, 2) + "/" + text.substr(5, 2) + "/" + text.substr(0, 4));
        }
    }
    return out;
}

json loadPersona(const std::string& name) {
    std::ifstream in(sourceDir() / "drivers/emulator/personas" / (name + ".json"));
    return json::parse(in);
}

void expectDocumentJsonIsPersona(const json& output, const json& persona) {
    expectCitizen(output.at("citizen"), persona);
    expectMrz(output.at("mrz"), persona);
}

} // namespace cccd::test
