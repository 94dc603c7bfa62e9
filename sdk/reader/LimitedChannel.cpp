#include "reader/LimitedChannel.h"

#include "base/Error.h"
#include "base/Log.h"

namespace cccd::reader {

namespace {

constexpr std::uint16_t WrongLength = 0x6700; // ISO/IEC 7816-4 §5.6

// ISO/IEC 7816-4 §5.1: after the header, 00 and two length bytes mark the extended form.
bool isExtended(ByteView apdu) {
    return apdu.size() >= 7 && apdu[4] == 0x00;
}

} // namespace

LimitedChannel::LimitedChannel(transport::CardChannel& inner, transport::ReaderLimits stated,
                               CardCapabilities known, const std::atomic<bool>* cancel)
    : m_inner(inner), m_stated(stated), m_learned(known), m_cancel(cancel) {}

void LimitedChannel::watchCancel(const std::atomic<bool>* flag) {
    m_cancel = flag;
    m_inner.watchCancel(flag);
}

transport::ChannelCapabilities LimitedChannel::capabilities() const {
    transport::ChannelCapabilities caps = transport::limitedTo(m_inner.capabilities(), m_stated);
    if (m_learned.extendedLengthRefused) {
        caps.extendedLength = false;
    }
    return caps;
}

// An extended APDU refused in plain, before secure messaging could wrap the answer (DO99), or
// lost at the link, says the card or the reader cannot take that form: a card that takes it
// answers, even with an error of its own, under secure messaging or with the command's result.
Bytes LimitedChannel::transmit(ByteView commandApdu) {
    if (m_cancel != nullptr && m_cancel->load()) {
        throw Error(ErrorCode::Cancelled, "read cancelled");
    }
    bool extended = isExtended(commandApdu);
    try {
        Bytes response = m_inner.transmit(commandApdu);
        bool refused = response.size() == 2 && (response[0] << 8 | response[1]) == WrongLength;
        if (extended && refused && !m_learned.extendedLengthRefused) {
            log(LogLevel::Info, "reader", "extended length refused (6700); remembered");
            m_learned.extendedLengthRefused = true;
        }
        return response;
    } catch (const Error& e) {
        bool linkFailed = e.code() == ErrorCode::Transport || e.code() == ErrorCode::Timeout;
        if (extended && linkFailed && !m_learned.extendedLengthRefused) {
            log(LogLevel::Info, "reader", "an extended APDU failed at the link; remembered");
            m_learned.extendedLengthRefused = true;
        }
        throw;
    }
}

} // namespace cccd::reader
