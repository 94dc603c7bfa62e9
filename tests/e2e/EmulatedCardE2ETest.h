#pragma once

// The fixture of the e2e tests that steer the emulated card while a read runs: the emulator
// (vn-basic) on vpcd with its control socket, the reader pcscd shows it in, and the steps the
// tests take on the card (control lines, a warm reset).

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>
#include <winscard.h>

#include <gtest/gtest.h>

#include "PcscdEnvironment.h"
#include "base/Error.h"
#include "emulator/tools/ControlClient.h"
#include "mrz/Mrz.h"
#include "mrz/MrzKey.h"
#include "pcsc/PcscContext.h"
#include "support/Process.h"
#include "support/TestData.h"
#include "transport/CardChannel.h"

namespace cccd::test {

/// Records the command APDUs of a read by their class and instruction bytes (secure messaging
/// authenticates the header but leaves it in clear, ICAO 9303-11 §9.8).
class CountingChannel : public transport::CardChannel {
public:
    explicit CountingChannel(transport::CardChannel& inner) : m_inner(inner) {}

    Bytes transmit(ByteView command) override {
        m_sent.emplace_back(command[0], command[1]);
        return m_inner.transmit(command);
    }

    Bytes atr() const override { return m_inner.atr(); }

    transport::ChannelCapabilities capabilities() const override { return m_inner.capabilities(); }

    [[nodiscard]] std::size_t commands() const { return m_sent.size(); }

    [[nodiscard]] const std::vector<std::pair<std::uint8_t, std::uint8_t>>& sent() const {
        return m_sent;
    }

private:
    transport::CardChannel& m_inner;
    std::vector<std::pair<std::uint8_t, std::uint8_t>> m_sent;
};

class EmulatedCardE2ETest : public ::testing::Test {
public:
    static inline const std::string Persona = "vn-basic";

    static std::filesystem::path profiles() { return binaryDir() / "profiles"; }

    /// The MRZ key of Persona.
    static mrz::MrzKey accessKey() {
        Bytes text = readFile(profiles() / (Persona + ".mrz"));
        return mrz::MrzKey::fromMrz(mrz::Mrz::parse(toString(text)));
    }

protected:
    /// controlName names the control socket, unique to the test file.
    explicit EmulatedCardE2ETest(std::string controlName) : m_controlName(std::move(controlName)) {}

    void SetUp() override {
        using namespace std::chrono_literals;
        m_control = binaryDir() / "e2e" / (m_controlName + "-" + std::to_string(getpid()));
        std::filesystem::remove(m_control);
        // No link model: the tests measure the reader and pcscd, not a simulated air link.
        m_emulator = std::make_unique<Process>(
            binaryDir() / "bin" / "cccd-emulator",
            std::vector<std::string>{"--persona", Persona, "--profiles-dir", profiles().string(),
                                     "--port", std::to_string(PcscdEnvironment::VpcdPort),
                                     "--control", m_control.string(), "--link", "off"},
            binaryDir() / "e2e");
        // Far above the second it takes: beyond it, the card never came.
        m_reader = m_context.waitForCard(std::nullopt, 15s, true);
    }

    void TearDown() override {
        using namespace std::chrono_literals;
        m_emulator.reset();
        EXPECT_TRUE(m_context.waitForRemoval(m_reader, 10s)) << "the card stayed in the reader";
    }

    /// The emulator's answer to a control line, or "error: ..." when it gave none.
    std::string control(const std::string& line) {
        try {
            return emulator::sendControlLine(m_control, line);
        } catch (const Error& e) {
            return std::string("error: ") + e.what();
        }
    }

    /// A warm reset through pcscd (vpcd passes it to the card): the card's command count, which
    /// a fault's `at=N` refers to, starts again.
    void resetCard() {
        SCARDHANDLE card = 0;
        DWORD protocol = 0;
        LONG rv = SCardConnect(m_context.handle(), m_reader.c_str(), SCARD_SHARE_EXCLUSIVE,
                               SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &card, &protocol);
        ASSERT_EQ(rv, SCARD_S_SUCCESS) << pcsc_stringify_error(rv);
        EXPECT_EQ(SCardDisconnect(card, SCARD_RESET_CARD), SCARD_S_SUCCESS);
    }

    pcsc::PcscContext m_context;
    std::unique_ptr<Process> m_emulator;
    std::filesystem::path m_control;
    std::string m_reader;

private:
    std::string m_controlName;
};

} // namespace cccd::test
