#pragma once

// Shared by the PACE tests: injected randomness, scripted APDU exchanges from the vector files,
// and error expectations.
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/Bytes.h"
#include "base/Error.h"
#include "crypto/Random.h"
#include "support/ScriptedChannel.h"
#include "support/TestData.h"

namespace cccd::test {

/// A random source that hands out the given values in order, each for one call, and fails the
/// test when a call asks for another length or for more values than given.
inline crypto::RandomSource replayRandom(std::vector<Bytes> values) {
    auto queue = std::make_shared<std::vector<Bytes>>(std::move(values));
    return [queue](std::size_t count) {
        if (queue->empty()) {
            ADD_FAILURE() << "more randomness drawn than the vector has";
            return Bytes(count, 0);
        }
        Bytes next = queue->front();
        queue->erase(queue->begin());
        EXPECT_EQ(next.size(), count);
        return next;
    };
}

/// The first `steps` recorded exchanges of an "apdus" array, byte-exact.
inline void scriptApdus(ScriptedChannel& card, const nlohmann::json& apdus, std::size_t steps) {
    for (std::size_t i = 0; i < steps; ++i) {
        card.expect(hexField(apdus.at(i), "command"), hexField(apdus.at(i), "response"));
    }
}

inline std::string text(const nlohmann::json& object, const std::string& key) {
    return object.at(key).get<std::string>();
}

template <typename Call> void expectError(ErrorCode expected, Call&& call) {
    try {
        call();
        ADD_FAILURE() << "no error thrown";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), expected) << e.what();
    }
}

template <typename Call> void expectError(ErrorCode expected, std::uint16_t sw, Call&& call) {
    try {
        call();
        ADD_FAILURE() << "no error thrown";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), expected) << e.what();
        EXPECT_EQ(e.statusWord(), sw) << e.what();
    }
}

} // namespace cccd::test
