#include "kiosk/core/AdminPin.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "base/Bytes.h"
#include "base/Error.h"
#include "base/SecureBytes.h"
#include "crypto/Random.h"

namespace cccd::kiosk {

namespace {

constexpr std::size_t SaltSize = 16;
constexpr std::size_t HashSize = 32;
// OWASP's 2023 guidance for PBKDF2-HMAC-SHA-256 is 600,000; a PIN is checked rarely, at the
// admin screen, so the cost is affordable there.
constexpr unsigned Iterations = 600000;

SecureBytes pbkdf2(std::string_view pin, ByteView salt, unsigned iterations) {
    SecureBytes out{Bytes(HashSize)};
    if (PKCS5_PBKDF2_HMAC(pin.data(), static_cast<int>(pin.size()), salt.data(),
                          static_cast<int>(salt.size()), static_cast<int>(iterations), EVP_sha256(),
                          static_cast<int>(HashSize), out.data()) != 1) {
        throw Error(ErrorCode::Crypto, "PBKDF2 failed");
    }
    return out;
}

bool isPin(std::string_view pin) {
    return pin.size() >= 4 && pin.size() <= 12 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

AdminPin AdminPin::create(std::string_view pin) {
    if (!isPin(pin)) {
        throw Error(ErrorCode::InvalidArgument, "the admin PIN must be 4 to 12 digits");
    }
    Bytes salt = crypto::randomBytes(SaltSize);
    AdminPin out;
    out.salt = toHex(salt);
    out.hash = toHex(pbkdf2(pin, salt, Iterations).view());
    out.iterations = Iterations;
    return out;
}

bool AdminPin::matches(std::string_view pin) const {
    if (!isSet() || !isPin(pin)) {
        return false;
    }
    Bytes expected = fromHex(hash);
    SecureBytes actual = pbkdf2(pin, fromHex(salt), iterations);
    return expected.size() == actual.size() &&
           CRYPTO_memcmp(expected.data(), actual.data(), expected.size()) == 0;
}

nlohmann::json AdminPin::toJson() const {
    return {{"salt", salt}, {"hash", hash}, {"iterations", iterations}};
}

AdminPin AdminPin::fromJson(const nlohmann::json& json) {
    AdminPin out;
    try {
        out.salt = json.at("salt").get<std::string>();
        out.hash = json.at("hash").get<std::string>();
        const nlohmann::json& iterations = json.at("iterations");
        // A float or a number past unsigned would be undefined behaviour to convert.
        if (!iterations.is_number_unsigned() ||
            iterations.get<std::uint64_t>() > std::numeric_limits<unsigned>::max()) {
            throw Error(ErrorCode::MalformedData, "the admin PIN's iterations are not a count");
        }
        out.iterations = iterations.get<unsigned>();
        if (fromHex(out.salt).size() != SaltSize || fromHex(out.hash).size() != HashSize ||
            out.iterations == 0) {
            throw Error(ErrorCode::MalformedData, "the admin PIN hash has the wrong size");
        }
    } catch (const nlohmann::json::exception&) {
        throw Error(ErrorCode::MalformedData, "the admin PIN entry lacks salt, hash or iterations");
    } catch (const Error& e) {
        throw Error(ErrorCode::MalformedData, e.what());
    }
    return out;
}

} // namespace cccd::kiosk
