#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/Error.h"
#include "kiosk/core/AdminPin.h"
#include "kiosk/core/LocalizedText.h"

namespace cccd::kiosk {

/// What is wrong with one setting.
enum class SettingsProblemKind {
    Missing,       ///< a required member is absent
    WrongType,     ///< e.g. text where a number belongs
    OutOfRange,    ///< a number outside its bounds
    NotAFolder,    ///< a folder that does not exist (or a file's folder, for a file to create)
    FileNotFound,  ///< a trust store file that does not exist
    NotAnEndpoint, ///< not http(s), or plain http to another machine
    NotAnId,       ///< a counter or clerk id with other than letters, digits, '.', '_', '-'
    NotALanguage,  ///< other than "vi" or "en"
    NoAdminPin,    ///< no PIN set: the admin screen would be open to anyone
};

struct SettingsProblem {
    std::string key; ///< the JSON member, "idle_timeout_s"
    SettingsProblemKind kind = SettingsProblemKind::Missing;

    bool operator==(const SettingsProblem&) const = default;
};

/// "missing", "wrong_type", ...
[[nodiscard]] std::string_view settingsProblemName(SettingsProblemKind kind);

/// A settings file that cannot be used: the problems, by key.
class SettingsError : public Error {
public:
    SettingsError(ErrorCode code, const std::string& context,
                  std::vector<SettingsProblem> problems);

    [[nodiscard]] const std::vector<SettingsProblem>& problems() const { return m_problems; }

private:
    std::vector<SettingsProblem> m_problems;
};

/// The kiosk's settings, one JSON file, edited on the admin screen behind the PIN.
struct Settings {
    std::string readerName; ///< empty: the first reader with a card
    int cameraIndex = 0;
    std::vector<std::string> trustStorePaths; ///< CSCA certificates and ICAO master lists
    std::string formsFolder;
    std::string outputFolder;
    std::string endpointUrl; ///< empty: no POST
    std::string counterId;
    std::string clerkId;
    Language language = Language::Vietnamese;
    std::chrono::seconds idleTimeout{60};
    std::chrono::seconds readTimeout{15};
    AdminPin adminPin;
    /// The audit log's key for the ID hashes (AuditLog::loadOrCreateKey); empty: the app's
    /// default, in its own config folder. Kept away from the log: see kiosk/core/README.md.
    std::string auditKeyFile;

    /// Reads the file; members it lacks keep their defaults. Throws Error(Io) when it cannot be
    /// read, SettingsError(MalformedData) when it is not JSON or a member has the wrong type.
    [[nodiscard]] static Settings load(const std::filesystem::path& file);

    /// Writes the file (mode 0600, replaced atomically); throws Error(Io).
    void save(const std::filesystem::path& file) const;

    /// Every problem that keeps the kiosk from working with these settings; empty when none.
    [[nodiscard]] std::vector<SettingsProblem> validate() const;

    [[nodiscard]] nlohmann::json toJson() const;
    /// Throws SettingsError(MalformedData) naming each member of the wrong type.
    [[nodiscard]] static Settings fromJson(const nlohmann::json& json);
};

} // namespace cccd::kiosk
