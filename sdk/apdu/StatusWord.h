#pragma once

#include <cstdint>
#include <string_view>

namespace cccd::apdu {

/// Status words the reader acts on (ISO/IEC 7816-4 §5.6, tables 5 and 6; ICAO 9303-11).
enum class StatusWord : std::uint16_t {
    Success = 0x9000,
    EndOfFileReached = 0x6282,   ///< fewer bytes than Le: the file ended
    VerificationFailed = 0x6300, ///< BAC/PACE mutual authentication failed
    WrongLength = 0x6700,
    SmDataObjectsMissing = 0x6987,
    SmDataObjectsIncorrect = 0x6988,
    SecurityStatusNotSatisfied = 0x6982, ///< e.g. DG3 without EAC
    ConditionsNotSatisfied = 0x6985,
    FileNotFound = 0x6A82,
    IncorrectP1P2 = 0x6A86,
    WrongP1P2 = 0x6B00,       ///< offset beyond the end of the file
    InsNotSupported = 0x6D00, ///< e.g. SELECT MF on the Vietnamese card
    ClaNotSupported = 0x6E00,
};

[[nodiscard]] constexpr std::uint8_t sw1(std::uint16_t sw) {
    return static_cast<std::uint8_t>(sw >> 8);
}

[[nodiscard]] constexpr std::uint8_t sw2(std::uint16_t sw) {
    return static_cast<std::uint8_t>(sw & 0xFF);
}

/// 61XX: XX more response bytes wait for GET RESPONSE (T=0, ISO/IEC 7816-4 §5.3.4).
constexpr std::uint8_t MoreDataAvailable = 0x61;

/// 6CXX: wrong Le, XX is the exact length to ask for.
constexpr std::uint8_t WrongLe = 0x6C;

/// A short description of a status word for errors and logs.
[[nodiscard]] std::string_view describeStatusWord(std::uint16_t sw);

} // namespace cccd::apdu
