#include "reader/AccessKey.h"

#include <algorithm>

#include "base/Error.h"
#include "qr/QrAccessKey.h"

namespace cccd::reader {

namespace {

constexpr std::size_t CanMinDigits = 6;
constexpr std::size_t CanMaxDigits = 10;
constexpr std::size_t IdNumberDigits = 12;
constexpr std::size_t IdNumberCanDigits = 6;

bool allDigits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

AccessKey AccessKey::fromMrz(mrz::MrzKey key) {
    AccessKey out;
    out.mrz = std::move(key);
    return out;
}

AccessKey AccessKey::fromCan(std::string_view digits) {
    bool allDigits =
        std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!allDigits || digits.size() < CanMinDigits || digits.size() > CanMaxDigits) {
        throw Error(ErrorCode::InvalidArgument, "a CAN is 6 to 10 digits");
    }
    AccessKey out;
    out.can =
        SecureBytes(ByteView(reinterpret_cast<const std::uint8_t*>(digits.data()), digits.size()));
    return out;
}

AccessKey AccessKey::fromIdNumber(std::string_view idNumber) {
    if (!allDigits(idNumber) || idNumber.size() != IdNumberDigits) {
        throw Error(ErrorCode::InvalidArgument, "the ID number has 12 digits");
    }
    return fromCan(idNumber.substr(IdNumberDigits - IdNumberCanDigits));
}

AccessKey AccessKey::fromQr(const qr::QrPayload& payload) {
    AccessKey out = fromIdNumber(payload.personalIdNumber);
    for (qr::BacCandidate& candidate : qr::accessKeysFrom(payload).bacCandidates) {
        out.bacCandidates.push_back(std::move(candidate.key));
    }
    return out;
}

} // namespace cccd::reader
