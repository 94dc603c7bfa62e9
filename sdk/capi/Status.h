#pragma once

#include <filesystem>
#include <new>
#include <string>
#include <utility>

#include "base/Error.h"
#include "cccd/cccd.h"

namespace cccd::capi {

/// The C status of an SDK error code: one to one, same order.
[[nodiscard]] cccd_status toStatus(ErrorCode code);

/// Records the calling thread's last error message; "" clears it.
void setLastError(std::string message);

/// Runs `action`, turning any exception into a status and the thread's last error message.
/// Nothing escapes into C code.
template <typename Action> cccd_status guarded(Action&& action) noexcept {
    try {
        setLastError({});
        action();
        return CCCD_OK;
    } catch (const Error& e) {
        setLastError(e.what());
        return toStatus(e.code());
    } catch (const std::filesystem::filesystem_error&) {
        // e.g. a trust directory that does not exist: the caller's file system, not the SDK.
        setLastError("a local file or directory could not be read");
        return CCCD_E_IO;
    } catch (const std::bad_alloc&) {
        setLastError("out of memory");
    } catch (...) {
        setLastError("internal error");
    }
    return CCCD_E_INTERNAL;
}

/// guarded, returning CCCD_E_BAD_HANDLE without running `action` when one of `pointers` is
/// NULL.
template <typename Action, typename... Pointers>
cccd_status checked(Action&& action, const Pointers*... pointers) noexcept {
    const bool anyNull = (!pointers || ...);
    if (anyNull) {
        setLastError("a handle or output pointer is NULL");
        return CCCD_E_BAD_HANDLE;
    }
    return guarded(std::forward<Action>(action));
}

} // namespace cccd::capi
