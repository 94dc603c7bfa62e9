#pragma once

#include <filesystem>
#include <string_view>

#include "kiosk/core/FilledForm.h"

namespace cccd::kiosk {

/// Writes the form as JSON (FilledForm::toJson: only the form's own fields) to a new file
/// `<folder>/<form id>-<stamp>.json`, readable by its owner only (mode 0600), and returns its
/// path. `stamp` names the file (e.g. the UTC time and the counter); it must not hold personal
/// data. Throws Error(InvalidArgument) for a stamp with a path separator, Error(Io) when the
/// file exists or cannot be written.
std::filesystem::path exportJson(const FilledForm& form, const std::filesystem::path& folder,
                                 std::string_view stamp);

} // namespace cccd::kiosk
