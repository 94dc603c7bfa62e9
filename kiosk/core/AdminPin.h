#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace cccd::kiosk {

/// The admin screen's PIN as stored: a salted PBKDF2-HMAC-SHA-256 hash (RFC 8018 §5.2), never
/// the PIN itself.
struct AdminPin {
    std::string salt; ///< hex, 16 random bytes
    std::string hash; ///< hex, 32 bytes
    unsigned iterations = 0;

    /// A new salt and the hash of `pin`. Throws Error(InvalidArgument) unless the PIN is 4 to 12
    /// digits.
    [[nodiscard]] static AdminPin create(std::string_view pin);

    /// Compares in constant time; false for an unset PIN.
    [[nodiscard]] bool matches(std::string_view pin) const;

    [[nodiscard]] bool isSet() const { return !hash.empty(); }

    [[nodiscard]] nlohmann::json toJson() const;
    /// Throws Error(MalformedData) on missing members, bad hex or sizes.
    [[nodiscard]] static AdminPin fromJson(const nlohmann::json& json);
};

} // namespace cccd::kiosk
