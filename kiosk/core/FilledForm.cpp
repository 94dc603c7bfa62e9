#include "kiosk/core/FilledForm.h"

#include <algorithm>
#include <chrono>
#include <regex>

#include "base/Error.h"
#include "base/SecureBytes.h"

namespace cccd::kiosk {

namespace {

std::string trimmed(std::string s) {
    auto blank = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(static_cast<unsigned char>(s.back()))) {
        s.pop_back();
    }
    std::size_t start = 0;
    while (start < s.size() && blank(static_cast<unsigned char>(s[start]))) {
        ++start;
    }
    return s.substr(start);
}

bool allDigits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Characters, not bytes: a Vietnamese name is longer in UTF-8 than on paper.
std::size_t characters(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool isDate(std::string_view s) {
    if (s.size() != 10 || s[2] != '/' || s[5] != '/' || !allDigits(s.substr(0, 2)) ||
        !allDigits(s.substr(3, 2)) || !allDigits(s.substr(6, 4))) {
        return false;
    }
    auto number = [&s](std::size_t at, std::size_t n) {
        return std::stoi(std::string(s.substr(at, n)));
    };
    std::chrono::year_month_day date{std::chrono::year(number(6, 4)),
                                     std::chrono::month(static_cast<unsigned>(number(3, 2))),
                                     std::chrono::day(static_cast<unsigned>(number(0, 2)))};
    return date.ok();
}

} // namespace

LocalizedText problemText(FieldProblemKind kind) {
    switch (kind) {
    case FieldProblemKind::Required:
        return {"Bắt buộc nhập", "Required"};
    case FieldProblemKind::TooShort:
        return {"Quá ngắn", "Too short"};
    case FieldProblemKind::TooLong:
        return {"Quá dài", "Too long"};
    case FieldProblemKind::NotADate:
        return {"Ngày không hợp lệ (dd/mm/yyyy)", "Not a valid date (dd/mm/yyyy)"};
    case FieldProblemKind::NotDigits:
        return {"Chỉ nhập chữ số", "Digits only"};
    case FieldProblemKind::NotAPhone:
        return {"Số điện thoại gồm 10 chữ số, bắt đầu bằng 0",
                "A phone number has 10 digits starting with 0"};
    case FieldProblemKind::NotAnEmail:
        return {"Địa chỉ thư điện tử không hợp lệ", "Not a valid e-mail address"};
    case FieldProblemKind::NotAnOption:
        return {"Hãy chọn một giá trị trong danh sách", "Choose one of the listed values"};
    }
    return {"Không hợp lệ", "Invalid"};
}

std::optional<FieldProblemKind> checkValue(const FormField& field, std::string_view value) {
    if (value.empty()) {
        return field.required ? std::optional(FieldProblemKind::Required) : std::nullopt;
    }
    std::size_t length = characters(value);
    if (length < field.minLength) {
        return FieldProblemKind::TooShort;
    }
    if (length > field.maxLength) {
        return FieldProblemKind::TooLong;
    }
    switch (field.type) {
    case FieldType::Text:
        return std::nullopt;
    case FieldType::Date:
        return isDate(value) ? std::nullopt : std::optional(FieldProblemKind::NotADate);
    case FieldType::Digits:
        return allDigits(value) ? std::nullopt : std::optional(FieldProblemKind::NotDigits);
    case FieldType::Phone:
        return allDigits(value) && value.size() == 10 && value[0] == '0'
                   ? std::nullopt
                   : std::optional(FieldProblemKind::NotAPhone);
    case FieldType::Email: {
        static const std::regex email(R"([^@\s]+@[^@\s]+\.[^@\s]+)");
        return std::regex_match(value.begin(), value.end(), email)
                   ? std::nullopt
                   : std::optional(FieldProblemKind::NotAnEmail);
    }
    case FieldType::Choice:
        return std::find(field.options.begin(), field.options.end(), value) != field.options.end()
                   ? std::nullopt
                   : std::optional(FieldProblemKind::NotAnOption);
    case FieldType::Check:
        return value == "yes" || value == "no" ? std::nullopt
                                               : std::optional(FieldProblemKind::NotAnOption);
    }
    return std::nullopt;
}

FilledForm::FilledForm(const FormDefinition& definition, const CitizenRecord& citizen)
    : m_definition(&definition) {
    for (const FormField* f : definition.fields()) {
        // A box is ticked or not: unticked is already an answer ("no").
        std::string blank = f->type == FieldType::Check ? "no" : "";
        m_values[f->id] = f->fromChip() ? citizen.value(f->source) : blank;
    }
}

FilledForm::~FilledForm() {
    wipe();
}

std::string FilledForm::value(std::string_view fieldId) const {
    auto it = m_values.find(fieldId);
    return it == m_values.end() ? std::string() : it->second;
}

std::optional<FieldProblem> FilledForm::set(std::string_view fieldId, std::string value) {
    const FormField* field = m_definition->field(fieldId);
    if (!field) {
        throw Error(ErrorCode::InvalidArgument, "the form has no such field");
    }
    if (field->fromChip()) {
        throw Error(ErrorCode::InvalidArgument, "a field read from the chip cannot be changed");
    }
    std::string& slot = m_values[field->id];
    cccd::wipe(slot);
    slot = trimmed(std::move(value));
    std::optional<FieldProblemKind> kind = check(*field);
    return kind ? std::optional(FieldProblem{field->id, *kind}) : std::nullopt;
}

std::optional<FieldProblemKind> FilledForm::check(const FormField& field) const {
    std::string current = value(field.id);
    std::optional<FieldProblemKind> kind = checkValue(field, current);
    const std::vector<std::string>& allowed = choices(field.id);
    if (!kind && !current.empty() && !allowed.empty() &&
        std::find(allowed.begin(), allowed.end(), current) == allowed.end()) {
        kind = FieldProblemKind::NotAnOption;
    }
    cccd::wipe(current);
    return kind;
}

std::vector<FieldProblem> FilledForm::problems() const {
    std::vector<FieldProblem> out;
    for (const FormField* f : m_definition->fields()) {
        if (std::optional<FieldProblemKind> kind = check(*f)) {
            out.push_back({f->id, *kind});
        }
    }
    return out;
}

void FilledForm::restrictTo(std::string_view fieldId, std::vector<std::string> choices) {
    const FormField* field = m_definition->field(fieldId);
    if (!field || field->fromChip()) {
        throw Error(ErrorCode::InvalidArgument, "only a field the clerk fills takes choices");
    }
    std::vector<std::string>& slot = m_choices[field->id];
    for (std::string& old : slot) {
        cccd::wipe(old);
    }
    slot = std::move(choices);
}

const std::vector<std::string>& FilledForm::choices(std::string_view fieldId) const {
    static const std::vector<std::string> none;
    auto it = m_choices.find(fieldId);
    return it == m_choices.end() ? none : it->second;
}

std::vector<std::string> FilledForm::chipAttributesUsed() const {
    std::vector<std::string> out;
    for (const FormField* f : m_definition->fields()) {
        if (f->fromChip() && std::find(out.begin(), out.end(), f->source) == out.end()) {
            out.push_back(f->source);
        }
    }
    return out;
}

nlohmann::json FilledForm::toJson() const {
    nlohmann::json fields = nlohmann::json::array();
    for (const FormField* f : m_definition->fields()) {
        nlohmann::json field = {
            {"id", f->id}, {"value", value(f->id)}, {"from_chip", f->fromChip()}};
        if (f->holdsCurrentAddress()) {
            field["current_of"] = f->currentOf;
        }
        fields.push_back(std::move(field));
    }
    return {{"form", m_definition->id}, {"code", m_definition->code}, {"fields", fields}};
}

void FilledForm::wipe() {
    for (auto& [id, value] : m_values) {
        cccd::wipe(value);
    }
    m_values.clear();
    for (auto& [id, choices] : m_choices) {
        for (std::string& choice : choices) {
            cccd::wipe(choice);
        }
    }
    m_choices.clear();
}

} // namespace cccd::kiosk
