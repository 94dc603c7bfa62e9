#include "address/Csv.h"

#include <fstream>
#include <iterator>

#include "base/Error.h"

namespace cccd::address {

namespace {

// RFC 4180 §2: fields split by commas, records by CRLF (LF accepted); a quoted field may hold
// commas, line breaks and "" for one quote.
std::vector<std::vector<std::string>> splitRecords(std::string_view text, const std::string& name) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    bool fieldStarted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c != '"') {
                field.push_back(c);
            } else if (i + 1 < text.size() && text[i + 1] == '"') {
                field.push_back('"');
                ++i;
            } else {
                quoted = false;
            }
            continue;
        }
        if (c == '"' && field.empty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == ',') {
            record.push_back(std::move(field));
            field.clear();
            fieldStarted = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
            if (fieldStarted || !field.empty() || !record.empty()) {
                record.push_back(std::move(field));
                records.push_back(std::move(record));
            }
            record.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field.push_back(c);
            fieldStarted = true;
        }
    }
    if (quoted) {
        throw Error(ErrorCode::MalformedData, name + ": a quoted CSV field does not end");
    }
    if (fieldStarted || !field.empty() || !record.empty()) {
        record.push_back(std::move(field));
        records.push_back(std::move(record));
    }
    return records;
}

} // namespace

CsvTable CsvTable::read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ErrorCode::Io, "cannot read " + path.filename().string());
    }
    std::string text(std::istreambuf_iterator<char>(in), {});
    return parse(text, path.filename().string());
}

CsvTable CsvTable::parse(std::string_view text, const std::string& name) {
    constexpr std::string_view Utf8Bom = "\xEF\xBB\xBF";
    if (text.substr(0, Utf8Bom.size()) == Utf8Bom) {
        text.remove_prefix(Utf8Bom.size());
    }
    auto records = splitRecords(text, name);
    if (records.empty()) {
        throw Error(ErrorCode::MalformedData, name + ": no CSV header");
    }
    CsvTable table;
    table.m_name = name;
    table.m_header = std::move(records.front());
    for (std::size_t i = 1; i < records.size(); ++i) {
        if (records[i].size() != table.m_header.size()) {
            throw Error(ErrorCode::MalformedData,
                        name + ": row " + std::to_string(i) + " has the wrong number of fields");
        }
        table.m_rows.push_back(std::move(records[i]));
    }
    return table;
}

std::size_t CsvTable::column(std::string_view name) const {
    for (std::size_t i = 0; i < m_header.size(); ++i) {
        if (m_header[i] == name) {
            return i;
        }
    }
    throw Error(ErrorCode::MalformedData, m_name + ": no column " + std::string(name));
}

} // namespace cccd::address
