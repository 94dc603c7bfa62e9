#pragma once

#include <string>

#include "transport/CardChannel.h"

namespace cccd::pcsc {

/// A connected card: transmits APDUs with SCardTransmit. Extended length is offered unless the
/// protocol is T=0 or the reader reports a short input buffer (SCARD_ATTR_MAXINPUT); whether the
/// card takes it is for the reader to probe.
/// The PcscContext that connected it must outlive the channel.
class PcscChannel : public transport::CardChannel {
public:
    PcscChannel(long context, long card, unsigned long protocol, std::string reader);
    ~PcscChannel() override;
    PcscChannel(const PcscChannel&) = delete;
    PcscChannel& operator=(const PcscChannel&) = delete;

    [[nodiscard]] Bytes transmit(ByteView commandApdu) override;

    [[nodiscard]] Bytes atr() const override { return m_atr; }

    [[nodiscard]] transport::ChannelCapabilities capabilities() const override;

    [[nodiscard]] const std::string& reader() const { return m_reader; }

    [[nodiscard]] bool isT0() const;

private:
    void throwIfCardGone() const;
    [[nodiscard]] Bytes transmitOnce(ByteView commandApdu);

    long m_context;
    long m_card;
    unsigned long m_protocol;
    std::string m_reader;
    Bytes m_atr;
    bool m_extended = false;
    bool m_exchanged = false; ///< an APDU has gone through this connection
};

} // namespace cccd::pcsc
