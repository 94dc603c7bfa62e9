#pragma once

// The README of ../shared/data/admin-units, read at test time so that its examples and counts
// are tested as written there, never retyped.

#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "address/AdministrativeUnits.h"
#include "support/TestData.h"

namespace cccd::address::test {

inline std::filesystem::path sharedAdminUnitsDir() {
    return cccd::test::sharedDataDir() / "admin-units";
}

inline const std::string& readme() {
    static const std::string text = [] {
        Bytes bytes = cccd::test::readFile(sharedAdminUnitsDir() / "README.md");
        return std::string(bytes.begin(), bytes.end());
    }();
    return text;
}

/// The README with line breaks as spaces, so that a sentence wrapped over lines matches.
inline const std::string& readmeFlat() {
    static const std::string text = [] {
        std::string flat = std::regex_replace(readme(), std::regex("\\s*\\n\\s*"), " ");
        return flat;
    }();
    return text;
}

/// The first match of a pattern in the flattened README; fails the test when there is none.
inline std::smatch readmeMatch(const std::string& pattern) {
    std::smatch match;
    bool found = std::regex_search(readmeFlat(), match, std::regex(pattern));
    EXPECT_TRUE(found) << "README no longer says: " << pattern;
    return match;
}

/// Every match of a pattern in the flattened README.
inline std::vector<std::smatch> readmeMatches(const std::string& pattern) {
    std::vector<std::smatch> out;
    const std::string& text = readmeFlat();
    std::regex re(pattern);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
         ++it) {
        out.push_back(*it);
    }
    return out;
}

/// The first capture group (or the whole match) of every match of a pattern in a string.
inline std::vector<std::string> allMatches(const std::string& text, const std::string& pattern) {
    std::vector<std::string> out;
    std::regex re(pattern);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
         ++it) {
        out.push_back(it->size() > 1 ? (*it)[1].str() : it->str());
    }
    return out;
}

/// "A, B and C" -> {"A", "B", "C"}.
inline std::vector<std::string> listItems(const std::string& text) {
    std::string list = std::regex_replace(text, std::regex(" and "), ", ");
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t comma = list.find(", ", start);
        out.push_back(list.substr(start, comma == std::string::npos ? comma : comma - start));
        if (comma == std::string::npos) {
            break;
        }
        start = comma + 2;
    }
    return out;
}

/// "10,035" -> 10035.
inline int readmeNumber(const std::string& text) {
    std::string digits;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
        }
    }
    return std::stoi(digits);
}

/// The tables of the repository (data/admin-units), loaded once for all tests.
inline const AdministrativeUnits& units() {
    static const AdministrativeUnits loaded = AdministrativeUnits::loadDefault();
    return loaded;
}

} // namespace cccd::address::test
