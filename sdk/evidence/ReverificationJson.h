#pragma once

#include <nlohmann/json.hpp>

#include "evidence/Reverification.h"

namespace cccd::evidence {

/// The JSON of a live read (json::documentToJson, docs/json-output.md) for the re-verified
/// document, with a `reverification` object saying how each chip check was re-done, and a
/// `verified` that also requires the expected challenge to match (docs/evidence-bundle.md).
[[nodiscard]] nlohmann::json toJson(const Reverification& reverification);

} // namespace cccd::evidence
