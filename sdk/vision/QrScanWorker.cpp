#include "vision/QrScanWorker.h"

namespace cccd::vision {

QrScanWorker::QrScanWorker(Callback onSymbol, QrDecoderOptions options)
    : m_onSymbol(std::move(onSymbol)), m_decoder(options), m_thread([this] { run(); }) {}

QrScanWorker::~QrScanWorker() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_waiting.reset();
    }
    m_changed.notify_all();
    m_thread.join();
}

void QrScanWorker::submit(GrayImage frame) {
    {
        std::lock_guard lock(m_mutex);
        ++m_counters.submitted;
        if (m_waiting) {
            ++m_counters.dropped;
        }
        m_waiting = std::move(frame);
    }
    m_changed.notify_all();
}

void QrScanWorker::drain() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_waiting && !m_busy; });
}

QrScanWorker::Counters QrScanWorker::counters() const {
    std::lock_guard lock(m_mutex);
    return m_counters;
}

void QrScanWorker::run() {
    for (;;) {
        GrayImage frame;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stopping || m_waiting; });
            if (m_stopping) {
                return;
            }
            frame = std::move(*m_waiting);
            m_waiting.reset();
            m_busy = true;
        }
        std::optional<QrSymbol> symbol = m_decoder.decode(frame);
        if (symbol && m_onSymbol) {
            m_onSymbol(*symbol);
        }
        {
            std::lock_guard lock(m_mutex);
            m_busy = false;
            ++m_counters.decoded;
            if (symbol) {
                ++m_counters.found;
            }
        }
        m_changed.notify_all();
    }
}

} // namespace cccd::vision
