#include "kiosk/core/Settings.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <type_traits>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

namespace cccd::kiosk {

namespace {

constexpr std::int64_t MinIdleSeconds = 10;
constexpr std::int64_t MaxIdleSeconds = 3600;
constexpr std::int64_t MinReadSeconds = 1;
constexpr std::int64_t MaxReadSeconds = 120;
constexpr std::size_t MaxIdLength = 32;

bool isId(const std::string& id) {
    return !id.empty() && id.size() <= MaxIdLength && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               c == '.' || c == '_' || c == '-';
    });
}

// http(s)://host[:port]/...; plain http only to this machine (the form's data is personal).
bool isEndpoint(const std::string& url) {
    auto hostOf = [&url](std::size_t schemeEnd) {
        std::string rest = url.substr(schemeEnd);
        std::size_t end = rest.find_first_of(":/?#");
        return rest.substr(0, end);
    };
    if (url.starts_with("https://")) {
        return !hostOf(8).empty();
    }
    if (url.starts_with("http://")) {
        std::string host = hostOf(7);
        return host == "127.0.0.1" || host == "localhost";
    }
    return false;
}

bool isFolder(const std::string& path) {
    std::error_code ec;
    return !path.empty() && std::filesystem::is_directory(path, ec);
}

// The folder a file is (or will be) created in exists; the key file itself may not yet.
bool isFolderOf(const std::string& file) {
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(file, ec);
    return !ec && absolute.has_filename() &&
           std::filesystem::is_directory(absolute.parent_path(), ec);
}

template <typename T>
void take(const nlohmann::json& json, const char* key, T& out,
          std::vector<SettingsProblem>& problems) {
    if (!json.contains(key)) {
        return;
    }
    const nlohmann::json& value = json.at(key);
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        // A float (1.5e99) cast to an integer is undefined behaviour: whole numbers only, and
        // only those the field can hold.
        if (!value.is_number_integer()) {
            problems.push_back({key, SettingsProblemKind::WrongType});
            return;
        }
        bool fits = value.is_number_unsigned()
                        ? value.get<std::uint64_t>() <=
                              static_cast<std::uint64_t>(std::numeric_limits<T>::max())
                        : std::in_range<T>(value.get<std::int64_t>());
        if (!fits) {
            problems.push_back({key, SettingsProblemKind::OutOfRange});
            return;
        }
    }
    try {
        out = value.get<T>();
    } catch (const nlohmann::json::exception&) {
        problems.push_back({key, SettingsProblemKind::WrongType});
    }
}

} // namespace

std::string_view settingsProblemName(SettingsProblemKind kind) {
    switch (kind) {
    case SettingsProblemKind::Missing:
        return "missing";
    case SettingsProblemKind::WrongType:
        return "wrong_type";
    case SettingsProblemKind::OutOfRange:
        return "out_of_range";
    case SettingsProblemKind::NotAFolder:
        return "not_a_folder";
    case SettingsProblemKind::FileNotFound:
        return "file_not_found";
    case SettingsProblemKind::NotAnEndpoint:
        return "not_an_endpoint";
    case SettingsProblemKind::NotAnId:
        return "not_an_id";
    case SettingsProblemKind::NotALanguage:
        return "not_a_language";
    case SettingsProblemKind::NoAdminPin:
        return "no_admin_pin";
    }
    return "missing";
}

SettingsError::SettingsError(ErrorCode code, const std::string& context,
                             std::vector<SettingsProblem> problems)
    : Error(code, context), m_problems(std::move(problems)) {}

nlohmann::json Settings::toJson() const {
    nlohmann::json out = {
        {"reader_name", readerName},
        {"camera_index", cameraIndex},
        {"trust_store", trustStorePaths},
        {"forms_folder", formsFolder},
        {"output_folder", outputFolder},
        {"endpoint_url", endpointUrl},
        {"counter_id", counterId},
        {"clerk_id", clerkId},
        {"language", std::string(languageCode(language))},
        {"idle_timeout_s", idleTimeout.count()},
        {"read_timeout_s", readTimeout.count()},
        {"audit_key_file", auditKeyFile},
    };
    if (adminPin.isSet()) {
        out["admin_pin"] = adminPin.toJson();
    }
    return out;
}

