#pragma once

#include <functional>
#include <string_view>

namespace cccd {

enum class LogLevel { Debug = 0, Info = 1, Warning = 2, Error = 3 };

/// Where SDK messages go. The embedding application installs a sink; the default drops
/// everything. Messages name layers and lengths only: never personal data, MRZ, CAN, keys or
/// plaintext APDU bodies.
using LogSink = std::function<void(LogLevel, std::string_view category, std::string_view text)>;

void setLogSink(LogSink sink, LogLevel minimum = LogLevel::Info);

void log(LogLevel level, std::string_view category, std::string_view text);

} // namespace cccd
