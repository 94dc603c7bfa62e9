// cccd-emulator end to end: the executable serves a built profile to a fake vpcd and obeys its
// control socket.

#include <filesystem>
#include <string>
#include <thread>

#include <sys/un.h>

#include <gtest/gtest.h>

#include "FakeVpcd.h"
#include "support/Process.h"
#include "support/TestData.h"

using namespace cccd;

namespace {

/// One line out, one line back, over the emulator's UNIX control socket.
std::string control(const std::filesystem::path& socketPath, const std::string& line) {
    int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::string path = socketPath.string();
    path.copy(address.sun_path, sizeof address.sun_path - 1);
    for (int attempt = 0; attempt < 50; ++attempt) {
        if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::string text = line + "\n";
    (void)::send(fd, text.data(), text.size(), MSG_NOSIGNAL);
    std::string reply;
    char c = 0;
    while (::recv(fd, &c, 1, 0) == 1 && c != '\n') {
        reply += c;
    }
    ::close(fd);
    return reply;
}

} // namespace

TEST(EmulatorExecutableTest, PresentsRemovesAndQuitsOnCommand) {
    emutest::FakeVpcd vpcd;
    auto work = std::filesystem::temp_directory_path() /
                ("cccd-emulator-exe-" + std::to_string(::getpid()));
    std::filesystem::create_directories(work);
    auto socketPath = work / "control.sock";
    test::Process emulator(test::binaryDir() / "bin/cccd-emulator",
                           {"--port", std::to_string(vpcd.port()), "--control", socketPath.string(),
                            "--link", "off", "--profiles-dir",
                            (test::binaryDir() / "profiles").string()},
                           work);

    EXPECT_EQ(control(socketPath, "status"), "ok absent");
    EXPECT_EQ(control(socketPath, "present vn-basic"), "ok present vn-basic");
    ASSERT_TRUE(vpcd.accept());
    vpcd.send(fromHex("01"));
    EXPECT_EQ(toHex(vpcd.exchange("04")), "3B9F96C00A31FE45754A6176656C696E2D4F5320312E3051");
    EXPECT_EQ(toHex(vpcd.exchange("00A4000C023F00")), "6D00");
    EXPECT_EQ(control(socketPath, "status"), "ok present vn-basic commands=1");

    EXPECT_EQ(control(socketPath, "remove"), "ok removed");
    EXPECT_FALSE(vpcd.receive(3000));
    EXPECT_EQ(control(socketPath, "quit"), "ok bye");
    EXPECT_EQ(emulator.wait(std::chrono::seconds(5)), 0);
    // No personal data in the log: the holder's name and ID never appear.
    EXPECT_EQ(emulator.errors().find("NGUYEN"), std::string::npos);
    EXPECT_EQ(emulator.errors().find("001090012345"), std::string::npos);
    std::filesystem::remove_all(work);
}

TEST(EmulatorExecutableTest, SendModeIsTheControlClientForScripts) {
    emutest::FakeVpcd vpcd;
    auto work = std::filesystem::temp_directory_path() /
                ("cccd-emulator-send-" + std::to_string(::getpid()));
    std::filesystem::create_directories(work);
    auto socketPath = work / "control.sock";
    auto binary = test::binaryDir() / "bin/cccd-emulator";
    test::Process emulator(binary,
                           {"--port", std::to_string(vpcd.port()), "--control", socketPath.string(),
                            "--link", "off", "--profiles-dir",
                            (test::binaryDir() / "profiles").string()},
                           work);
    EXPECT_EQ(control(socketPath, "status"), "ok absent"); // waits for the socket

    auto send = [&](const std::string& line) {
        return test::run(binary, {"--control", socketPath.string(), "--send", line},
                         std::chrono::seconds(10));
    };
    test::RunResult present = send("present vn-basic");
    EXPECT_EQ(present.exitCode, 0);
    EXPECT_EQ(present.output, "ok present vn-basic\n");
    test::RunResult unknown = send("present nobody");
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_EQ(unknown.output.rfind("error", 0), 0u);
    EXPECT_EQ(send("quit").exitCode, 0);
    EXPECT_EQ(emulator.wait(std::chrono::seconds(5)), 0);

    // Nobody listening any more: a clear error, not a hang.
    test::RunResult gone = send("status");
    EXPECT_EQ(gone.exitCode, 1);
    EXPECT_NE(gone.errors.find("cannot connect"), std::string::npos) << gone.errors;
    std::filesystem::remove_all(work);
}
