#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cccd::address {

/// One CSV file as rows of fields (RFC 4180: comma separator, double-quoted fields that may hold
/// commas, doubled quotes and line breaks). The first row is the header.
class CsvTable {
public:
    /// Reads a UTF-8 CSV file. Throws Error(Io) when it cannot be read, Error(MalformedData)
    /// when a quoted field never ends or a row's field count differs from the header's.
    [[nodiscard]] static CsvTable read(const std::filesystem::path& path);

    /// Parses CSV text; `name` only labels errors.
    [[nodiscard]] static CsvTable parse(std::string_view text, const std::string& name);

    [[nodiscard]] const std::vector<std::string>& header() const { return m_header; }

    [[nodiscard]] const std::vector<std::vector<std::string>>& rows() const { return m_rows; }

    /// The index of a header column. Throws Error(MalformedData) if the column is missing.
    [[nodiscard]] std::size_t column(std::string_view name) const;

private:
    std::string m_name;
    std::vector<std::string> m_header;
    std::vector<std::vector<std::string>> m_rows;
};

} // namespace cccd::address
