#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "qr/QrPayload.h"
#include "reader/Document.h"

namespace cccd::json {

/// Version of the output described in docs/json-output.md; bumped on any incompatible change.
constexpr int SchemaVersion = 1;

struct JsonOptions {
    /// Where the caller saved the portrait, echoed in the output; the image bytes themselves are
    /// never put in the JSON.
    std::string portraitPath;
    /// The card's QR when the key came from it: adds `qr` and `verification.qr_cross_check`.
    const qr::QrPayload* qr = nullptr;
};

/// The citizen record and the verification report of one card read, and how the read went
/// (docs/json-output.md).
[[nodiscard]] nlohmann::json documentToJson(const reader::Document& document,
                                            const JsonOptions& options = {});

/// The MRZ of DG1 alone.
[[nodiscard]] nlohmann::json mrzToJson(const mrz::Mrz& mrz);

/// The DG13 citizen data alone.
[[nodiscard]] nlohmann::json citizenToJson(const lds::Dg13& dg13);

} // namespace cccd::json
