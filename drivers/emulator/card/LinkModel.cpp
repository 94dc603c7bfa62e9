#include "emulator/card/LinkModel.h"

#include <algorithm>

namespace cccd::emulator {

namespace {

// R(ACK) block acknowledging a chained I-block: PCB and CRC (ISO/IEC 14443-4 §7.1).
constexpr std::size_t AckFrameBytes = 3;

struct Direction {
    std::size_t wireBytes = 0;
    std::size_t frames = 0;
};

// One message split into I-blocks; every block but the last is chained and acknowledged.
Direction frame(std::size_t payload, const LinkModel& link) {
    std::size_t perFrame = std::max<std::size_t>(1, link.frameSize - link.frameOverhead);
    std::size_t frames = std::max<std::size_t>(1, (payload + perFrame - 1) / perFrame);
    std::size_t acks = frames - 1;
    return {payload + frames * link.frameOverhead + acks * AckFrameBytes, frames + acks};
}

} // namespace

std::chrono::microseconds LinkModel::exchangeTime(std::size_t commandBytes,
                                                  std::size_t responseBytes) const {
    if (!enabled || bitRate <= 0) {
        return std::chrono::microseconds(0);
    }
    Direction command = frame(commandBytes, *this);
    Direction response = frame(responseBytes, *this);
    double bits = static_cast<double>(command.wireBytes + response.wireBytes) * bitsPerByte;
    auto wire = std::chrono::microseconds(static_cast<long long>(bits / bitRate * 1e6));
    auto turnarounds = frameTurnaround * static_cast<long long>(command.frames + response.frames);
    return wire + turnarounds + chipLatency;
}

} // namespace cccd::emulator
