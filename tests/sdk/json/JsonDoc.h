#pragma once

// Reading the docs/json-*.md files that the JSON doc tests hold the code to, and walking the
// JSON they describe.
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "support/TestData.h"

namespace cccd::json::doc {

inline std::string text(const std::string& fileName) {
    return toString(test::readFile(test::sourceDir() / "docs" / fileName));
}

// The text from a heading to the next heading of any level; empty when there is no such heading.
inline std::string section(const std::string& doc, const std::string& heading) {
    auto start = doc.find("\n" + heading + "\n");
    if (start == std::string::npos) {
        return {};
    }
    auto end = doc.find("\n#", start + heading.size() + 1);
    return doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// A table row whose first cell is `cell`, in code quotes.
inline bool hasRow(const std::string& text, const std::string& cell) {
    return text.find("| `" + cell + "` |") != std::string::npos;
}

// The first ```json block.
inline std::string jsonExample(const std::string& doc) {
    auto start = doc.find("```json\n");
    if (start == std::string::npos) {
        return {};
    }
    start += 8;
    return doc.substr(start, doc.find("```", start) - start);
}

// Every name of an enum, found by walking its values until the *Name function no longer knows
// one: a new enumerator is picked up without touching the tests.
template <typename Enum> std::vector<std::string> allNames(std::string_view (*name)(Enum)) {
    std::vector<std::string> names;
    for (int i = 0; i < 64; ++i) {
        std::string_view value = name(static_cast<Enum>(i));
        if (value == "unknown") {
            break;
        }
        names.emplace_back(value);
    }
    return names;
}

// Every key of a JSON value, at any depth.
inline void collectKeys(const nlohmann::json& value, std::set<std::string>& keys) {
    if (value.is_object()) {
        for (const auto& [key, child] : value.items()) {
            keys.insert(key);
            collectKeys(child, keys);
        }
    } else if (value.is_array()) {
        for (const nlohmann::json& child : value) {
            collectKeys(child, keys);
        }
    }
}

} // namespace cccd::json::doc
