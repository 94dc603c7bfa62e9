#pragma once

#include <string>
#include <vector>

#include "reader/Document.h"

namespace cccd::capi {

/// One reason why a document is not verified: a stable snake_case code (cccd.h lists them) and
/// the file it concerns ("DG2", "EF.SOD", ...; empty when it concerns none).
struct Problem {
    std::string code;
    std::string file;

    friend bool operator==(const Problem&, const Problem&) = default;
};

/// The reasons why reader::Document::verified() is false, taken from the same parts it judges,
/// each reported once; empty exactly when the document is verified.
[[nodiscard]] std::vector<Problem> problemsOf(const reader::Document& document);

} // namespace cccd::capi
