#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "vision/GrayImage.h"
#include "vision/QrDecoder.h"

namespace cccd::vision {

/// Decodes camera frames on its own thread so that capture and the UI never wait: a frame that
/// arrives while one is being decoded replaces the waiting one, older frames are dropped.
class QrScanWorker {
public:
    using Callback = std::function<void(const QrSymbol&)>;

    /// `onSymbol` runs on the worker thread for each frame with a symbol.
    explicit QrScanWorker(Callback onSymbol, QrDecoderOptions options = {});
    QrScanWorker(const QrScanWorker&) = delete;
    QrScanWorker& operator=(const QrScanWorker&) = delete;
    /// Stops after the frame being decoded, dropping the waiting one.
    ~QrScanWorker();

    /// Hands a frame over; never blocks on decoding.
    void submit(GrayImage frame);

    /// Waits until no frame is waiting or being decoded (tests, end of a video file).
    void drain();

    struct Counters {
        std::size_t submitted = 0;
        std::size_t decoded = 0; ///< frames that went through the decoder
        std::size_t dropped = 0; ///< replaced while waiting
        std::size_t found = 0;
    };

    [[nodiscard]] Counters counters() const;

private:
    void run();

    Callback m_onSymbol;
    QrDecoder m_decoder;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::optional<GrayImage> m_waiting;
    bool m_busy = false;
    bool m_stopping = false;
    Counters m_counters;
    std::thread m_thread; // last: starts once the rest is ready
};

} // namespace cccd::vision
