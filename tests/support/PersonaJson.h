#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace cccd::test {

/// A persona of the emulated card (drivers/emulator/personas/NAME.json).
[[nodiscard]] nlohmann::json loadPersona(const std::string& name);

/// Expects cccd-read's JSON (docs/json-output.md) to carry exactly the persona's citizen data
/// and MRZ, with every check digit valid.
void expectDocumentJsonIsPersona(const nlohmann::json& output, const nlohmann::json& persona);

} // namespace cccd::test
