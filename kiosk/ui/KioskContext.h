#pragma once

#include <QString>
#include <filesystem>
#include <string>

#include "kiosk/core/AdminPinGuard.h"
#include "kiosk/core/Settings.h"
#include "kiosk/core/Workflow.h"

namespace cccd::kiosk::ui {

/// What every screen binds to: the core's workflow, the settings and the files they name.
struct KioskContext {
    Workflow& workflow;
    Settings& settings;
    AdminPinGuard& adminPinGuard; ///< the PIN's lockout: outlives every visit to the admin screen
    std::filesystem::path settingsFile; ///< where the admin screen saves; empty: not saved
    std::filesystem::path auditFile;    ///< the statistics come from it; empty: none
    Language language = Language::Vietnamese;
};

inline QString qstr(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace cccd::kiosk::ui
