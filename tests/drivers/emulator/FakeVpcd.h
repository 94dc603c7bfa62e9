#pragma once

// A stand-in for vsmartcard's vpcd in tests: a TCP server on 127.0.0.1 with a port the kernel
// picks, speaking vpcd's framing to the card that connects.

#include <optional>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "base/Bytes.h"
#include "emulator/vpcd/VpcdFrame.h"

namespace cccd::emutest {

using namespace cccd::emulator;

/// Plays vpcd: listens on 127.0.0.1 with a port the kernel picks, accepts the card.
class FakeVpcd {
public:
    FakeVpcd() {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        EXPECT_EQ(::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
        EXPECT_EQ(::listen(m_listener, 1), 0);
        socklen_t length = sizeof address;
        ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length);
        m_port = ntohs(address.sin_port);
    }

    ~FakeVpcd() {
        if (m_client >= 0) {
            ::close(m_client);
        }
        ::close(m_listener);
    }

    [[nodiscard]] std::uint16_t port() const { return m_port; }

    bool accept(int timeoutMs = 5000) {
        pollfd pfd{m_listener, POLLIN, 0};
        if (::poll(&pfd, 1, timeoutMs) != 1) {
            return false;
        }
        m_client = ::accept(m_listener, nullptr, nullptr);
        return m_client >= 0;
    }

    void send(ByteView message) {
        Bytes frame = encodeVpcdFrame(message);
        ASSERT_EQ(::send(m_client, frame.data(), frame.size(), 0),
                  static_cast<ssize_t>(frame.size()));
    }

    /// The next message, or nullopt when the card hung up or nothing came in time.
    std::optional<Bytes> receive(int timeoutMs = 5000) {
        while (true) {
            if (auto message = m_decoder.next()) {
                return message;
            }
            pollfd pfd{m_client, POLLIN, 0};
            if (::poll(&pfd, 1, timeoutMs) != 1) {
                return std::nullopt;
            }
            std::uint8_t buffer[1024];
            ssize_t n = ::recv(m_client, buffer, sizeof buffer, 0);
            if (n <= 0) {
                return std::nullopt;
            }
            m_decoder.feed(ByteView(buffer, static_cast<std::size_t>(n)));
        }
    }

    Bytes exchange(const char* hex) {
        send(fromHex(hex));
        return receive().value_or(Bytes{});
    }

private:
    int m_listener = -1;
    int m_client = -1;
    std::uint16_t m_port = 0;
    VpcdFrameDecoder m_decoder;
};

} // namespace cccd::emutest
