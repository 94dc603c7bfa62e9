#include "pcsc/PcscChannel.h"

#include <algorithm>
#include <cstring>
#include <thread>

#include <reader.h>
#include <winscard.h>

#include "base/Error.h"
#include "base/Log.h"
#include "pcsc/PcscError.h"

namespace cccd::pcsc {

namespace {

// Short APDU maximum (4 header + 1 Lc + 255 data + 1 Le) that a reader must accept.
constexpr std::uint32_t ShortApduMax = 261;

// How long to wait for pcscd to notice a card that left in the middle of an exchange.
constexpr DWORD RemovalGraceMs = 1000;
// How long a reader that failed the first exchange gets to settle before the one repeat.
constexpr std::chrono::milliseconds SettleTime{250};

// SCARD_ATTR_MAXINPUT: an unsigned 32-bit value in the platform's byte order (a driver that
// writes a whole 64-bit DWORD is read as such); nullopt when the driver does not support it.
std::optional<std::uint32_t> readMaxInput(SCARDHANDLE card) {
    std::uint8_t value[8] = {};
    DWORD valueSize = sizeof value;
    if (SCardGetAttrib(card, SCARD_ATTR_MAXINPUT, value, &valueSize) != SCARD_S_SUCCESS) {
        return std::nullopt;
    }
    if (valueSize == sizeof(std::uint32_t)) {
        std::uint32_t maxInput = 0;
        std::memcpy(&maxInput, value, sizeof maxInput);
        return maxInput;
    }
    if (valueSize == sizeof(std::uint64_t)) {
        std::uint64_t maxInput = 0;
        std::memcpy(&maxInput, value, sizeof maxInput);
        return static_cast<std::uint32_t>(std::min<std::uint64_t>(maxInput, UINT32_MAX));
    }
    return std::nullopt;
}

} // namespace

transport::ReaderLimits limitsFromMaxInput(std::optional<std::uint32_t> maxInput) {
    transport::ReaderLimits limits;
    if (maxInput && *maxInput > 0 && *maxInput <= ShortApduMax) {
        limits.shortApdusOnly = true;
        limits.maxResponseSize = *maxInput;
    }
    return limits;
}

PcscChannel::PcscChannel(long context, long card, unsigned long protocol, std::string reader,
                         PcscChannelOptions options)
    : m_context(context), m_card(card), m_protocol(protocol), m_reader(std::move(reader)),
      m_transmitTimeout(options.transmitTimeout) {
    Bytes atr(MAX_ATR_SIZE);
    DWORD atrSize = static_cast<DWORD>(atr.size());
    DWORD state = 0;
    DWORD activeProtocol = 0;
    DWORD nameSize = 0;
    LONG rv =
        SCardStatus(m_card, nullptr, &nameSize, &state, &activeProtocol, atr.data(), &atrSize);
    if (rv != SCARD_S_SUCCESS) {
        SCardDisconnect(m_card, SCARD_LEAVE_CARD);
        throwPcscError(rv, "SCardStatus", true);
    }
    atr.resize(atrSize);
    m_atr = std::move(atr);

    // A reader that states its buffer settles what it carries; most contactless ones (vpcd among
    // them) do not, and the reader then probes with the first SELECT.
    std::optional<std::uint32_t> maxInput = readMaxInput(m_card);
    m_limits = transport::tighter(limitsFromMaxInput(maxInput), options.limits);
    if (maxInput) {
        log(LogLevel::Info, "pcsc",
            "reader states a buffer of " + std::to_string(*maxInput) + " bytes" +
                (m_limits.shortApdusOnly ? ": short APDUs only" : ""));
    }
}

PcscChannel::~PcscChannel() {
    m_worker.settle(); // an abandoned SCardTransmit must end before the handle goes
    SCardDisconnect(m_card, SCARD_LEAVE_CARD);
}

void PcscChannel::throwIfCardGone() const {
    // pcscd learns of a removal on its next presence poll, so give it a moment to tell.
    SCARD_READERSTATE state{};
    state.szReader = m_reader.c_str();
    state.dwCurrentState = SCARD_STATE_PRESENT;
    for (int attempt = 0; attempt < 2; ++attempt) {
        LONG rv = SCardGetStatusChange(m_context, RemovalGraceMs, &state, 1);
        if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT) {
            throwPcscError(rv, "SCardGetStatusChange", true);
        }
        if (state.dwEventState & SCARD_STATE_EMPTY) {
            throw Error(ErrorCode::CardRemoved, "the card was removed during the exchange");
        }
        state.dwCurrentState = state.dwEventState & ~SCARD_STATE_CHANGED;
    }
}

bool PcscChannel::isT0() const {
    return m_protocol == SCARD_PROTOCOL_T0;
}

// The first exchange on a fresh connection can fail at the link while the reader is still
// settling the card it just powered (pcsc-lite with vpcd fails it after a card swap). Nothing has
// reached the card's state machine yet, so that one exchange is repeated once, after a moment;
// any later failure stands, since repeating a command mid-session could run it twice.
Bytes PcscChannel::transmit(ByteView commandApdu) {
    if (m_exchanged) {
        return transmitOnce(commandApdu);
    }
    m_exchanged = true;
    try {
        return transmitOnce(commandApdu);
    } catch (const Error& e) {
        if (e.code() != ErrorCode::Transport) {
            throw;
        }
        log(LogLevel::Info, "pcsc", "first exchange failed at the link; sending it again");
        std::this_thread::sleep_for(SettleTime);
        return transmitOnce(commandApdu);
    }
}

// SCardTransmit has no timeout of its own and SCardCancel does not interrupt it, so it runs on
// the worker: the caller returns on cancel or timeout, the exchange ends in the background.
Bytes PcscChannel::transmitOnce(ByteView commandApdu) {
    Bytes command(commandApdu.begin(), commandApdu.end());
    return m_worker.run([this, command = std::move(command)] { return exchange(command); },
                        m_cancel, m_transmitTimeout);
}

Bytes PcscChannel::exchange(ByteView commandApdu) const {
    const SCARD_IO_REQUEST* pci = isT0() ? SCARD_PCI_T0 : SCARD_PCI_T1;
    Bytes response(MAX_BUFFER_SIZE_EXTENDED);
    DWORD size = static_cast<DWORD>(response.size());
    LONG rv = SCardTransmit(m_card, pci, commandApdu.data(), static_cast<DWORD>(commandApdu.size()),
                            nullptr, response.data(), &size);
    if (rv != SCARD_S_SUCCESS) {
        throwPcscError(rv, "SCardTransmit", true);
    }
    if (size < 2) {
        // Some drivers (vpcd among them) report success with no bytes when the card leaves
        // mid-exchange: ask the reader what happened before calling the answer malformed.
        throwIfCardGone();
        throw Error(ErrorCode::Transport, "SCardTransmit returned no status word");
    }
    response.resize(size);
    return response;
}

transport::ChannelCapabilities PcscChannel::capabilities() const {
    transport::ChannelCapabilities caps;
    caps.extendedLength = !isT0();
    if (caps.extendedLength) {
        caps.maxCommandDataSize = 65535;
        caps.maxResponseDataSize = 65536;
    }
    return transport::limitedTo(caps, m_limits);
}

} // namespace cccd::pcsc
