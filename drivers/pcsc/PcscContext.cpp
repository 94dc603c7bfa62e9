#include "pcsc/PcscContext.h"

#include <winscard.h>

#include "base/Error.h"
#include "pcsc/PcscChannel.h"
#include "pcsc/PcscError.h"

namespace cccd::pcsc {

namespace {

// Reader-list changes are reported on this pseudo reader (PC/SC Part 5 / pcsc-lite).
constexpr const char* PnpNotification = "\\\\?PnP?\\Notification";

// Split a PC/SC multi-string ("a\0b\0\0").
std::vector<std::string> splitMultiString(const std::vector<char>& buffer) {
    std::vector<std::string> out;
    for (std::size_t pos = 0; pos < buffer.size() && buffer[pos] != '\0';) {
        std::string name(&buffer[pos]);
        pos += name.size() + 1;
        out.push_back(std::move(name));
    }
    return out;
}

constexpr std::chrono::milliseconds CancelPollInterval{200};

DWORD toPcscTimeout(std::chrono::milliseconds timeout) {
    return timeout.count() < 0 ? INFINITE : static_cast<DWORD>(timeout.count());
}

} // namespace

PcscContext::PcscContext() {
    SCARDCONTEXT context = 0;
    LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context);
    if (rv != SCARD_S_SUCCESS) {
        throwPcscError(rv, "SCardEstablishContext");
    }
    m_context = context;
}

PcscContext::~PcscContext() {
    SCardReleaseContext(m_context);
}

std::vector<std::string> PcscContext::readers() const {
    // A reader plugged in between the size query and the listing makes the buffer too small:
    // ask again.
    for (int attempt = 0; attempt < 3; ++attempt) {
        DWORD size = 0;
        LONG rv = SCardListReaders(m_context, nullptr, nullptr, &size);
        if (rv == SCARD_E_NO_READERS_AVAILABLE) {
            return {};
        }
        if (rv != SCARD_S_SUCCESS) {
            throwPcscError(rv, "SCardListReaders");
        }
        std::vector<char> buffer(size + 1, '\0');
        rv = SCardListReaders(m_context, nullptr, buffer.data(), &size);
        if (rv == SCARD_E_NO_READERS_AVAILABLE) {
            return {};
        }
        if (rv == SCARD_E_INSUFFICIENT_BUFFER) {
            continue;
        }
        if (rv != SCARD_S_SUCCESS) {
            throwPcscError(rv, "SCardListReaders");
        }
        return splitMultiString(buffer);
    }
    throw Error(ErrorCode::Transport, "the reader list kept changing");
}

std::vector<std::string> PcscContext::readersWithCard() const {
    std::vector<std::string> names = readers();
    std::vector<SCARD_READERSTATE> states(names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
        states[i].szReader = names[i].c_str();
        states[i].dwCurrentState = SCARD_STATE_UNAWARE;
    }
    std::vector<std::string> out;
    if (names.empty()) {
        return out;
    }
    LONG rv = SCardGetStatusChange(m_context, 0, states.data(), static_cast<DWORD>(states.size()));
    if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT) {
        throwPcscError(rv, "SCardGetStatusChange");
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (states[i].dwEventState & SCARD_STATE_PRESENT) {
            out.push_back(names[i]);
        }
    }
    return out;
}

