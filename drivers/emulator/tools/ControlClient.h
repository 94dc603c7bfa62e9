#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace cccd::emulator {

/// Sends one line to a running emulator's control socket (`cccd-emulator --control PATH`) and
/// returns its one-line answer ("ok ..." or "error ..."), without the newline. Throws
/// Error(Io) when the socket cannot be reached or the emulator does not answer within
/// `timeout`.
[[nodiscard]] std::string
sendControlLine(const std::filesystem::path& socket, const std::string& line,
                std::chrono::milliseconds timeout = std::chrono::seconds(5));

} // namespace cccd::emulator
