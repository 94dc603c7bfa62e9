#include "emulator/tools/ControlClient.h"

#include <algorithm>
#include <cstring>

#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include "base/Error.h"

namespace cccd::emulator {

namespace {

/// Closes the descriptor on every way out.
class Socket {
public:
    Socket() : m_fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) {}

    ~Socket() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }

    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;

    [[nodiscard]] int fd() const { return m_fd; }

private:
    int m_fd;
};

} // namespace

std::string sendControlLine(const std::filesystem::path& socket, const std::string& line,
                            std::chrono::milliseconds timeout) {
    const std::string context = "emulator control socket " + socket.string();
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (socket.string().size() >= sizeof address.sun_path) {
        throw Error(ErrorCode::InvalidArgument, context + ": path too long");
    }
    std::memcpy(address.sun_path, socket.c_str(), socket.string().size());
    Socket client;
    // connect() on a Unix socket blocks while the server's backlog is full, and send() while its
    // buffer is: SO_SNDTIMEO bounds both (socket(7), unix(7)), so no step waits past `timeout`.
    auto deadline = std::chrono::steady_clock::now() + timeout;
    long long ms = std::max<long long>(timeout.count(), 1); // 0 would mean "no limit"
    timeval limit{};
    limit.tv_sec = static_cast<time_t>(ms / 1000);
    limit.tv_usec = static_cast<suseconds_t>(ms % 1000 * 1000);
    if (client.fd() >= 0) {
        (void)::setsockopt(client.fd(), SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
    }
    if (client.fd() < 0 ||
        ::connect(client.fd(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        throw Error(ErrorCode::Io, context + ": cannot connect (is cccd-emulator running?)");
    }
    std::string request = line + "\n";
    if (::send(client.fd(), request.data(), request.size(), MSG_NOSIGNAL) !=
        static_cast<ssize_t>(request.size())) {
        throw Error(ErrorCode::Io, context + ": cannot send");
    }
    std::string reply;
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd waiting{client.fd(), POLLIN, 0};
        if (left.count() <= 0 || ::poll(&waiting, 1, static_cast<int>(left.count())) <= 0) {
            throw Error(ErrorCode::Io, context + ": no answer");
        }
        char c = 0;
        if (::recv(client.fd(), &c, 1, 0) != 1) {
            throw Error(ErrorCode::Io, context + ": closed before answering");
        }
        if (c == '\n') {
            return reply;
        }
        reply.push_back(c);
    }
}

} // namespace cccd::emulator
