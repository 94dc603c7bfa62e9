// cccd-kiosk: the one-stop-shop counter application. PC/SC by default; --emulated PERSONA reads
// a build-time emulated card in process (F5 puts the card on the reader, F6 takes it off);
// --emulator-control SOCKET does the same with F5/F6 for an emulated card served to pcscd by
// cccd-emulator (scripts/kiosk-demo.sh); --verify-audit FILE checks an audit log's chain and exits
// (it needs no key: the chain is plain SHA-256, the key only keys the ID hashes; see
// kiosk/core/README.md).
#include <CLI/CLI.hpp>
#include <QApplication>
#include <QDir>
#include <QShortcut>
#include <QStandardPaths>
#include <filesystem>
#include <iostream>
#include <memory>

#include "emulator/tools/ControlClient.h"
#include "kiosk/app/EmulatedCardService.h"
#include "kiosk/core/AuditLog.h"
#include "kiosk/core/FormCatalog.h"
#include "kiosk/core/PcscCardService.h"
#include "kiosk/core/Settings.h"
#include "kiosk/ui/KioskWindow.h"

using namespace cccd;
using namespace cccd::kiosk;

namespace {

int verifyAudit(const std::filesystem::path& file) {
    AuditVerification result = AuditLog::verify(file);
    if (result.intact) {
        std::cout << "intact: " << result.records << " records\n";
        return 0;
    }
    std::cout << "NOT intact: " << result.problem;
    if (result.firstBadLine) {
        std::cout << " at line " << *result.firstBadLine;
    }
    std::cout << "\n";
    return 1;
}

/// A directory of the source or build tree when run from a build, else where the package put it.
std::string buildOrInstalled(const char* buildPath, const char* installedPath) {
    return std::filesystem::is_directory(buildPath) ? buildPath : installedPath;
}

Settings defaultSettings() {
    Settings settings;
    settings.formsFolder = buildOrInstalled(CCCD_KIOSK_FORMS_DIR, CCCD_KIOSK_FORMS_INSTALL_DIR);
    QString output = QDir(QStandardPaths::writableLocation(QStandardPaths::HomeLocation))
                         .filePath("cccd-kiosk-output");
    settings.outputFolder = output.toStdString();
    settings.counterId = "counter-1";
    settings.clerkId = "clerk-1";
    return settings;
}

// The audit key's default place: the app's own config folder (~/.config/cccd-kiosk/audit.key),
// made owner-only, apart from the log and the output folder that clerks copy files from.
std::filesystem::path defaultAuditKeyFile() {
    std::filesystem::path folder =
        QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation).toStdString();
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
    return folder / "audit.key";
}

// Earlier versions kept the key beside the log as `<log>.key`. Moving it, rather than making a
// new one, keeps the ID hashes of old and new records comparable.
void moveLegacyAuditKey(const std::filesystem::path& audit, const std::filesystem::path& key) {
    std::filesystem::path legacy = audit.string() + ".key";
    std::error_code ec;
    if (legacy == key || std::filesystem::exists(key, ec) ||
        !std::filesystem::is_regular_file(legacy, ec)) {
        return;
    }
    std::filesystem::rename(legacy, key, ec);
    if (ec && std::filesystem::copy_file(legacy, key, ec)) { // another file system
        std::filesystem::permissions(
            key, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
            std::filesystem::perm_options::replace, ec);
        std::filesystem::remove(legacy, ec);
    }
    if (std::filesystem::exists(legacy, ec)) {
        std::cerr << "cccd-kiosk: could not move the audit key away from the log\n";
    }
}

std::unique_ptr<CardService> pcscService(const Settings& settings) {
    PcscCardServiceOptions options;
    if (!settings.readerName.empty()) {
        options.readerName = settings.readerName;
    }
    options.readTimeout = settings.readTimeout;
    for (const std::string& path : settings.trustStorePaths) {
        if (std::filesystem::is_directory(path)) {
            options.trustStore.addDirectory(path);
        } else {
            options.trustStore.addFile(path);
        }
    }
    return std::make_unique<PcscCardService>(std::move(options));
}

