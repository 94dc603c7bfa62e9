#include "emulator/tools/ControlServer.h"

#include <cerrno>
#include <cstring>
#include <string>

#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "base/Error.h"
#include "base/Log.h"
#include "emulator/vpcd/SendAll.h"

namespace cccd::emulator {

namespace {

constexpr int PollMilliseconds = 100;
constexpr std::size_t MaxLineLength = 4096;

bool sendLine(int fd, const std::string& line) {
    return sendAll(fd, toBytes(line + "\n"));
}

} // namespace

ControlServer::ControlServer(std::filesystem::path path, EmulatorController& controller)
    : m_path(std::move(path)), m_controller(controller) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::string text = m_path.string();
    if (text.size() >= sizeof address.sun_path) {
        throw Error(ErrorCode::InvalidArgument, "control socket path too long");
    }
    std::memcpy(address.sun_path, text.c_str(), text.size() + 1);

    m_listener = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listener < 0) {
        throw Error(ErrorCode::Io, "cannot create the control socket");
    }
    ::unlink(text.c_str()); // a stale socket from an earlier run
    mode_t previous = ::umask(077);
    int bound = ::bind(m_listener, reinterpret_cast<const sockaddr*>(&address), sizeof address);
    ::umask(previous);
    if (bound != 0 || ::listen(m_listener, 4) != 0) {
        ::close(m_listener);
        throw Error(ErrorCode::Io, "cannot listen on control socket " + text);
    }
}

ControlServer::~ControlServer() {
    if (m_listener >= 0) {
        ::close(m_listener);
        ::unlink(m_path.c_str());
    }
}

void ControlServer::run() {
    while (!m_stopping && !m_controller.quitRequested()) {
        pollfd pfd{m_listener, POLLIN, 0};
        int ready = ::poll(&pfd, 1, PollMilliseconds);
        if (ready <= 0) {
            continue;
        }
        int client = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) {
            continue;
        }
        serveClient(client);
        ::close(client);
    }
}

void ControlServer::serveClient(int client) {
    std::string pending;
    char buffer[512];
    while (!m_stopping && !m_controller.quitRequested()) {
        pollfd pfd{client, POLLIN, 0};
        int ready = ::poll(&pfd, 1, PollMilliseconds);
        if (ready <= 0) {
            continue;
        }
        ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
        if (n <= 0) {
            return;
        }
        pending.append(buffer, static_cast<std::size_t>(n));
        for (std::size_t end; (end = pending.find('\n')) != std::string::npos;) {
            std::string line = pending.substr(0, end);
            pending.erase(0, end + 1);
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            std::string reply = m_controller.execute(line);
            log(LogLevel::Info, "emulator.control", reply);
            if (!sendLine(client, reply) || m_controller.quitRequested()) {
                return;
            }
        }
        if (pending.size() > MaxLineLength) {
            sendLine(client, "error line too long");
            return;
        }
    }
}

} // namespace cccd::emulator
