#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "transport/CardChannel.h"
#include "transport/ReaderLimits.h"
#include "transport/TransmitWorker.h"

namespace cccd::pcsc {

/// How a PcscChannel treats its reader.
struct PcscChannelOptions {
    /// Limits the caller knows of the reader (e.g. from settings); the tighter of these and what
    /// the reader reports (SCARD_ATTR_MAXINPUT) apply.
    transport::ReaderLimits limits;
    /// How long one exchange may take before transmit gives up with Error(Timeout). The reader's
    /// driver usually ends a silent card sooner; this bounds the one that does not.
    std::chrono::milliseconds transmitTimeout{30000};
};

/// The limits a reader's SCARD_ATTR_MAXINPUT implies: the largest APDU it carries, in either
/// direction (libccid reports dwMaxCCIDMessageLength - 10, the CCID message that holds a command
/// or a response APDU). Up to 261 bytes (4 header + 1 Lc + 255 data + 1 Le) the reader passes
/// short APDUs only, and no response longer than that value; above it nothing is restricted.
/// nullopt (the driver does not say, as vpcd) restricts nothing: the reader then probes.
[[nodiscard]] transport::ReaderLimits limitsFromMaxInput(std::optional<std::uint32_t> maxInput);

/// A connected card: transmits APDUs with SCardTransmit on a worker thread (so that a cancel or
/// the transmit timeout returns at once; the abandoned exchange finishes in the background and
/// the next one waits for it). Extended length is offered unless the protocol is T=0 or the
/// reader's limits exclude it; whether the card takes it is for the reader to probe.
/// The PcscContext that connected it must outlive the channel.
class PcscChannel : public transport::CardChannel {
public:
    PcscChannel(long context, long card, unsigned long protocol, std::string reader,
                PcscChannelOptions options = {});
    ~PcscChannel() override;
    PcscChannel(const PcscChannel&) = delete;
    PcscChannel& operator=(const PcscChannel&) = delete;

    /// Errors: the PC/SC ones (throwPcscError), Error(Cancelled) once the watched flag is set,
    /// Error(Timeout) after options.transmitTimeout.
    [[nodiscard]] Bytes transmit(ByteView commandApdu) override;

    [[nodiscard]] Bytes atr() const override { return m_atr; }

    [[nodiscard]] transport::ChannelCapabilities capabilities() const override;

    [[nodiscard]] std::string readerName() const override { return m_reader; }

    void watchCancel(const std::atomic<bool>* flag) override { m_cancel = flag; }

    [[nodiscard]] const std::string& reader() const { return m_reader; }

    /// The reported limits and the stated ones together.
    [[nodiscard]] const transport::ReaderLimits& limits() const { return m_limits; }

    [[nodiscard]] bool isT0() const;

private:
    void throwIfCardGone() const;
    [[nodiscard]] Bytes transmitOnce(ByteView commandApdu);
    [[nodiscard]] Bytes exchange(ByteView commandApdu) const;

    long m_context;
    long m_card;
    unsigned long m_protocol;
    std::string m_reader;
    Bytes m_atr;
    transport::ReaderLimits m_limits;
    std::chrono::milliseconds m_transmitTimeout;
    const std::atomic<bool>* m_cancel = nullptr;
    bool m_exchanged = false;           ///< an APDU has gone through this connection
    transport::TransmitWorker m_worker; ///< last member: its destructor waits for the exchange
};

} // namespace cccd::pcsc
