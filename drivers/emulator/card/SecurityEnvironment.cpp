#include "emulator/card/SecurityEnvironment.h"

#include "base/Error.h"
#include "crypto/Oid.h"
#include "tlv/Tlv.h"

namespace cccd::emulator {

namespace {

constexpr std::uint32_t TagProtocol = 0x80;
constexpr std::uint32_t TagPasswordReference = 0x83;
constexpr std::uint32_t TagPrivateKeyReference = 0x84;
constexpr std::uint32_t TagEphemeralPublicKey = 0x91;

bool store(std::optional<Bytes>& slot, ByteView value) {
    if (slot) {
        return false;
    }
    slot.emplace(value.begin(), value.end());
    return true;
}

} // namespace

std::optional<SecurityEnvironment> parseSecurityEnvironment(ByteView data) {
    SecurityEnvironment environment;
    try {
        tlv::TlvReader reader(data);
        while (!reader.atEnd()) {
            tlv::Tlv object = reader.next();
            bool fresh = true;
            switch (object.tag) {
            case TagProtocol:
                fresh = !environment.protocol;
                environment.protocol = crypto::decodeOid(object.value);
                break;
            case TagPasswordReference:
                fresh = store(environment.passwordReference, object.value);
                break;
            case TagPrivateKeyReference:
                fresh = store(environment.privateKeyReference, object.value);
                break;
            case TagEphemeralPublicKey:
                fresh = store(environment.ephemeralPublicKey, object.value);
                break;
            default:
                break;
            }
            if (!fresh) {
                return std::nullopt;
            }
        }
    } catch (const Error&) {
        return std::nullopt;
    }
    return environment;
}

std::optional<std::uint64_t> referenceNumber(ByteView value) {
    if (value.empty() || value.size() > 8) {
        return std::nullopt;
    }
    std::uint64_t number = 0;
    for (std::uint8_t b : value) {
        number = (number << 8) | b;
    }
    return number;
}

} // namespace cccd::emulator
