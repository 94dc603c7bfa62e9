#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cccd::test {

/// A persona of the emulated card (drivers/emulator/personas/NAME.json).
[[nodiscard]] nlohmann::json loadPersona(const std::string& name);

/// What no log line or error text may ever hold for the card NAME built into build/profiles
/// (STYLE.md §7): every text of its persona (names, numbers, places, dates in the spellings the
/// card and the MRZ use), the printed MRZ lines, the BAC key seed, the CAN, and runs of the
/// portrait's bytes as hex.
[[nodiscard]] std::vector<std::string> personaSecrets(const std::string& name);

/// Expects cccd-read's JSON (docs/json-output.md) to carry exactly the persona's citizen data
/// and MRZ, with every check digit valid.
void expectDocumentJsonIsPersona(const nlohmann::json& output, const nlohmann::json& persona);

} // namespace cccd::test
