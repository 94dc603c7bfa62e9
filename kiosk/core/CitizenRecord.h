#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "reader/Document.h"

namespace cccd::kiosk {

/// The citizen attributes a form can take from the chip: DG13's fields by the names of the JSON
/// output (docs/json-output.md "citizen"), dates as printed on forms (dd/mm/yyyy).
[[nodiscard]] const std::vector<std::string>& citizenAttributes();

[[nodiscard]] bool isCitizenAttribute(std::string_view name);

/// The citizen of one session, read from the chip. Personal data: lives in memory for the
/// session only; wipe() on card removal, finish and idle timeout.
class CitizenRecord {
public:
    CitizenRecord() = default;
    CitizenRecord(const CitizenRecord&) = delete;
    CitizenRecord& operator=(const CitizenRecord&) = delete;
    CitizenRecord(CitizenRecord&&) noexcept = default;
    CitizenRecord& operator=(CitizenRecord&&) noexcept = default;
    ~CitizenRecord();

    /// From a read card's DG13; attributes the card lacks stay empty.
    [[nodiscard]] static CitizenRecord fromDocument(const reader::Document& document);

    /// The attribute's value, or "" when the card does not have it.
    [[nodiscard]] std::string value(std::string_view attribute) const;

    void set(std::string attribute, std::string value);

    [[nodiscard]] bool empty() const { return m_values.empty(); }

    /// Overwrites every value, then forgets them.
    void wipe();

private:
    std::map<std::string, std::string, std::less<>> m_values;
};

} // namespace cccd::kiosk
