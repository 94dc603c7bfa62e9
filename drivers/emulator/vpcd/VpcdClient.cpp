#include "emulator/vpcd/VpcdClient.h"

#include <cerrno>
#include <string>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "base/Log.h"
#include "emulator/vpcd/SendAll.h"
#include "emulator/vpcd/VpcdFrame.h"
#include "emulator/vpcd/VpcdSession.h"

namespace cccd::emulator {

namespace {

constexpr std::string_view LogCategory = "emulator.vpcd";
constexpr std::chrono::milliseconds PollInterval{100};

/// Owns a socket descriptor.
class Socket {
public:
    explicit Socket(int fd) : m_fd(fd) {}

    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;

    ~Socket() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }

    [[nodiscard]] int fd() const { return m_fd; }

private:
    int m_fd;
};

// Only ever the loopback interface: vpcd runs beside pcscd on this machine.
int connectLoopback(std::uint16_t port) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return -1;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

} // namespace

VpcdClient::VpcdClient(CardSlot& slot, VpcdOptions options) : m_slot(slot), m_options(options) {}

void VpcdClient::pause(std::chrono::milliseconds duration) const {
    auto until = std::chrono::steady_clock::now() + duration;
    while (!m_stopping && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::min(PollInterval, duration));
    }
}

void VpcdClient::run() {
    while (!m_stopping) {
        CardSlot::Status slot = m_slot.status();
        if (!slot.present) {
            pause(PollInterval);
            continue;
        }
        Socket socket(connectLoopback(m_options.port));
        if (socket.fd() < 0) {
            log(LogLevel::Debug, LogCategory, "vpcd not reachable; retrying");
            pause(m_options.reconnectDelay);
            continue;
        }
        log(LogLevel::Info, LogCategory,
            "connected to vpcd on port " + std::to_string(m_options.port) + ": card present");
        m_connected = true;
        serve(socket.fd(), slot.generation);
        m_connected = false;
        log(LogLevel::Info, LogCategory, "disconnected from vpcd: card absent");
    }
}

// One connection = one card on the reader. Returns when the card leaves the slot, vpcd hangs
// up or stop() is called; closing the socket is what pcscd sees as removal.
void VpcdClient::serve(int socket, std::uint64_t generation) {
    VpcdFrameDecoder decoder;
    Bytes buffer(4096);
    while (!m_stopping && m_slot.generation() == generation) {
        pollfd pfd{socket, POLLIN, 0};
        int ready = ::poll(&pfd, 1, static_cast<int>(PollInterval.count()));
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        if (ready < 0) {
            return;
        }
        if (ready == 0) {
            continue;
        }
        ssize_t n = ::recv(socket, buffer.data(), buffer.size(), 0);
        if (n <= 0) {
            if (n < 0 && errno == EINTR) {
                continue;
            }
            pause(m_options.reconnectDelay); // vpcd went away; give it time to come back
            return;
        }
        // vpcd writes a frame's length and its body in two sends; acknowledging at once keeps
        // Nagle's algorithm on its side from holding the body for our delayed ACK (~40 ms).
        int quickAck = 1;
        ::setsockopt(socket, IPPROTO_TCP, TCP_QUICKACK, &quickAck, sizeof quickAck);
        decoder.feed(ByteView(buffer).first(static_cast<std::size_t>(n)));
        while (std::optional<Bytes> message = decoder.next()) {
            VpcdReply reply = handleVpcdMessage(m_slot, *message);
            if (reply.cardGone) {
                return;
            }
            if (!reply.payload) {
                continue;
            }
            if (reply.commandBytes > 0) {
                auto cost = m_options.link.exchangeTime(reply.commandBytes, reply.payload->size());
                if (cost.count() > 0) {
                    std::this_thread::sleep_for(cost);
                }
            }
            if (!sendAll(socket, encodeVpcdFrame(*reply.payload))) {
                return;
            }
        }
    }
}

} // namespace cccd::emulator
