#include "kiosk/core/PcscCardService.h"

#include <algorithm>
#include <utility>

#include "base/Log.h"
#include "reader/Document.h"

namespace cccd::kiosk {

namespace {

constexpr std::chrono::milliseconds CardPoll{250};
constexpr std::chrono::milliseconds RemovalPoll{50};
constexpr std::chrono::milliseconds RetryPause{500};

// Failures of the link, not of the card's answers or the key: the card left the field (a reset
// card reads as removed), the reader went, an exchange failed or the read ran out of time. The
// files and bytes gathered before are still the card's, so the read may continue from them.
bool brokeOff(ErrorCode code) {
    switch (code) {
    case ErrorCode::CardRemoved:
    case ErrorCode::NoCard:
    case ErrorCode::ReaderUnplugged:
    case ErrorCode::Transport:
    case ErrorCode::Timeout:
        return true;
    case ErrorCode::InvalidArgument:
    case ErrorCode::MalformedData:
    case ErrorCode::Crypto:
    case ErrorCode::NoReader:
    case ErrorCode::SharingViolation:
    case ErrorCode::CardStatus:
    case ErrorCode::AccessDenied:
    case ErrorCode::SecureMessaging:
    case ErrorCode::FileNotFound:
    case ErrorCode::SecurityStatus:
    case ErrorCode::Cancelled:
    case ErrorCode::NotSupported:
    case ErrorCode::Io:
        return false;
    }
    return false;
}

bool sameBytes(ByteView a, ByteView b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

bool sameMrzKey(const mrz::MrzKey& a, const mrz::MrzKey& b) {
    return a.documentNumber() == b.documentNumber() && a.birthDate() == b.birthDate() &&
           a.expiryDate() == b.expiryDate();
}

// Whether two access keys are the same password in every field: a different key is taken for
// another citizen, even one that would open the same card.
bool sameKey(const reader::AccessKey& a, const reader::AccessKey& b) {
    if (!sameBytes(a.can.view(), b.can.view()) || a.mrz.has_value() != b.mrz.has_value() ||
        (a.mrz && !sameMrzKey(*a.mrz, *b.mrz))) {
        return false;
    }
    return std::equal(a.bacCandidates.begin(), a.bacCandidates.end(), b.bacCandidates.begin(),
                      b.bacCandidates.end(), sameMrzKey);
}

} // namespace

PcscCardService::PcscCardService(PcscCardServiceOptions options) : m_options(std::move(options)) {
    if (!m_options.openTerminal) {
        m_options.openTerminal = [reader = m_options.readerName] {
            return openPcscTerminal(reader);
        };
    }
}

PcscCardService::~PcscCardService() {
    m_stop = true;
    m_cancel = true;
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void PcscCardService::setSink(CardEventSink sink) {
    m_sink = std::move(sink);
}

void PcscCardService::start() {
    if (!m_thread.joinable()) {
        m_thread = std::thread([this] { run(); });
    }
}

void PcscCardService::read(const reader::AccessKey& key) {
    std::lock_guard lock(m_mutex);
    m_cancel = false;
    m_request = key;
}

void PcscCardService::cancelRead() {
    std::lock_guard lock(m_mutex);
    m_request.reset();
    m_cancel = true;
}

void PcscCardService::forgetCard() {
    std::lock_guard lock(m_mutex);
    m_forget = true;
}

void PcscCardService::forgetIfAsked() {
    bool forget = false;
    {
        std::lock_guard lock(m_mutex);
        forget = std::exchange(m_forget, false);
    }
    if (forget) {
        forgetRead();
    }
}

void PcscCardService::forgetRead() {
    m_state.clear();
    m_stateKey.reset();
}

void PcscCardService::report(CardEvent event) {
    if (m_sink) {
        m_sink(std::move(event));
    }
}

void PcscCardService::run() {
    bool readerMissingReported = false;
    while (!m_stop) {
        try {
            std::unique_ptr<CardTerminal> terminal = m_options.openTerminal();
            while (!m_stop) {
                watchCard(*terminal, readerMissingReported);
            }
        } catch (const Error&) {
            // No PC/SC service (pcscd stopped): report the reader gone once and try again.
            forgetIfAsked();
            if (!readerMissingReported) {
                report(ReaderUnplugged{});
                readerMissingReported = true;
            }
            std::this_thread::sleep_for(RetryPause);
        }
    }
}

void PcscCardService::watchCard(CardTerminal& terminal, bool& readerMissingReported) {
    forgetIfAsked();
    std::string reader;
    try {
        reader = terminal.waitForCard(CardPoll, m_stop);
    } catch (const Error& e) {
        if (e.code() == ErrorCode::NoReader || e.code() == ErrorCode::ReaderUnplugged) {
            if (!readerMissingReported) {
                report(ReaderUnplugged{});
                readerMissingReported = true;
            }
            std::this_thread::sleep_for(RetryPause);
        }
        return; // Timeout, Cancelled: poll again
    }
    readerMissingReported = false;
    report(CardPresent{reader});
    while (!m_stop) {
        std::optional<reader::AccessKey> key;
        bool forget = false;
        {
            // Taken together: a session's end and the next session's read, asked in that
            // order, are done in that order.
            std::lock_guard lock(m_mutex);
            key.swap(m_request);
            forget = std::exchange(m_forget, false);
        }
        if (forget) {
            forgetRead();
        }
        if (key) {
            readNow(terminal, reader, *key);
            key.reset();
        }
        try {
            if (terminal.waitForRemoval(reader, RemovalPoll)) {
                report(CardRemoved{});
                return;
            }
        } catch (const Error&) {
            report(ReaderUnplugged{});
            return;
        }
    }
}

void PcscCardService::readNow(CardTerminal& terminal, const std::string& reader,
                              const reader::AccessKey& key) {
    if (m_stateKey && !sameKey(*m_stateKey, key)) {
        forgetRead(); // another key: another citizen
    }
    m_stateKey = key;
    auto deadline = std::chrono::steady_clock::now() + m_options.readTimeout;
    bool timedOut = false;
    bool resumed = false;
    reader::ReadOptions options;
    options.dataGroups = m_options.dataGroups;
    options.cancel = &m_cancel;
    options.state = &m_state;
    options.onProgress = [&](const reader::ReadProgress& progress) {
        report(ReadProgressed{progress, resumed});
        if (std::chrono::steady_clock::now() > deadline) {
            timedOut = true;
            m_cancel = true;
        }
    };
    try {
        std::unique_ptr<transport::CardChannel> channel = terminal.connect(reader);
        reader::CardReadout readout = readKept(*channel, key, options, resumed);
        forgetRead(); // complete: the files are in the readout
        auto document = std::make_shared<reader::Document>(
            reader::interpret(std::move(readout), m_options.trustStore));
        report(ReadDone{std::move(document)});
    } catch (const Error& e) {
        ErrorCode code =
            e.code() == ErrorCode::Cancelled && timedOut ? ErrorCode::Timeout : e.code();
        if (!brokeOff(code) || m_state.empty()) {
            forgetRead();
        }
        report(ReadFailed{code});
    } catch (const std::exception&) {
        forgetRead();
        report(ReadFailed{ErrorCode::Transport});
    }
}

// The kept read goes on when the card on the reader may be its card. readCard refuses a card
// with another ATR before any command; that card is another citizen's: read afresh, once.
reader::CardReadout PcscCardService::readKept(transport::CardChannel& channel,
                                              const reader::AccessKey& key,
                                              const reader::ReadOptions& options, bool& resumed) {
    resumed = !m_state.empty();
    try {
        return reader::readCard(channel, key, options);
    } catch (const Error& e) {
        if (e.code() != ErrorCode::InvalidArgument || m_state.belongsTo(channel.atr())) {
            throw;
        }
    }
    log(LogLevel::Info, "kiosk", "another card than the one whose read broke off: read afresh");
    m_state.clear();
    resumed = false;
    return reader::readCard(channel, key, options);
}

} // namespace cccd::kiosk
