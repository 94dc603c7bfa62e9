#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/LocalizedText.h"

namespace cccd::kiosk {

/// What a manual field accepts.
enum class FieldType {
    Text,   ///< free text (max_length applies)
    Date,   ///< dd/mm/yyyy, a calendar date
    Digits, ///< digits only (length from min_length/max_length)
    Phone,  ///< a Vietnamese phone number: 10 digits starting with 0
    Email,
    Choice, ///< one of `options`
    Check,  ///< yes / no
};

[[nodiscard]] std::string_view fieldTypeName(FieldType type);

struct FormField {
    std::string id;
    LocalizedText label;
    /// The citizen attribute that fills it from the chip ("full_name", "date_of_birth", ...,
    /// see CitizenRecord); empty for a field the clerk fills.
    std::string source;
    FieldType type = FieldType::Text;
    bool required = false;
    std::size_t minLength = 0;
    std::size_t maxLength = 500;
    std::vector<std::string> options; ///< Choice only
    LocalizedText hint;
    /// For the clerk's field that holds today's form of a chip address: the id of the field with
    /// the address as on the card (source place_of_residence or place_of_origin). The kiosk
    /// fills it with the current units, or offers the candidates to pick (CurrentAddress.h).
    std::string currentOf;

    [[nodiscard]] bool fromChip() const { return !source.empty(); }

    /// Whether the field holds a chip address with today's units.
    [[nodiscard]] bool holdsCurrentAddress() const { return !currentOf.empty(); }
};

struct FormSection {
    LocalizedText title;
    std::vector<FormField> fields;
};

/// One administrative form as data (kiosk/forms/*.json, format in kiosk/forms/README.md):
/// adding a form needs no code.
struct FormDefinition {
    std::string id;   ///< file name without .json, e.g. "ct01"
    std::string code; ///< the form's official number, e.g. "CT01"
    LocalizedText title;
    LocalizedText legalBasis;
    std::vector<std::string> keywords; ///< for the catalog search
    std::vector<FormSection> sections;

    [[nodiscard]] std::vector<const FormField*> fields() const;
    [[nodiscard]] const FormField* field(std::string_view id) const;

    /// The field holding today's form of the chip address field `fieldId`; nullptr if none.
    [[nodiscard]] const FormField* currentAddressField(std::string_view fieldId) const;

    /// Throws Error(MalformedData) naming the problem: missing id or title, a field without id,
    /// duplicate field ids, an unknown type or citizen attribute, a choice without options, a
    /// "current_of" that does not name an earlier chip address field or names one twice.
    [[nodiscard]] static FormDefinition parse(std::string_view json);
    [[nodiscard]] static FormDefinition load(const std::filesystem::path& file);
};

} // namespace cccd::kiosk