/// F5 and F6 send `present PERSONA` and `remove` to cccd-emulator's control socket: the demo's
/// way to put a card on the pcscd reader and take it off.
void bindEmulatorKeys(QWidget& window, const std::string& socket, const std::string& persona) {
    auto send = [socket](const std::string& line) {
        try {
            (void)emulator::sendControlLine(socket, line);
        } catch (const Error& e) {
            std::cerr << "cccd-kiosk: " << e.what() << "\n";
        }
    };
    auto* present = new QShortcut(QKeySequence(Qt::Key_F5), &window);
    QObject::connect(present, &QShortcut::activated,
                     [send, persona] { send("present " + persona); });
    auto* remove = new QShortcut(QKeySequence(Qt::Key_F6), &window);
    QObject::connect(remove, &QShortcut::activated, [send] { send("remove"); });
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"The one-stop-shop counter application for chip ID cards", "cccd-kiosk"};
    std::string settingsFile;
    std::string persona;
    std::string profiles =
        buildOrInstalled(CCCD_KIOSK_PROFILES_DIR, CCCD_KIOSK_PROFILES_INSTALL_DIR);
    bool fullScreen = false;
    std::string auditToVerify;
    std::string auditFile;
    std::vector<std::string> trust;
    std::string emulatorControl;
    std::string demoPersona = "vn-basic";
    cli.add_option("--settings", settingsFile, "The settings file (JSON)");
    cli.add_option("--emulated", persona, "Read this emulated persona in process (e.g. vn-basic)");
    cli.add_option("--profiles", profiles, "Where the emulator's profiles are");
    cli.add_option("--audit", auditFile,
                   "The audit log (default: audit.jsonl in the output folder)");
    cli.add_option("--verify-audit", auditToVerify, "Check an audit log's chain and exit");
    cli.add_option("--trust", trust, "Also trust these CSCA certificates or master lists");
    cli.add_option("--emulator-control", emulatorControl,
                   "cccd-emulator's control socket: F5 presents --demo-persona, F6 removes it");
    cli.add_option("--demo-persona", demoPersona, "The persona F5 presents (vn-basic)");
    cli.add_flag("--fullscreen", fullScreen,
                 "Fill the screen without a window frame (kiosk mode, cccd-kiosk-autostart)");
    CLI11_PARSE(cli, argc, argv);

    if (!auditToVerify.empty()) {
        return verifyAudit(auditToVerify);
    }

    QApplication app(argc, argv);
    try {
        Settings settings = settingsFile.empty() ? defaultSettings() : Settings::load(settingsFile);
        settings.trustStorePaths.insert(settings.trustStorePaths.end(), trust.begin(), trust.end());
        if (!settingsFile.empty()) {
            // A counter must not start half-configured: every problem, by key, before the UI.
            if (std::vector<SettingsProblem> problems = settings.validate(); !problems.empty()) {
                throw SettingsError(ErrorCode::InvalidArgument, "the settings cannot be used",
                                    std::move(problems));
            }
        }
        std::filesystem::create_directories(settings.outputFolder);
        FormCatalog catalog = FormCatalog::load(settings.formsFolder);
        std::filesystem::path audit =
            auditFile.empty() ? std::filesystem::path(settings.outputFolder) / "audit.jsonl"
                              : std::filesystem::path(auditFile);
        if (settings.auditKeyFile.empty()) {
            settings.auditKeyFile = defaultAuditKeyFile().string();
        }
        moveLegacyAuditKey(audit, settings.auditKeyFile);
        if (std::filesystem::path(settings.auditKeyFile).parent_path() == audit.parent_path()) {
            std::cerr << "cccd-kiosk: the audit key is in the audit log's folder; whoever can "
                         "read the log can then recover the ID numbers in it\n";
        }
        AuditLog log(audit, AuditLog::loadOrCreateKey(settings.auditKeyFile));
        SystemClock clock;

        std::unique_ptr<CardService> cards;
        EmulatedCardService* emulated = nullptr;
        if (!persona.empty()) {
            auto service = std::make_unique<EmulatedCardService>(profiles, persona);
            emulated = service.get();
            cards = std::move(service);
        } else {
            cards = pcscService(settings);
        }

        ui::KioskWindow window(*cards, catalog, clock, &log, settings, settingsFile, audit);
        if (emulated != nullptr) {
            auto* present = new QShortcut(QKeySequence(Qt::Key_F5), &window);
            QObject::connect(present, &QShortcut::activated, [emulated] { emulated->present(); });
            auto* remove = new QShortcut(QKeySequence(Qt::Key_F6), &window);
            QObject::connect(remove, &QShortcut::activated, [emulated] { emulated->remove(); });
        } else if (!emulatorControl.empty()) {
            bindEmulatorKeys(window, emulatorControl, demoPersona);
        }
        if (fullScreen) {
            window.showFullScreen();
        } else {
            window.resize(1366, 768);
            window.show();
        }
        int status = QApplication::exec();
        return status;
    } catch (const SettingsError& e) {
        std::cerr << "cccd-kiosk: " << e.what() << ":";
        for (const SettingsProblem& problem : e.problems()) {
            std::cerr << " " << problem.key << " (" << settingsProblemName(problem.kind) << ")";
        }
        std::cerr << "\n";
        return 2;
    } catch (const Error& e) {
        std::cerr << "cccd-kiosk: " << e.what() << "\n";
        return 2;
    }
}
