#include "kiosk/core/FormCatalog.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/Error.h"
#include "qr/QrText.h"

namespace cccd::kiosk {

namespace {

constexpr const char* GroupsFile = "procedures.json";

std::vector<std::string> words(const std::string& key) {
    std::vector<std::string> out;
    std::istringstream in(key);
    for (std::string w; in >> w;) {
        out.push_back(w);
    }
    return out;
}

std::string searchText(const FormDefinition& f) {
    std::string all = f.code + " " + f.id + " " + f.title.vi + " " + f.title.en;
    for (const std::string& k : f.keywords) {
        all += " " + k;
    }
    return " " + qr::searchKey(all) + " ";
}

std::vector<ProcedureGroup> loadGroups(const std::filesystem::path& file,
                                       const std::vector<FormDefinition>& forms) {
    std::ifstream in(file);
    if (!in) {
        return {};
    }
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object() || !j.contains("groups") || !j["groups"].is_array()) {
        throw Error(ErrorCode::MalformedData, "procedures.json: no \"groups\" array");
    }
    std::vector<ProcedureGroup> out;
    for (const nlohmann::json& g : j["groups"]) {
        ProcedureGroup group;
        group.id = g.value("id", "");
        group.title = {g.value("/title/vi"_json_pointer, ""),
                       g.value("/title/en"_json_pointer, "")};
        group.formIds = g.value("forms", std::vector<std::string>{});
        for (const std::string& id : group.formIds) {
            bool known = std::any_of(forms.begin(), forms.end(),
                                     [&id](const FormDefinition& f) { return f.id == id; });
            if (!known) {
                throw Error(ErrorCode::MalformedData, "procedures.json: group \"" + group.id +
                                                          "\" names no form \"" + id + "\"");
            }
        }
        out.push_back(std::move(group));
    }
    return out;
}

} // namespace

FormCatalog FormCatalog::load(const std::filesystem::path& folder) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        throw Error(ErrorCode::Io, "the forms folder does not exist");
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == ".json" && entry.path().filename() != GroupsFile) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    FormCatalog catalog;
    for (const std::filesystem::path& file : files) {
        catalog.m_forms.push_back(FormDefinition::load(file));
        if (catalog.m_forms.back().id != file.stem().string()) {
            throw Error(ErrorCode::MalformedData,
                        "form id differs from its file name (" + file.filename().string() + ")");
        }
    }
    catalog.m_groups = loadGroups(folder / GroupsFile, catalog.m_forms);
    return catalog;
}

const FormDefinition* FormCatalog::find(std::string_view id) const {
    for (const FormDefinition& f : m_forms) {
        if (f.id == id) {
            return &f;
        }
    }
    return nullptr;
}

std::vector<const FormDefinition*> FormCatalog::search(std::string_view query) const {
    std::string key = qr::searchKey(query);
    std::vector<std::string> wanted = words(key);
    std::vector<const FormDefinition*> phrase;
    std::vector<const FormDefinition*> prefixes;
    for (const FormDefinition& f : m_forms) {
        std::string text = searchText(f);
        if (text.find(" " + key + " ") != std::string::npos) {
            phrase.push_back(&f);
        }
        // Every word the clerk typed begins a word of the form ("kh si" finds "khai sinh").
        bool all = std::all_of(wanted.begin(), wanted.end(), [&text](const std::string& w) {
            return text.find(" " + w) != std::string::npos;
        });
        if (all) {
            prefixes.push_back(&f);
        }
    }
    // The words as typed, together, say more than the same words scattered over a form.
    return !key.empty() && !phrase.empty() ? phrase : prefixes;
}

} // namespace cccd::kiosk
