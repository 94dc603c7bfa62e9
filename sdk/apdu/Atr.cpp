#include "apdu/Atr.h"

#include <bit>

#include "base/Error.h"

namespace cccd::apdu {

namespace {

constexpr std::uint8_t CompactTlvCategory = 0x80;
constexpr std::uint8_t CardCapabilitiesTag = 0x7;
constexpr std::uint8_t ExtendedLcLeBit = 0x40;

void parseCompactTlv(ByteView objects, AtrInfo& info) {
    std::size_t pos = 0;
    while (pos < objects.size()) {
        std::uint8_t tag = objects[pos] >> 4;
        std::size_t length = objects[pos] & 0x0F;
        ++pos;
        if (pos + length > objects.size()) {
            return; // trailing status bytes or a malformed object: nothing more to learn
        }
        if (tag == CardCapabilitiesTag && length >= 3) {
            info.extendedLength = (objects[pos + 2] & ExtendedLcLeBit) != 0;
        }
        pos += length;
    }
}

} // namespace

AtrInfo parseAtr(ByteView atr) {
    if (atr.size() < 2) {
        throw Error(ErrorCode::MalformedData, "ATR shorter than TS and T0");
    }
    std::size_t historical = atr[1] & 0x0F;
    std::uint8_t indicator = atr[1];
    std::size_t pos = 2;
    // Interface bytes: each TDi announces which of TA/TB/TC/TD(i+1) follow.
    while (true) {
        int present = std::popcount(static_cast<unsigned>(indicator & 0xF0));
        bool more = (indicator & 0x80) != 0;
        pos += static_cast<std::size_t>(present);
        if (pos > atr.size()) {
            throw Error(ErrorCode::MalformedData, "ATR interface bytes run past the end");
        }
        if (!more) {
            break;
        }
        indicator = atr[pos - 1];
    }
    if (pos + historical > atr.size()) {
        throw Error(ErrorCode::MalformedData, "ATR historical bytes run past the end");
    }
    AtrInfo info;
    info.historicalBytes.assign(atr.begin() + static_cast<std::ptrdiff_t>(pos),
                                atr.begin() + static_cast<std::ptrdiff_t>(pos + historical));
    if (!info.historicalBytes.empty() && info.historicalBytes[0] == CompactTlvCategory) {
        parseCompactTlv(ByteView(info.historicalBytes).subspan(1), info);
    }
    return info;
}

} // namespace cccd::apdu
