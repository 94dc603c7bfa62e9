#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "base/Bytes.h"

namespace cccd::test {

/// ../shared/spec: the card facts, ICAO vectors and real samples.
[[nodiscard]] std::filesystem::path specDir();

/// ../shared/data: data sets the product copies into data/ (admin-units, ...).
[[nodiscard]] std::filesystem::path sharedDataDir();

/// tests/data in the source tree.
[[nodiscard]] std::filesystem::path testDataDir();

/// The CMake build tree (for programs the tests run).
[[nodiscard]] std::filesystem::path binaryDir();

/// The repository root.
[[nodiscard]] std::filesystem::path sourceDir();

[[nodiscard]] Bytes readFile(const std::filesystem::path& path);

/// A JSON vector file under specDir()/vectors.
[[nodiscard]] nlohmann::json vectors(const std::string& fileName);

/// A hex string field of a JSON vector.
[[nodiscard]] Bytes hexField(const nlohmann::json& object, const std::string& key);

} // namespace cccd::test
