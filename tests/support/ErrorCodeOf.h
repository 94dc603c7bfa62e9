#pragma once

#include <functional>

#include <gtest/gtest.h>

#include "base/Error.h"

namespace cccd::test {

/// The code of the Error that action throws; a test failure when it throws none.
inline ErrorCode errorCodeOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& e) {
        return e.code();
    }
    ADD_FAILURE() << "no error";
    return ErrorCode::InvalidArgument;
}

} // namespace cccd::test
