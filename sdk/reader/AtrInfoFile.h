#pragma once

#include <optional>

#include "base/Bytes.h"
#include "lds/AtrInfo.h"
#include "reader/ReadProgress.h"
#include "transport/CardChannel.h"

namespace cccd::reader {

/// Reads EF.ATR/INFO (ICAO 9303-10 §3.11.1: FID 2F01 under the MF, readable in plain) while the
/// MF is the current DF, before the application is selected. Returns empty bytes when the card
/// has no such file; throws Error(MalformedData) for a file that is there but cannot be read
/// as its header announces, and the errors of a lost card, a cancelled read or the transport.
[[nodiscard]] Bytes readAtrInfo(transport::CardChannel& channel, const CancelFlag* cancel);

/// A channel that gives the layers above it the APDU sizes EF.ATR/INFO announces where they are
/// below the reader's own (ISO/IEC 7816-4 §12.7.1): secure messaging and READ BINARY then never
/// ask the chip for more than it says it can return.
class AnnouncedLimitsChannel : public transport::CardChannel {
public:
    AnnouncedLimitsChannel(transport::CardChannel& inner,
                           std::optional<lds::ExtendedLengthInfo> limits)
        : m_inner(inner), m_limits(limits) {}

    [[nodiscard]] Bytes transmit(ByteView commandApdu) override {
        return m_inner.transmit(commandApdu);
    }

    [[nodiscard]] Bytes atr() const override { return m_inner.atr(); }

    [[nodiscard]] transport::ChannelCapabilities capabilities() const override;

private:
    transport::CardChannel& m_inner;
    std::optional<lds::ExtendedLengthInfo> m_limits;
};

} // namespace cccd::reader
