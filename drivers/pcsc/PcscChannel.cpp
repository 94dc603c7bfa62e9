#include "pcsc/PcscChannel.h"

#include <chrono>
#include <thread>

#include <reader.h>
#include <winscard.h>

#include "base/Error.h"
#include "base/Log.h"
#include "pcsc/PcscError.h"

namespace cccd::pcsc {

namespace {

// Short APDU maximum (4 header + 1 Lc + 255 data + 1 Le) that a reader must accept.
constexpr DWORD ShortApduMax = 261;

// How long to wait for pcscd to notice a card that left in the middle of an exchange.
constexpr DWORD RemovalGraceMs = 1000;
// How long a reader that failed the first exchange gets to settle before the one repeat.
constexpr std::chrono::milliseconds SettleTime{250};

} // namespace

PcscChannel::PcscChannel(long context, long card, unsigned long protocol, std::string reader)
    : m_context(context), m_card(card), m_protocol(protocol), m_reader(std::move(reader)) {
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

    // A reader that states its input buffer settles it; most (vpcd among them) do not, and
    // the reader then probes with the first SELECT.
    m_extended = true;
    std::uint8_t value[8] = {};
    DWORD valueSize = sizeof value;
    if (SCardGetAttrib(m_card, SCARD_ATTR_MAXINPUT, value, &valueSize) == SCARD_S_SUCCESS &&
        valueSize >= 4) {
        DWORD maxInput = value[0] | value[1] << 8 | value[2] << 16 | value[3] << 24;
        m_extended = maxInput > ShortApduMax;
    }
}

PcscChannel::~PcscChannel() {
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

Bytes PcscChannel::transmitOnce(ByteView commandApdu) {
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
    caps.extendedLength = m_extended && !isT0();
    if (caps.extendedLength) {
        caps.maxCommandDataSize = 65535;
        caps.maxResponseDataSize = 65536;
    }
    return caps;
}

} // namespace cccd::pcsc