std::string PcscContext::waitForCard(const std::optional<std::string>& reader,
                                     std::chrono::milliseconds timeout, bool waitForReader,
                                     const std::atomic<bool>* cancel) const {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        if (cancel != nullptr && cancel->load()) {
            throw Error(ErrorCode::Cancelled, "waiting for a card was cancelled");
        }
        std::vector<std::string> names = reader ? std::vector<std::string>{*reader} : readers();
        if (!reader && names.empty() && !waitForReader) {
            throw Error(ErrorCode::NoReader, "no PC/SC reader is attached");
        }
        std::vector<SCARD_READERSTATE> states(names.size() + 1);
        for (std::size_t i = 0; i < names.size(); ++i) {
            states[i].szReader = names[i].c_str();
            states[i].dwCurrentState = SCARD_STATE_UNAWARE;
        }
        states.back().szReader = PnpNotification;
        states.back().dwCurrentState = static_cast<DWORD>(names.size()) << 16;

        // First pass reports the present state; later passes block until something changes.
        for (int pass = 0; pass < 2; ++pass) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now());
            if (left.count() < 0) {
                left = std::chrono::milliseconds(0);
            }
            if (cancel != nullptr) {
                left = std::min(left, CancelPollInterval);
            }
            DWORD wait = pass == 0 ? 0 : toPcscTimeout(left);
            LONG rv = SCardGetStatusChange(m_context, wait, states.data(),
                                           static_cast<DWORD>(states.size()));
            if (rv == SCARD_E_TIMEOUT && pass == 0) {
                rv = SCARD_S_SUCCESS;
            }
            if (rv == SCARD_E_TIMEOUT && std::chrono::steady_clock::now() < deadline) {
                break; // a poll for the cancel flag, not the end of the wait
            }
            if (rv == SCARD_E_TIMEOUT) {
                throw Error(
                    ErrorCode::Timeout,
                    "no card was presented in time: put the card on the reader (or wait longer)");
            }
            if (rv == SCARD_E_UNKNOWN_READER && reader) {
                throw Error(ErrorCode::NoReader, "the requested reader is not attached");
            }
            if (rv != SCARD_S_SUCCESS) {
                throwPcscError(rv, "SCardGetStatusChange");
            }
            for (std::size_t i = 0; i < names.size(); ++i) {
                if (states[i].dwEventState & SCARD_STATE_PRESENT &&
                    !(states[i].dwEventState & SCARD_STATE_MUTE)) {
                    return names[i];
                }
                states[i].dwCurrentState = states[i].dwEventState & ~SCARD_STATE_CHANGED;
            }
            if (states.back().dwEventState & SCARD_STATE_CHANGED) {
                break; // the reader list changed: start over with the new list
            }
            states.back().dwCurrentState = states.back().dwEventState;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            throw Error(
                ErrorCode::Timeout,
                "no card was presented in time: put the card on the reader (or wait longer)");
        }
    }
}

bool PcscContext::waitForRemoval(const std::string& reader,
                                 std::chrono::milliseconds timeout) const {
    SCARD_READERSTATE state{};
    state.szReader = reader.c_str();
    state.dwCurrentState = SCARD_STATE_PRESENT;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return false;
        }
        LONG rv = SCardGetStatusChange(m_context, toPcscTimeout(left), &state, 1);
        if (rv == SCARD_E_TIMEOUT) {
            return false;
        }
        if (rv == SCARD_E_CANCELLED) {
            throw Error(ErrorCode::Cancelled, "waiting for the card to leave was cancelled");
        }
        if (rv != SCARD_S_SUCCESS) {
            return true; // the reader itself is gone, so is the card
        }
        if (state.dwEventState & SCARD_STATE_EMPTY) {
            return true;
        }
        state.dwCurrentState = state.dwEventState & ~SCARD_STATE_CHANGED;
    }
}

std::unique_ptr<PcscChannel> PcscContext::connect(const std::string& reader,
                                                  PcscChannelOptions options) const {
    SCARDHANDLE card = 0;
    DWORD protocol = 0;
    LONG rv = SCardConnect(m_context, reader.c_str(), SCARD_SHARE_EXCLUSIVE,
                           SCARD_PROTOCOL_T1 | SCARD_PROTOCOL_T0, &card, &protocol);
    if (rv != SCARD_S_SUCCESS) {
        throwPcscError(rv, "SCardConnect");
    }
    return std::make_unique<PcscChannel>(m_context, card, protocol, reader, std::move(options));
}

void PcscContext::cancel() const {
    SCardCancel(m_context);
}

} // namespace cccd::pcsc
