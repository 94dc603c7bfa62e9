#pragma once

#include <cstdint>

namespace cccd::emulator {

/// The status words the emulated card answers, named after ISO/IEC 7816-4:2020 §5.6 (tables 5
/// and 6) and ICAO 9303-11 §9.8.
enum class StatusWord : std::uint16_t {
    Success = 0x9000,
    EndOfFileReached = 0x6282,     ///< fewer bytes than Le before the end of the file
    AuthenticationFailed = 0x6300, ///< BAC, PACE: MAC, cryptogram or token of the terminal wrong
    WrongLength = 0x6700,          ///< Lc or Le not acceptable
    LastCommandOfChainExpected = 0x6883,
    CommandChainingNotSupported = 0x6884,
    SecurityStatusNotSatisfied = 0x6982,
    ConditionsOfUseNotSatisfied = 0x6985, ///< e.g. EXTERNAL AUTHENTICATE without GET CHALLENGE
    NoCurrentElementaryFile = 0x6986,
    SmDataObjectsMissing = 0x6987,
    SmDataObjectsIncorrect = 0x6988,
    IncorrectData = 0x6A80,
    FunctionNotSupported = 0x6A81,
    FileNotFound = 0x6A82,
    IncorrectP1P2 = 0x6A86,
    ReferenceDataNotFound = 0x6A88, ///< e.g. PACE with a password the card does not have
    WrongParametersOffset = 0x6B00, ///< offset beyond the end of the file
    InstructionNotSupported = 0x6D00,
    ClassNotSupported = 0x6E00,
};

[[nodiscard]] constexpr std::uint16_t toUint(StatusWord sw) {
    return static_cast<std::uint16_t>(sw);
}

} // namespace cccd::emulator
