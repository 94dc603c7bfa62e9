// cccd-emulator: serves an emulated CCCD to pcscd through vsmartcard's vpcd.

#include <CLI/CLI.hpp>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "base/Error.h"
#include "base/Log.h"
#include "emulator/card/LinkModel.h"
#include "emulator/tools/ControlClient.h"
#include "emulator/tools/ControlServer.h"
#include "emulator/tools/EmulatorController.h"
#include "emulator/vpcd/CardSlot.h"
#include "emulator/vpcd/VpcdClient.h"

namespace {

std::atomic<bool> g_interrupted{false};

void onSignal(int) {
    g_interrupted = true;
}

std::string_view levelName(cccd::LogLevel level) {
    switch (level) {
    case cccd::LogLevel::Debug:
        return "debug";
    case cccd::LogLevel::Info:
        return "info";
    case cccd::LogLevel::Warning:
        return "warning";
    case cccd::LogLevel::Error:
        return "error";
    }
    return "info";
}

/// The client side of --control, for scripts and demos: one command, its answer.
int sendToRunningEmulator(const std::string& controlPath, const std::string& line) {
    if (controlPath.empty()) {
        std::cerr << "cccd-emulator: --send needs --control SOCKET\n";
        return 2;
    }
    try {
        std::string answer = cccd::emulator::sendControlLine(controlPath, line);
        std::cout << answer << "\n";
        return answer.rfind("ok", 0) == 0 ? 0 : 1;
    } catch (const cccd::Error& e) {
        std::cerr << "cccd-emulator: " << e.what() << "\n";
        return 1;
    }
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "Serves an emulated Vietnamese chip ID card (ICAO eMRTD) to pcscd through vsmartcard's "
        "vpcd driver.\nThe card connects to vpcd on 127.0.0.1:<port> as a TCP client; while "
        "connected, pcscd sees a card in the vpcd reader.\nWith --control, a UNIX socket takes "
        "line commands: present <profile|persona>, remove, swap <profile|persona>, status, "
        "quit, help,\nfault remove-after <FID> <bytes> | corrupt-mac | corrupt-cryptogram | "
        "drop-do <87|99|8E> | sw <SW> | corrupt-file <FID> <offset> | clear.\n"
        "Profiles are built by cccd-profile-gen; default directory " CCCD_EMULATOR_PROFILE_DIR
        ",\nor " CCCD_EMULATOR_PROFILE_INSTALL_DIR " for the installed emulator.\n"
        "Logs carry profile names, lengths and status words, never personal data."};
    int port = 35963;
    std::string profileFile;
    std::string persona;
    // The installed emulator (package cccd-emulator) has no build tree: its profiles are shared.
    std::string profilesDir = std::filesystem::is_directory(CCCD_EMULATOR_PROFILE_DIR)
                                  ? CCCD_EMULATOR_PROFILE_DIR
                                  : CCCD_EMULATOR_PROFILE_INSTALL_DIR;
    std::string controlPath;
    std::string link = "contactless";
    double bitRate = 424000;
    std::size_t frameSize = 256;
    long latencyMs = 12;
    bool verbose = false;
    std::string send;
    app.add_option("--port", port, "vpcd port on 127.0.0.1 (vpcd's default is 35963)")
        ->check(CLI::Range(1, 65535));
    auto* profileOption = app.add_option("--profile", profileFile, "card profile JSON file");
    app.add_option("--persona", persona, "profile name in the profiles directory, e.g. vn-basic")
        ->excludes(profileOption);
    app.add_option("--profiles-dir", profilesDir, "directory of generated profiles");
    app.add_option("--control", controlPath, "UNIX socket for the control interface");
    app.add_option("--link", link, "link model: contactless (ISO 14443 timing) or off")
        ->check(CLI::IsMember({"contactless", "off"}));
    app.add_option("--bit-rate", bitRate, "link bit rate in bit/s (contactless model)");
    app.add_option("--frame-size", frameSize, "FSC/FSD in bytes (contactless model)");
    app.add_option("--latency-ms", latencyMs, "chip processing time per APDU in ms");
    app.add_flag("-v,--verbose", verbose, "debug logging (headers and lengths only)");
    app.add_option("--send", send,
                   "send this command to the emulator already running at --control, print its "
                   "answer and exit (0 when it answers ok), e.g. --send \"present vn-basic\"");
    CLI11_PARSE(app, argc, argv);

    if (!send.empty()) {
        return sendToRunningEmulator(controlPath, send);
    }

    cccd::setLogSink(
        [](cccd::LogLevel level, std::string_view category, std::string_view text) {
            std::cerr << "[" << levelName(level) << "] " << category << ": " << text << "\n";
        },
        verbose ? cccd::LogLevel::Debug : cccd::LogLevel::Info);

    cccd::emulator::VpcdOptions vpcd;
    vpcd.port = static_cast<std::uint16_t>(port);
    if (link == "contactless") {
        vpcd.link = cccd::emulator::LinkModel::contactless();
        vpcd.link.bitRate = bitRate;
        vpcd.link.frameSize = frameSize;
        vpcd.link.chipLatency = std::chrono::milliseconds(latencyMs);
    }

    cccd::emulator::CardSlot slot;
    cccd::emulator::EmulatorController controller(slot, {profilesDir, {}});
    try {
        if (!profileFile.empty()) {
            controller.present(profileFile);
        } else if (!persona.empty()) {
            controller.present(persona);
        }
    } catch (const cccd::Error& e) {
        std::cerr << "cccd-emulator: " << e.what() << "\n";
        return 1;
    }

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    cccd::emulator::VpcdClient client(slot, vpcd);
    std::thread vpcdThread([&client] { client.run(); });

    std::unique_ptr<cccd::emulator::ControlServer> control;
    std::thread controlThread;
    try {
        if (!controlPath.empty()) {
            control = std::make_unique<cccd::emulator::ControlServer>(controlPath, controller);
            controlThread = std::thread([&control] { control->run(); });
        }
    } catch (const cccd::Error& e) {
        std::cerr << "cccd-emulator: " << e.what() << "\n";
        g_interrupted = true;
    }
    cccd::log(cccd::LogLevel::Info, "emulator",
              "serving vpcd on 127.0.0.1:" + std::to_string(port));

    while (!g_interrupted && !controller.quitRequested()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (control) {
        control->stop();
        controlThread.join();
    }
    client.stop();
    vpcdThread.join();
    return 0;
}
