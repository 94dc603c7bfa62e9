#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/FormDefinition.h"

namespace cccd::kiosk {

/// Procedures that follow one another for one life event (a birth: birth registration, then
/// permanent residence, then health insurance for the child), offered together.
struct ProcedureGroup {
    std::string id;
    LocalizedText title;
    std::vector<std::string> formIds;
};

/// Every form of a folder (one JSON file per form; procedures.json holds the groups), searchable
/// by what a clerk types, with or without diacritics.
class FormCatalog {
public:
    /// Loads every *.json of the folder; throws Error naming the file that does not parse, so
    /// that a broken form is found when the kiosk starts, not at the counter.
    [[nodiscard]] static FormCatalog load(const std::filesystem::path& folder);

    [[nodiscard]] const std::vector<FormDefinition>& forms() const { return m_forms; }

    [[nodiscard]] const std::vector<ProcedureGroup>& groups() const { return m_groups; }

    [[nodiscard]] const FormDefinition* find(std::string_view id) const;

    /// Forms whose code, title (either language) or keywords hold the query as a phrase or,
    /// when none does, hold a word starting with each word of the query; diacritics and case
    /// ignored; all forms for an empty query. Catalog order.
    [[nodiscard]] std::vector<const FormDefinition*> search(std::string_view query) const;

private:
    std::vector<FormDefinition> m_forms;
    std::vector<ProcedureGroup> m_groups;
};

} // namespace cccd::kiosk
