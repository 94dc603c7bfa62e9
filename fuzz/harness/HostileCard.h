#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "base/Bytes.h"
#include "crypto/Random.h"
#include "reader/AccessKey.h"
#include "reader/CardReader.h"
#include "reader/Document.h"
#include "transport/CardChannel.h"

namespace cccd::fuzz {

// The hostile card session: fuzzed bytes answer every command of reader::readCard. The input
// is one flag byte, then each response APDU as a 2-byte big-endian length and that many bytes
// (the last one may be cut short). When the input runs out the card leaves the field.

/// Commands one session may send before the harness calls it a hang.
inline constexpr std::size_t MaxHostileCardCommands = 400;

/// Bit 0 of the flag byte: the reader and card take extended-length APDUs.
inline constexpr std::uint8_t HostileCardExtendedLength = 0x01;

/// The answer-to-reset the hostile card gives (a contactless pseudo-ATR).
[[nodiscard]] Bytes hostileCardAtr();

[[nodiscard]] transport::ChannelCapabilities hostileCardCapabilities(std::uint8_t flags);

/// What the clerk "typed": a CAN (PACE) and an MRZ key (BAC), both invented and fixed, so that
/// a recorded session with an emulated card holding the same passwords replays.
[[nodiscard]] reader::AccessKey hostileCardKey();

/// The reader's options: chip authentication on, and the random source fixed (a linear
/// congruential generator) so that a recorded session's nonces and keys come out the same.
[[nodiscard]] reader::ReadOptions hostileCardOptions(std::uint8_t flags);

/// One hostile card session as the harness runs it: readCard over the input's responses, then
/// every file interpreted against the default trust store. Throws what the reader throws.
[[nodiscard]] reader::Document readHostileCard(ByteView input);

/// The harness input for a flag byte and the responses of a session.
[[nodiscard]] Bytes encodeHostileCardSession(std::uint8_t flags,
                                             const std::vector<Bytes>& responses);

} // namespace cccd::fuzz
