#include <string>

#include "base/Log.h"
#include "capi/Status.h"

extern "C" {

const char* cccd_version(void) {
    return CCCD_VERSION_STRING;
}

int cccd_abi_version(void) {
    return CCCD_ABI_VERSION;
}

cccd_status cccd_set_log_sink(cccd_log_fn sink, void* user, cccd_log_level minimum) {
    return cccd::capi::guarded([&] {
        if (minimum < CCCD_LOG_DEBUG || minimum > CCCD_LOG_ERROR) {
            throw cccd::Error(cccd::ErrorCode::InvalidArgument, "unknown log level");
        }
        if (sink == nullptr) {
            cccd::setLogSink(nullptr);
            return;
        }
        cccd::setLogSink(
            [sink, user](cccd::LogLevel level, std::string_view category, std::string_view text) {
                const std::string categoryText(category);
                const std::string message(text);
                sink(user, static_cast<cccd_log_level>(level), categoryText.c_str(),
                     message.c_str());
            },
            static_cast<cccd::LogLevel>(minimum));
    });
}

} // extern "C"
