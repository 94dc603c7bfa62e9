#include "base/Log.h"

#include <mutex>

namespace cccd {

namespace {

std::mutex g_mutex;
LogSink g_sink;
LogLevel g_minimum = LogLevel::Info;

} // namespace

void setLogSink(LogSink sink, LogLevel minimum) {
    std::lock_guard lock(g_mutex);
    g_sink = std::move(sink);
    g_minimum = minimum;
}

void log(LogLevel level, std::string_view category, std::string_view text) {
    std::lock_guard lock(g_mutex);
    if (g_sink && level >= g_minimum) {
        g_sink(level, category, text);
    }
}

} // namespace cccd
