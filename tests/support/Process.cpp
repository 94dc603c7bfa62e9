#include "support/Process.h"

#include <atomic>
#include <csignal>
#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace cccd::test {

namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::filesystem::path uniqueLogDir() {
    static std::atomic<int> counter{0};
    auto dir = std::filesystem::temp_directory_path() /
               ("cccd-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace

Process::Process(const std::filesystem::path& program, const std::vector<std::string>& args,
                 const std::filesystem::path& logDir) {
    std::filesystem::create_directories(logDir);
    static std::atomic<int> serial{0};
    std::string stem = program.filename().string() + "-" + std::to_string(getpid()) + "-" +
                       std::to_string(serial++);
    m_stdout = logDir / (stem + ".out");
    m_stderr = logDir / (stem + ".err");
    std::vector<std::string> argv{program.string()};
    argv.insert(argv.end(), args.begin(), args.end());

    m_pid = fork();
    if (m_pid == 0) {
        int out = open(m_stdout.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int err = open(m_stderr.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int in = open("/dev/null", O_RDONLY);
        dup2(out, STDOUT_FILENO);
        dup2(err, STDERR_FILENO);
        dup2(in, STDIN_FILENO);
        std::vector<char*> raw;
        for (auto& a : argv) {
            raw.push_back(a.data());
        }
        raw.push_back(nullptr);
        execv(raw[0], raw.data());
        _exit(127);
    }
}

Process::~Process() {
    terminate();
}

bool Process::running() {
    if (m_exit || m_pid <= 0) {
        return false;
    }
    int status = 0;
    pid_t r = waitpid(m_pid, &status, WNOHANG);
    if (r == m_pid) {
        m_exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return false;
    }
    return true;
}

std::optional<int> Process::wait(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (running()) {
        if (std::chrono::steady_clock::now() > deadline) {
            terminate();
            return std::nullopt;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return m_exit;
}

void Process::sendSignal(int signal) {
    if (running()) {
        kill(m_pid, signal);
    }
}

void Process::terminate() {
    if (!running()) {
        return;
    }
    kill(m_pid, SIGTERM);
    for (int i = 0; i < 500 && running(); ++i) { // pcscd cleans /run/pcscd on SIGTERM
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (running()) {
        kill(m_pid, SIGKILL);
        int status = 0;
        waitpid(m_pid, &status, 0);
        m_exit = 128 + SIGKILL;
    }
}

std::string Process::output() const {
    return slurp(m_stdout);
}

std::string Process::errors() const {
    return slurp(m_stderr);
}

RunResult run(const std::filesystem::path& program, const std::vector<std::string>& args,
              std::chrono::milliseconds timeout) {
    Process p(program, args, uniqueLogDir());
    RunResult r;
    r.exitCode = p.wait(timeout);
    r.output = p.output();
    r.errors = p.errors();
    return r;
}

} // namespace cccd::test
