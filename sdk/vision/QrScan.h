#pragma once

#include <chrono>
#include <optional>

#include "vision/FrameSource.h"
#include "vision/QrDecoder.h"
#include "vision/QrScanWorker.h"

namespace cccd::vision {

struct QrScanResult {
    std::optional<QrSymbol> symbol; ///< the first symbol found, if any
    QrScanWorker::Counters frames;
};

/// Takes frames from `source` until a QR symbol is found, the source ends or `timeout` passes.
/// A live camera's frames are decoded on a worker that drops those that come while it is busy
/// (cheap passes only: another frame comes soon); a file's are each decoded in full.
[[nodiscard]] QrScanResult scanForQr(FrameSource& source, std::chrono::milliseconds timeout,
                                     bool live);

} // namespace cccd::vision
