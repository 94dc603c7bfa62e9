#include "kiosk/core/PcscCardService.h"

#include "reader/Document.h"

namespace cccd::kiosk {

namespace {

constexpr std::chrono::milliseconds CardPoll{250};
constexpr std::chrono::milliseconds RemovalPoll{50};
constexpr std::chrono::milliseconds RetryPause{500};

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
            if (!readerMissingReported) {
                report(ReaderUnplugged{});
                readerMissingReported = true;
            }
            std::this_thread::sleep_for(RetryPause);
        }
    }
}

void PcscCardService::watchCard(CardTerminal& terminal, bool& readerMissingReported) {
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
        {
            std::lock_guard lock(m_mutex);
            key.swap(m_request);
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
    auto deadline = std::chrono::steady_clock::now() + m_options.readTimeout;
    bool timedOut = false;
    reader::ReadOptions options;
    options.dataGroups = m_options.dataGroups;
    options.cancel = &m_cancel;
    options.onProgress = [&](const reader::ReadProgress& progress) {
        report(ReadProgressed{progress});
        if (std::chrono::steady_clock::now() > deadline) {
            timedOut = true;
            m_cancel = true;
        }
    };
    try {
        std::unique_ptr<transport::CardChannel> channel = terminal.connect(reader);
        reader::CardReadout readout = reader::readCard(*channel, key, options);
        auto document = std::make_shared<reader::Document>(
            reader::interpret(std::move(readout), m_options.trustStore));
        report(ReadDone{std::move(document)});
    } catch (const Error& e) {
        ErrorCode code =
            e.code() == ErrorCode::Cancelled && timedOut ? ErrorCode::Timeout : e.code();
        report(ReadFailed{code});
    } catch (const std::exception&) {
        report(ReadFailed{ErrorCode::Transport});
    }
}

} // namespace cccd::kiosk
