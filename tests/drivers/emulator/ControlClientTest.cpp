// emulator::sendControlLine never waits past its timeout: not for an emulator that does not
// answer, and not for one whose listen queue is full (connect() on a Unix socket blocks then).
#include "emulator/tools/ControlClient.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "base/Error.h"
#include "support/ErrorCodeOf.h"

using namespace cccd;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

/// A control socket that listens (queue of one) and never accepts nor answers.
class SilentServer {
public:
    SilentServer()
        : m_path(std::filesystem::temp_directory_path() /
                 ("cccd-silent-" + std::to_string(::getpid()) + ".sock")) {
        std::filesystem::remove(m_path);
        m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un address = addressOf(m_path);
        EXPECT_EQ(::bind(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
        EXPECT_EQ(::listen(m_fd, 0), 0);
    }

    ~SilentServer() {
        for (int fd : m_waiting) {
            ::close(fd);
        }
        ::close(m_fd);
        std::filesystem::remove(m_path);
    }

    SilentServer(const SilentServer&) = delete;
    SilentServer& operator=(const SilentServer&) = delete;

    /// Connects without blocking until the queue refuses more: the next connect() would block.
    void fillQueue() {
        for (int i = 0; i < 8; ++i) {
            int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
            sockaddr_un address = addressOf(m_path);
            int rv = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
            m_waiting.push_back(fd);
            if (rv != 0) {
                return; // EAGAIN: full
            }
        }
        ADD_FAILURE() << "the listen queue never filled";
    }

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    static sockaddr_un addressOf(const std::filesystem::path& path) {
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::string text = path.string();
        text.copy(address.sun_path, sizeof address.sun_path - 1);
        return address;
    }

    std::filesystem::path m_path;
    int m_fd = -1;
    std::vector<int> m_waiting;
};

} // namespace

TEST(ControlClientTest, EmulatorThatDoesNotAnswerTimesOut) {
    SilentServer server;
    auto start = Clock::now();
    EXPECT_EQ(
        test::errorCodeOf([&] { (void)emulator::sendControlLine(server.path(), "status", 300ms); }),
        ErrorCode::Io);
    EXPECT_LT(Clock::now() - start, 3s);
}

TEST(ControlClientTest, FullListenQueueTimesOutInConnect) {
    SilentServer server;
    server.fillQueue();
    auto start = Clock::now();
    EXPECT_EQ(
        test::errorCodeOf([&] { (void)emulator::sendControlLine(server.path(), "status", 300ms); }),
        ErrorCode::Io);
    EXPECT_LT(Clock::now() - start, 3s);
}