Settings Settings::fromJson(const nlohmann::json& json) {
    if (!json.is_object()) {
        throw SettingsError(ErrorCode::MalformedData, "the settings are not a JSON object", {});
    }
    Settings out;
    std::vector<SettingsProblem> problems;
    take(json, "reader_name", out.readerName, problems);
    take(json, "camera_index", out.cameraIndex, problems);
    take(json, "trust_store", out.trustStorePaths, problems);
    take(json, "forms_folder", out.formsFolder, problems);
    take(json, "output_folder", out.outputFolder, problems);
    take(json, "endpoint_url", out.endpointUrl, problems);
    take(json, "counter_id", out.counterId, problems);
    take(json, "clerk_id", out.clerkId, problems);
    std::string language = "vi";
    take(json, "language", language, problems);
    if (language != "vi" && language != "en") {
        problems.push_back({"language", SettingsProblemKind::NotALanguage});
    }
    out.language = language == "en" ? Language::English : Language::Vietnamese;
    std::int64_t idle = out.idleTimeout.count();
    std::int64_t read = out.readTimeout.count();
    take(json, "idle_timeout_s", idle, problems);
    take(json, "read_timeout_s", read, problems);
    out.idleTimeout = std::chrono::seconds(idle);
    out.readTimeout = std::chrono::seconds(read);
    take(json, "audit_key_file", out.auditKeyFile, problems);
    if (json.contains("admin_pin")) {
        try {
            out.adminPin = AdminPin::fromJson(json["admin_pin"]);
        } catch (const Error&) {
            problems.push_back({"admin_pin", SettingsProblemKind::WrongType});
        }
    }
    if (!problems.empty()) {
        throw SettingsError(ErrorCode::MalformedData, "settings of the wrong type",
                            std::move(problems));
    }
    return out;
}

Settings Settings::load(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) {
        throw Error(ErrorCode::Io, "cannot read the settings file " + file.filename().string());
    }
    nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
    if (json.is_discarded()) {
        throw SettingsError(ErrorCode::MalformedData, "the settings file is not JSON", {});
    }
    return fromJson(json);
}

void Settings::save(const std::filesystem::path& file) const {
    std::filesystem::path temporary = file;
    temporary += ".tmp";
    std::string text = toJson().dump(2) + "\n";
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        throw Error(ErrorCode::Io, "cannot write the settings file");
    }
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
              ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    std::error_code ec;
    if (ok) {
        std::filesystem::rename(temporary, file, ec);
    }
    if (!ok || ec) {
        std::filesystem::remove(temporary, ec);
        throw Error(ErrorCode::Io, "cannot write the settings file");
    }
}

std::vector<SettingsProblem> Settings::validate() const {
    std::vector<SettingsProblem> out;
    if (cameraIndex < 0) {
        out.push_back({"camera_index", SettingsProblemKind::OutOfRange});
    }
    if (trustStorePaths.empty()) {
        out.push_back({"trust_store", SettingsProblemKind::Missing});
    }
    for (const std::string& path : trustStorePaths) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) {
            out.push_back({"trust_store", SettingsProblemKind::FileNotFound});
            break;
        }
    }
    if (!isFolder(formsFolder)) {
        out.push_back({"forms_folder", SettingsProblemKind::NotAFolder});
    }
    if (!isFolder(outputFolder)) {
        out.push_back({"output_folder", SettingsProblemKind::NotAFolder});
    }
    if (!endpointUrl.empty() && !isEndpoint(endpointUrl)) {
        out.push_back({"endpoint_url", SettingsProblemKind::NotAnEndpoint});
    }
    if (!isId(counterId)) {
        out.push_back({"counter_id", SettingsProblemKind::NotAnId});
    }
    if (!isId(clerkId)) {
        out.push_back({"clerk_id", SettingsProblemKind::NotAnId});
    }
    if (idleTimeout.count() < MinIdleSeconds || idleTimeout.count() > MaxIdleSeconds) {
        out.push_back({"idle_timeout_s", SettingsProblemKind::OutOfRange});
    }
    if (readTimeout.count() < MinReadSeconds || readTimeout.count() > MaxReadSeconds) {
        out.push_back({"read_timeout_s", SettingsProblemKind::OutOfRange});
    }
    if (!auditKeyFile.empty() && !isFolderOf(auditKeyFile)) {
        out.push_back({"audit_key_file", SettingsProblemKind::NotAFolder});
    }
    if (!adminPin.isSet()) {
        out.push_back({"admin_pin", SettingsProblemKind::NoAdminPin});
    }
    return out;
}

} // namespace cccd::kiosk
