#include "vision/QrScan.h"

#include <mutex>

namespace cccd::vision {

QrScanResult scanForQr(FrameSource& source, std::chrono::milliseconds timeout, bool live) {
    std::mutex mutex;
    std::optional<QrSymbol> found;
    QrDecoderOptions options;
    options.thorough = !live;
    QrScanWorker worker(
        [&](const QrSymbol& symbol) {
            std::lock_guard lock(mutex);
            if (!found) {
                found = symbol;
            }
        },
        options);
    auto seen = [&] {
        std::lock_guard lock(mutex);
        return found.has_value();
    };
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!seen() && std::chrono::steady_clock::now() < deadline) {
        std::optional<GrayImage> frame = source.next();
        if (!frame) {
            break;
        }
        worker.submit(std::move(*frame));
        if (!live) {
            worker.drain(); // a file: every frame counts, none is dropped
        }
    }
    worker.drain();
    QrScanResult out;
    out.frames = worker.counters();
    std::lock_guard lock(mutex);
    out.symbol = std::move(found);
    return out;
}

} // namespace cccd::vision
