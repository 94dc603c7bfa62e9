#pragma once

#include <deque>
#include <utility>

#include <gtest/gtest.h>

#include "base/Bytes.h"
#include "transport/CardChannel.h"

namespace cccd::test {

/// Replays a recorded APDU exchange: each transmit must send the next expected command and
/// gets the recorded response. A command that differs fails the test.
class ScriptedChannel : public transport::CardChannel {
public:
    void expect(Bytes command, Bytes response) {
        m_script.emplace_back(std::move(command), std::move(response));
    }

    Bytes transmit(ByteView commandApdu) override {
        if (m_script.empty()) {
            ADD_FAILURE() << "unexpected command " << toHex(commandApdu);
            return {0x6F, 0x00};
        }
        auto [command, response] = m_script.front();
        m_script.pop_front();
        if (!command.empty()) { // an empty expectation accepts any command
            EXPECT_EQ(toHex(commandApdu), toHex(command));
        }
        return response;
    }

    Bytes atr() const override { return {0x3B, 0x00}; }

    transport::ChannelCapabilities capabilities() const override { return m_capabilities; }

    [[nodiscard]] bool done() const { return m_script.empty(); }

    transport::ChannelCapabilities m_capabilities;

private:
    std::deque<std::pair<Bytes, Bytes>> m_script;
};

} // namespace cccd::test
