#pragma once

// DG13 inputs for the lds tests: the invented vector of cccd.md §3.4 and the synthetic
// robustness vectors of §3.6, both read from the markdown at test time, and a small builder
// that writes DG13 files with the TLV layer (not with the encoder under test).

#include <string>
#include <utility>
#include <vector>

#include "base/Bytes.h"
#include "sdk/mrz/CccdSpec.h"
#include "tlv/Tlv.h"

namespace cccd::test::dg13 {

inline std::string cccdMarkdown() {
    return spec::markdown("cccd.md");
}

/// The 420-byte invented DG13 of cccd.md §3.4: the code block made only of hex digits.
inline Bytes inventedVector() {
    std::string section = spec::section(cccdMarkdown(), "### 3.4 DG13");
    for (const std::string& block : spec::codeBlocks(section)) {
        if (block.find_first_not_of("0123456789ABCDEF\n") == std::string::npos) {
            return fromHex(block);
        }
    }
    throw std::runtime_error("no hex block in cccd.md §3.4");
}

/// The cells of the §3.4 field-list row for field `number` (leading and trailing '|' dropped).
inline std::vector<std::string> fieldRow(int number) {
    std::string section = spec::section(cccdMarkdown(), "### 3.4 DG13");
    std::string label = "\n| " + std::to_string(number) + " |";
    std::size_t row = section.find(label);
    if (row == std::string::npos) {
        throw std::runtime_error("no field row " + std::to_string(number));
    }
    std::string line = section.substr(row + 1, section.find('\n', row + 1) - row - 1);
    std::vector<std::string> cells;
    std::size_t pos = 1;
    while (true) {
        std::size_t next = line.find('|', pos);
        if (next == std::string::npos) {
            return cells;
        }
        cells.push_back(line.substr(pos, next - pos));
        pos = next + 1;
    }
}

/// The backtick-quoted items of a cell.
inline std::vector<std::string> backticked(const std::string& cell) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (true) {
        std::size_t open = cell.find('`', pos);
        if (open == std::string::npos) {
            return out;
        }
        std::size_t close = cell.find('`', open + 1);
        out.push_back(cell.substr(open + 1, close - open - 1));
        pos = close + 1;
    }
}

/// "Invented example" column of the §3.4 field list (column 5).
inline std::vector<std::string> inventedExample(int number) {
    return backticked(fieldRow(number).at(4));
}

/// The rows of the §3.6 "Synthetic robustness vectors" table: case label and bytes.
inline std::vector<std::pair<std::string, Bytes>> robustnessVectors() {
    std::string text = cccdMarkdown();
    std::size_t start = text.find("Synthetic robustness vectors");
    if (start == std::string::npos) {
        throw std::runtime_error("no robustness vector table");
    }
    std::vector<std::pair<std::string, Bytes>> out;
    std::size_t pos = text.find('\n', start);
    while (pos != std::string::npos && pos + 1 < text.size()) {
        std::size_t end = text.find('\n', pos + 1);
        std::string line = text.substr(pos + 1, end - pos - 1);
        pos = end;
        if (line.rfind("|", 0) != 0) {
            if (!out.empty()) {
                break; // the table ended
            }
            continue;
        }
        auto code = backticked(line);
        if (code.size() == 1) {
            std::size_t cellEnd = line.find('|', 1);
            std::string label = line.substr(2, cellEnd - 3);
            out.emplace_back(label, fromHex(code.front()));
        }
    }
    return out;
}

/// SEQUENCE { INTEGER number, values... }
inline Bytes field(std::uint64_t number, const std::vector<Bytes>& values = {}) {
    Bytes content = tlv::encodeInteger(number);
    for (const Bytes& v : values) {
        append(content, v);
    }
    return tlv::encode(0x30, content);
}

inline Bytes utf8(const std::string& text) {
    return tlv::encode(0x0C, toBytes(text));
}

inline Bytes printable(const std::string& text) {
    return tlv::encode(0x13, toBytes(text));
}

inline Bytes sequence(const std::vector<Bytes>& members) {
    Bytes content;
    for (const Bytes& m : members) {
        append(content, m);
    }
    return tlv::encode(0x30, content);
}

/// 6D { SEQUENCE { INTEGER 1, OID 1.0.10646.1.0.8, SET { members } } }
inline Bytes file(const std::vector<Bytes>& members) {
    Bytes set;
    for (const Bytes& m : members) {
        append(set, m);
    }
    Bytes body = tlv::encodeInteger(1);
    append(body, fromHex("060628D316010008"));
    append(body, tlv::encode(0x31, set));
    return tlv::encode(0x6D, tlv::encode(0x30, body));
}

/// The members of the SET of a DG13 file, encoded.
inline std::vector<Bytes> members(const Bytes& dg13) {
    tlv::Tlv outer = tlv::parse(dg13, 0x6D);
    tlv::Tlv body = tlv::children(outer).at(0);
    std::vector<Bytes> out;
    for (const tlv::Tlv& child : tlv::children(body)) {
        if (child.tag == 0x31) {
            for (const tlv::Tlv& member : tlv::children(child)) {
                out.emplace_back(member.encoded.begin(), member.encoded.end());
            }
        }
    }
    return out;
}

inline std::uint64_t numberOf(const Bytes& member) {
    return tlv::decodeUnsigned(tlv::children(tlv::parse(member)).at(0).value);
}

/// The invented DG13 with `member` put in place of the field of the same number, or appended.
inline Bytes spliced(const Bytes& member) {
    std::vector<Bytes> out = members(inventedVector());
    bool replaced = false;
    for (Bytes& m : out) {
        if (numberOf(m) == numberOf(member)) {
            m = member;
            replaced = true;
        }
    }
    if (!replaced) {
        out.push_back(member);
    }
    return file(out);
}

} // namespace cccd::test::dg13
