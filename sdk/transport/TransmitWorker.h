#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "base/Bytes.h"
#include "base/Error.h"
#include "base/SecureBytes.h"

namespace cccd::transport {

/// Runs a link's exchanges on a thread of its own, one at a time, so that the caller can stop
/// waiting for one: when the cancel flag is set or the time is up, run() throws Error(Cancelled)
/// or Error(Timeout) at once, while the exchange itself goes on to its end in the background
/// (PC/SC has no way to interrupt SCardTransmit: SCardCancel ends only SCardGetStatusChange).
/// The next run(), and the destructor, first wait for that abandoned exchange, so the link
/// never carries two at once; its answer is wiped and dropped.
class TransmitWorker {
public:
    TransmitWorker() = default;
    TransmitWorker(const TransmitWorker&) = delete;
    TransmitWorker& operator=(const TransmitWorker&) = delete;

    /// Waits for an abandoned exchange to end, then stops the thread.
    ~TransmitWorker() {
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_busy; });
            m_stopping = true;
        }
        m_changed.notify_all();
        if (m_thread.joinable()) {
            m_thread.join();
        }
    }

    /// Waits, however long it takes, for an abandoned exchange to end: before the link is closed.
    void settle() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_busy; });
    }

    /// Runs `exchange` on the worker thread and returns its answer, or rethrows its error.
    /// `exchange` must own what it uses (a copy of the command): an abandoned one outlives the
    /// call. `abandon` runs on the caller's thread when it stops waiting, to let the link end the
    /// exchange sooner (e.g. cut the card's power); it may be empty. A flag set beforehand sends
    /// nothing; waiting for an earlier abandoned exchange counts against the same flag and
    /// timeout.
    [[nodiscard]] Bytes run(std::function<Bytes()> exchange, const std::atomic<bool>* cancel,
                            std::optional<std::chrono::milliseconds> timeout,
                            const std::function<void()>& abandon = {}) {
        auto deadline = timeout ? std::chrono::steady_clock::now() + *timeout
                                : std::chrono::steady_clock::time_point::max();
        std::unique_lock lock(m_mutex);
        waitUntil(lock, cancel, deadline, abandon, [this] { return !m_busy; });
        if (cancel != nullptr && cancel->load()) {
            throw Error(ErrorCode::Cancelled, "exchange cancelled");
        }
        if (!m_thread.joinable()) {
            m_thread = std::thread([this] { loop(); });
        }
        m_job = std::move(exchange);
        m_busy = true;
        m_changed.notify_all();
        waitUntil(lock, cancel, deadline, abandon, [this] { return !m_busy; });

        if (m_error) {
            std::exception_ptr error = std::exchange(m_error, nullptr);
            std::rethrow_exception(error);
        }
        return std::exchange(m_answer, Bytes{});
    }

private:
    // The cancel flag is a plain atomic nobody signals: look at it every few milliseconds.
    static constexpr std::chrono::milliseconds PollInterval{10};

    template <typename Done>
    void waitUntil(std::unique_lock<std::mutex>& lock, const std::atomic<bool>* cancel,
                   std::chrono::steady_clock::time_point deadline,
                   const std::function<void()>& abandon, Done done) {
        while (!done()) {
            bool cancelled = cancel != nullptr && cancel->load();
            bool late = std::chrono::steady_clock::now() >= deadline;
            if (cancelled || late) {
                if (abandon) {
                    lock.unlock();
                    abandon();
                    lock.lock();
                }
                throw cancelled ? Error(ErrorCode::Cancelled, "exchange cancelled")
                                : Error(ErrorCode::Timeout, "the card did not answer in time");
            }
            auto wake = std::min(deadline, std::chrono::steady_clock::now() + PollInterval);
            m_changed.wait_until(lock, wake);
        }
    }

    void loop() {
        std::unique_lock lock(m_mutex);
        while (true) {
            m_changed.wait(lock, [this] { return m_stopping || m_job; });
            if (m_stopping) {
                return;
            }
            std::function<Bytes()> job = std::exchange(m_job, nullptr);
            wipe(m_answer); // an abandoned exchange's answer nobody took
            m_error = nullptr;
            lock.unlock();
            Bytes answer;
            std::exception_ptr error;
            try {
                answer = job();
            } catch (...) {
                error = std::current_exception();
            }
            job = nullptr;
            lock.lock();
            m_answer = std::move(answer);
            m_error = error;
            m_busy = false;
            m_changed.notify_all();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::thread m_thread;
    std::function<Bytes()> m_job;
    Bytes m_answer;
    std::exception_ptr m_error;
    bool m_busy = false;
    bool m_stopping = false;
};

} // namespace cccd::transport
