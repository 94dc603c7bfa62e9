#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

namespace cccd::reader {

/// Reported after every READ BINARY, and when a resumed read takes a file up where an earlier
/// session left it: which file, how much of it is in.
struct ReadProgress {
    std::string file; ///< "EF.COM", "DG2", ...
    std::size_t bytesRead = 0;
    std::size_t totalBytes = 0; ///< 0 until the file's header has been read
};

using ProgressCallback = std::function<void(const ReadProgress&)>;

/// Set from any thread to stop a read between two APDUs; the read throws Error(Cancelled).
using CancelFlag = std::atomic<bool>;

} // namespace cccd::reader
