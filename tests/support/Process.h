#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace cccd::test {

/// A child process for end-to-end tests: started with fork/exec, output captured to files,
/// killed when the object goes away so that no test leaves a process behind.
class Process {
public:
    Process(const std::filesystem::path& program, const std::vector<std::string>& args,
            const std::filesystem::path& logDir);
    ~Process();
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    /// Waits for the exit code; nullopt (and the process killed) after `timeout`.
    std::optional<int> wait(std::chrono::milliseconds timeout);

    [[nodiscard]] bool running();
    void terminate();

    /// Sends a signal (e.g. SIGINT, as Ctrl-C would) if the process still runs.
    void sendSignal(int signal);

    [[nodiscard]] std::string output() const;
    [[nodiscard]] std::string errors() const;

private:
    pid_t m_pid = -1;
    std::optional<int> m_exit;
    std::filesystem::path m_stdout;
    std::filesystem::path m_stderr;
};

/// Runs a program to completion and returns {exit code, stdout}; a hang fails after `timeout`.
struct RunResult {
    std::optional<int> exitCode;
    std::string output;
    std::string errors;
};

RunResult run(const std::filesystem::path& program, const std::vector<std::string>& args,
              std::chrono::milliseconds timeout);

} // namespace cccd::test
