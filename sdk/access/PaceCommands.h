#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "access/PacePassword.h"
#include "apdu/ResponseApdu.h"
#include "base/Bytes.h"
#include "transport/CardChannel.h"

namespace cccd::access {

/// Context-specific tags inside the dynamic authentication data 7C of GENERAL AUTHENTICATE
/// (ICAO 9303-11 §4.4.5, Table 4).
enum class PaceTag : std::uint32_t {
    EncryptedNonce = 0x80,
    MappingTerminal = 0x81,
    MappingChip = 0x82,
    EphemeralTerminal = 0x83,
    EphemeralChip = 0x84,
    TokenTerminal = 0x85,
    TokenChip = 0x86,
    EncryptedChipAuthenticationData = 0x8A,
};

/// MSE:Set AT for PACE (ICAO 9303-11 §4.4.4.1): protocol OID (80), password reference (83) and,
/// when given, the domain parameter ID (84). A refusal throws Error(CardStatus) with the SW.
void setPaceAuthenticationTemplate(transport::CardChannel& channel, const std::string& protocol,
                                   PacePasswordType passwordType,
                                   std::optional<std::uint64_t> parameterId);

/// One GENERAL AUTHENTICATE step (§4.4.4.2) with 7C { object } as data, or an empty 7C when
/// object is empty. Steps 1-3 are chained (CLA 10, ISO/IEC 7816-4 §5.1.1), the last closes the
/// chain. A command too long for the short form goes extended, with Le = 0000.
[[nodiscard]] apdu::ResponseApdu generalAuthenticate(transport::CardChannel& channel, bool last,
                                                     ByteView object);

/// The data object tag of the 7C in a successful answer. A refused step throws
/// Error(CardStatus) with the SW; a response that is not 7C, or lacks the object, throws
/// Error(MalformedData).
[[nodiscard]] Bytes requirePaceObject(const apdu::ResponseApdu& answer, PaceTag tag,
                                      const char* step);

/// The data object tag of the 7C in answer's data, if present; a malformed 7C throws
/// Error(MalformedData).
[[nodiscard]] std::optional<Bytes> findPaceObject(ByteView data, PaceTag tag);

/// A GENERAL AUTHENTICATE data object: tag, length, value.
[[nodiscard]] Bytes encodePaceObject(PaceTag tag, ByteView value);

} // namespace cccd::access
