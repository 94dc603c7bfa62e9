#pragma once

namespace cccd::test {

/// Whether this build runs under AddressSanitizer (scripts/build-san.sh). Instrumented code is
/// several times slower, so a bound on time set for the build as shipped does not apply to it.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool SanitizerInstrumented = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool SanitizerInstrumented = true;
#else
inline constexpr bool SanitizerInstrumented = false;
#endif
#else
inline constexpr bool SanitizerInstrumented = false;
#endif

} // namespace cccd::test
