#pragma once

#include <atomic>

#include "reader/CapabilityCache.h"
#include "transport/CardChannel.h"
#include "transport/ReaderLimits.h"

namespace cccd::reader {

/// The caller's channel as one read sees it: within the reader limits the caller states and
/// what earlier reads of this card type learned (no extended length once it was refused), and
/// watching what this read learns. An extended APDU that fails the exchange, times out or gets
/// a plain 6700 marks extended length refused; FileReader adds the READ BINARY length it had to
/// step down to. Between two APDUs it checks the cancel flag, whatever the inner channel does.
class LimitedChannel : public transport::CardChannel {
public:
    LimitedChannel(transport::CardChannel& inner, transport::ReaderLimits stated,
                   CardCapabilities known, const std::atomic<bool>* cancel);

    [[nodiscard]] Bytes transmit(ByteView commandApdu) override;

    [[nodiscard]] Bytes atr() const override { return m_inner.atr(); }

    [[nodiscard]] transport::ChannelCapabilities capabilities() const override;

    [[nodiscard]] std::string readerName() const override { return m_inner.readerName(); }

    void watchCancel(const std::atomic<bool>* flag) override;

    /// What is known so far: the cache's entry and what this read added.
    [[nodiscard]] CardCapabilities& learned() { return m_learned; }

    [[nodiscard]] const CardCapabilities& learned() const { return m_learned; }

private:
    transport::CardChannel& m_inner;
    transport::ReaderLimits m_stated;
    CardCapabilities m_learned;
    const std::atomic<bool>* m_cancel;
};

} // namespace cccd::reader
