#include "kiosk/core/FormDefinition.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "base/Error.h"
#include "kiosk/core/CitizenRecord.h"

namespace cccd::kiosk {

namespace {

using nlohmann::json;

[[noreturn]] void bad(const std::string& what) {
    throw Error(ErrorCode::MalformedData, "form definition: " + what);
}

LocalizedText text(const json& j, const char* key, bool required) {
    if (!j.contains(key)) {
        if (required) {
            bad(std::string("missing \"") + key + "\"");
        }
        return {};
    }
    const json& t = j[key];
    if (t.is_string()) {
        return {t.get<std::string>(), ""};
    }
    if (!t.is_object() || !t.contains("vi") || !t["vi"].is_string()) {
        bad(std::string("\"") + key + "\" needs a Vietnamese text (\"vi\")");
    }
    return {t["vi"].get<std::string>(), t.value("en", "")};
}

FieldType typeOf(const std::string& name) {
    static const std::pair<const char*, FieldType> types[] = {
        {"text", FieldType::Text},   {"date", FieldType::Date},   {"digits", FieldType::Digits},
        {"phone", FieldType::Phone}, {"email", FieldType::Email}, {"choice", FieldType::Choice},
        {"check", FieldType::Check},
    };
    for (const auto& [n, t] : types) {
        if (name == n) {
            return t;
        }
    }
    bad("unknown field type \"" + name + "\"");
}

FormField fieldOf(const json& j) {
    if (!j.is_object() || !j.contains("id") || !j["id"].is_string()) {
        bad("a field without \"id\"");
    }
    FormField f;
    f.id = j["id"].get<std::string>();
    f.label = text(j, "label", true);
    f.hint = text(j, "hint", false);
    f.source = j.value("source", "");
    if (f.fromChip() && !isCitizenAttribute(f.source)) {
        bad("field \"" + f.id + "\": unknown citizen attribute \"" + f.source + "\"");
    }
    f.type = typeOf(j.value("type", "text"));
    f.required = j.value("required", false);
    f.minLength = j.value("min_length", std::size_t{0});
    f.maxLength = j.value("max_length", std::size_t{500});
    f.options = j.value("options", std::vector<std::string>{});
    if (f.type == FieldType::Choice && f.options.empty()) {
        bad("field \"" + f.id + "\": a choice needs \"options\"");
    }
    f.currentOf = j.value("current_of", "");
    if (f.holdsCurrentAddress() && (f.fromChip() || f.type != FieldType::Text)) {
        bad("field \"" + f.id + "\": \"current_of\" is for a text field the clerk fills");
    }
    return f;
}

bool isAddressAttribute(std::string_view attribute) {
    return attribute == "place_of_residence" || attribute == "place_of_origin";
}

// A current-address field follows the chip address it converts, one per address.
void checkCurrentAddressFields(const FormDefinition& form) {
    std::set<std::string> seen;
    std::set<std::string> converted;
    for (const FormField* f : form.fields()) {
        if (f->holdsCurrentAddress()) {
            const FormField* address =
                seen.count(f->currentOf) ? form.field(f->currentOf) : nullptr;
            if (!address || !isAddressAttribute(address->source)) {
                bad("field \"" + f->id + "\": \"current_of\" must name an earlier field whose " +
                    "source is place_of_residence or place_of_origin");
            }
            if (!converted.insert(f->currentOf).second) {
                bad("field \"" + f->currentOf + "\" has two current-address fields");
            }
        }
        seen.insert(f->id);
    }
}

} // namespace

std::string_view fieldTypeName(FieldType type) {
    switch (type) {
    case FieldType::Text:
        return "text";
    case FieldType::Date:
        return "date";
    case FieldType::Digits:
        return "digits";
    case FieldType::Phone:
        return "phone";
    case FieldType::Email:
        return "email";
    case FieldType::Choice:
        return "choice";
    case FieldType::Check:
        return "check";
    }
    return "text";
}

std::vector<const FormField*> FormDefinition::fields() const {
    std::vector<const FormField*> out;
    for (const FormSection& s : sections) {
        for (const FormField& f : s.fields) {
            out.push_back(&f);
        }
    }
    return out;
}

const FormField* FormDefinition::field(std::string_view fieldId) const {
    for (const FormField* f : fields()) {
        if (f->id == fieldId) {
            return f;
        }
    }
    return nullptr;
}

const FormField* FormDefinition::currentAddressField(std::string_view fieldId) const {
    for (const FormField* f : fields()) {
        if (f->holdsCurrentAddress() && f->currentOf == fieldId) {
            return f;
        }
    }
    return nullptr;
}

FormDefinition FormDefinition::parse(std::string_view text_) {
    json j = json::parse(text_, nullptr, false);
    if (!j.is_object()) {
        bad("not a JSON object");
    }
    FormDefinition form;
    if (!j.contains("id") || !j["id"].is_string() || j["id"].get<std::string>().empty()) {
        bad("missing \"id\"");
    }
    try {
        form.id = j["id"].get<std::string>();
        form.code = j.value("code", "");
        form.title = text(j, "title", true);
        form.legalBasis = text(j, "legal_basis", false);
        form.keywords = j.value("keywords", std::vector<std::string>{});
        if (!j.contains("sections") || !j["sections"].is_array() || j["sections"].empty()) {
            bad("no \"sections\"");
        }
        std::set<std::string> ids;
        for (const json& s : j["sections"]) {
            FormSection section;
            section.title = text(s, "title", true);
            for (const json& f : s.value("fields", json::array())) {
                section.fields.push_back(fieldOf(f));
                if (!ids.insert(section.fields.back().id).second) {
                    bad("duplicate field id \"" + section.fields.back().id + "\"");
                }
            }
            form.sections.push_back(std::move(section));
        }
        checkCurrentAddressFields(form);
    } catch (const json::exception&) {
        bad("a value has the wrong type");
    }
    return form;
}

FormDefinition FormDefinition::load(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) {
        throw Error(ErrorCode::Io, "cannot read the form file");
    }
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
        return parse(content);
    } catch (const Error& e) {
        throw Error(e.code(), std::string(e.what()) + " (" + file.filename().string() + ")");
    }
}

} // namespace cccd::kiosk
