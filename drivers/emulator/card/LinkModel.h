#pragma once

#include <chrono>
#include <cstddef>

namespace cccd::emulator {

/// What one APDU exchange costs on a contactless link (ISO/IEC 14443-4 block transmission):
/// the bytes in frames of at most FSC bytes, each frame with its protocol overhead, chained
/// frames acknowledged by the other side, a turnaround per frame, and the chip's processing
/// time per command. A model, not a measurement: it makes benchmarks pay what a card would.
struct LinkModel {
    bool enabled = false;
    double bitRate = 424000.0;     ///< bits per second (ISO/IEC 14443-2: 106..848 kbit/s)
    double bitsPerByte = 9.0;      ///< type A: 8 data bits and a parity bit
    std::size_t frameSize = 256;   ///< FSC/FSD in bytes, overhead included
    std::size_t frameOverhead = 3; ///< PCB and CRC_A
    std::chrono::microseconds frameTurnaround{100}; ///< frame delay time and start of frame
    std::chrono::microseconds chipLatency{12000};   ///< the chip's work per command APDU

    /// No cost at all: for unit tests.
    [[nodiscard]] static LinkModel off() { return LinkModel{}; }

    /// 424 kbit/s, FSC 256, 12 ms per APDU: close to what a CCCD on a desktop reader costs.
    [[nodiscard]] static LinkModel contactless() {
        LinkModel model;
        model.enabled = true;
        return model;
    }

    /// The time one command/response pair takes on this link.
    [[nodiscard]] std::chrono::microseconds exchangeTime(std::size_t commandBytes,
                                                         std::size_t responseBytes) const;
};

} // namespace cccd::emulator
