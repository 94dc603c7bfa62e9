#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/CitizenRecord.h"
#include "kiosk/core/FormDefinition.h"

namespace cccd::kiosk {

enum class FieldProblemKind {
    Required,
    TooShort,
    TooLong,
    NotADate,
    NotDigits,
    NotAPhone,
    NotAnEmail,
    NotAnOption,
};

struct FieldProblem {
    std::string fieldId;
    FieldProblemKind kind = FieldProblemKind::Required;

    bool operator==(const FieldProblem&) const = default;
};

/// What to tell the clerk, in the kiosk's language.
[[nodiscard]] LocalizedText problemText(FieldProblemKind kind);

/// A form being filled for one citizen: the chip's fields are set from the record and cannot be
/// changed; the clerk fills the rest, each value checked as it is set. Holds personal data:
/// wipe() at the end of the session.
class FilledForm {
public:
    FilledForm(const FormDefinition& definition, const CitizenRecord& citizen);
    FilledForm(const FilledForm&) = delete;
    FilledForm& operator=(const FilledForm&) = delete;
    FilledForm(FilledForm&&) noexcept = default;
    ~FilledForm();

    [[nodiscard]] const FormDefinition& definition() const { return *m_definition; }

    [[nodiscard]] std::string value(std::string_view fieldId) const;

    /// Sets a field the clerk fills (trimmed) and returns what is wrong with the value, if
    /// anything; the value is kept either way so the clerk can correct it. Throws
    /// Error(InvalidArgument) for an unknown field or one that comes from the chip.
    std::optional<FieldProblem> set(std::string_view fieldId, std::string value);

    /// Every problem left: required fields empty and invalid values. Empty: ready to output.
    [[nodiscard]] std::vector<FieldProblem> problems() const;

    /// From now on the clerk's field takes one of `choices` only (the current addresses a split
    /// commune went to): any other value is NotAnOption, and empty stays Required. No choices:
    /// any value again. Throws Error(InvalidArgument) for an unknown field or a chip field.
    void restrictTo(std::string_view fieldId, std::vector<std::string> choices);

    /// The values restrictTo() allows for the field; empty when it is not restricted.
    [[nodiscard]] const std::vector<std::string>& choices(std::string_view fieldId) const;

    /// The citizen attributes the form took from the chip (for the audit log).
    [[nodiscard]] std::vector<std::string> chipAttributesUsed() const;

    /// The form as data for the one-stop-shop system: its id and code, and only its own fields
    /// (id, value, whether the chip gave it, and for a current address the field it converts:
    /// "current_of"). No other citizen data.
    [[nodiscard]] nlohmann::json toJson() const;

    void wipe();

private:
    [[nodiscard]] std::optional<FieldProblemKind> check(const FormField& field) const;

    const FormDefinition* m_definition;
    std::map<std::string, std::string, std::less<>> m_values;
    std::map<std::string, std::vector<std::string>, std::less<>> m_choices;
};

/// The check of one value against its field (empty values are only "required" problems).
[[nodiscard]] std::optional<FieldProblemKind> checkValue(const FormField& field,
                                                         std::string_view value);

} // namespace cccd::kiosk
