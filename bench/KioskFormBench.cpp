// cccd-kiosk-form-bench: the counter's time from the card put on the reader to the prefilled form
// on screen. The kiosk's window (Qt offscreen) reads an emulated card in process on its worker
// thread, with the contactless link's cost (424 kbit/s, frames of 256 bytes, 12 ms of chip time
// per APDU: emulator::LinkModel::contactless()). The clerk's part takes no time: the key is given
// as soon as it is asked for (a QR scanned beforehand) and CT01 is chosen as soon as the identity
// shows. Baseline, in the same run: the SDK's bare read of the same card on the same link
// (reader::readCard + interpret), so that the ratio compares across machines.
#include <CLI/CLI.hpp>
#include <QApplication>
#include <QLineEdit>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "emulator/card/CardProfile.h"
#include "emulator/channel/EmulatorChannel.h"
#include "kiosk/app/EmulatedCardService.h"
#include "kiosk/core/AuditLog.h"
#include "kiosk/core/FormCatalog.h"
#include "kiosk/ui/KioskWindow.h"
#include "reader/CardReader.h"
#include "reader/Document.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using namespace cccd;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

/// Runs the UI until `done`; false after 60 s.
bool runUntil(const std::function<bool()>& done) {
    auto until = Clock::now() + std::chrono::seconds(60);
    while (!done()) {
        if (Clock::now() > until) {
            return false;
        }
        QApplication::processEvents(QEventLoop::AllEvents, 1);
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    return true;
}

struct Round {
    double toKeyAsked = 0; ///< card put down -> the kiosk asks for the key
    double read = 0;       ///< key given -> verified identity on screen
    double toForm = 0;     ///< identity -> CT01 prefilled and painted
    double total = 0;
};

/// The ID typed or scanned for this persona.
std::string idNumberOf(const fs::path& personas, const std::string& persona) {
    std::ifstream in(personas / (persona + ".json"));
    return nlohmann::json::parse(in).at("personalIdNumber").get<std::string>();
}

double bareRead(const fs::path& profiles, const std::string& persona, const std::string& id) {
    auto card = std::make_shared<emulator::EmulatedCard>(
        emulator::loadProfile(profiles / (persona + ".json")));
    emulator::EmulatorChannel channel(card, emulator::LinkModel::contactless(), /*sleep=*/true);
    verify::TrustStore trust;
    trust.addFile(profiles / "csca.pem");
    auto start = Clock::now();
    reader::Document document = reader::interpret(
        reader::readCard(channel, reader::AccessKey::fromIdNumber(id), {}), trust);
    double ms = msSince(start);
    if (!document.verified()) {
        throw Error(ErrorCode::InvalidArgument, "the bare read did not verify");
    }
    return ms;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Card on the reader to prefilled form on screen, against the bare SDK read",
                 "cccd-kiosk-form-bench"};
    int rounds = 5;
    std::string persona = "vn-basic";
    std::string profiles = CCCD_BENCH_PROFILES_DIR;
    std::string personas = CCCD_BENCH_PERSONAS_DIR;
    cli.add_option("--rounds", rounds, "Sessions to time (the median is reported)")
        ->check(CLI::Range(1, 100));
    cli.add_option("--persona", persona, "The emulated card (drivers/emulator/personas)");
    cli.add_option("--profiles", profiles, "Where the emulator's built profiles are");
    CLI11_PARSE(cli, argc, argv);

    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    try {
        std::string id = idNumberOf(personas, persona);
        fs::path dir = fs::temp_directory_path() / ("cccd-kiosk-bench-" + std::to_string(getpid()));
        fs::create_directories(dir);
        kiosk::Settings settings;
        settings.formsFolder = CCCD_BENCH_FORMS_DIR;
        settings.outputFolder = dir.string();
        settings.counterId = "counter-1";
        settings.clerkId = "clerk-1";
        kiosk::FormCatalog catalog = kiosk::FormCatalog::load(settings.formsFolder);
        kiosk::SystemClock clock;
        kiosk::AuditLog audit(dir / "audit.jsonl", SecureBytes(Bytes(32, 1)));
        kiosk::EmulatedCardService cards(profiles, persona, emulator::LinkModel::contactless());
        kiosk::ui::KioskWindow window(cards, catalog, clock, &audit, settings,
                                      dir / "settings.json", dir / "audit.jsonl");
        window.resize(1366, 768);
        window.show();
        kiosk::Workflow& workflow = window.workflow();
        auto at = [&workflow](kiosk::WorkflowStep step) {
            return [&workflow, step] { return workflow.step() == step; };
        };

        std::vector<Round> results;
        std::vector<double> bare;
        std::printf("| round | card -> key asked ms | read ms | identity -> form ms | total ms "
                    "| bare SDK read ms |\n|---:|---:|---:|---:|---:|---:|\n");
        for (int round = 1; round <= rounds; ++round) {
            bare.push_back(bareRead(profiles, persona, id));
            Round r;
            auto start = Clock::now();
            cards.present();
            if (!runUntil(at(kiosk::WorkflowStep::ObtainingKey))) {
                throw Error(ErrorCode::Timeout, "the kiosk never asked for the key");
            }
            r.toKeyAsked = msSince(start);
            auto keyGiven = Clock::now();
            (void)workflow.provideIdNumber(id);
            if (!runUntil(at(kiosk::WorkflowStep::Verified))) {
                throw Error(ErrorCode::Timeout, "the read did not end verified");
            }
            QApplication::processEvents();
            window.currentScreen()->repaint();
            r.read = msSince(keyGiven);
            auto verified = Clock::now();
            workflow.proceed();
            if (!workflow.choose("ct01")) {
                throw Error(ErrorCode::InvalidArgument, "no CT01 in the catalog");
            }
            auto* name = window.findChild<QLineEdit*>("field_full_name");
            if (!runUntil([&] { return name != nullptr && !name->text().isEmpty(); })) {
                throw Error(ErrorCode::Timeout, "the form never showed the name");
            }
            window.currentScreen()->repaint();
            r.toForm = msSince(verified);
            r.total = msSince(start);
            results.push_back(r);
            std::printf("| %d | %.1f | %.1f | %.1f | %.1f | %.1f |\n", round, r.toKeyAsked, r.read,
                        r.toForm, r.total, bare.back());
            cards.remove();
            if (!runUntil(at(kiosk::WorkflowStep::WaitingForCard))) {
                throw Error(ErrorCode::Timeout, "the session did not end on removal");
            }
        }
        auto column = [&results](double Round::*member) {
            std::vector<double> values;
            for (const Round& r : results) {
                values.push_back(r.*member);
            }
            return median(values);
        };
        double total = column(&Round::total);
        double baseline = median(bare);
        std::printf("| **median** | %.1f | %.1f | %.1f | **%.1f** | %.1f |\n",
                    column(&Round::toKeyAsked), column(&Round::read), column(&Round::toForm), total,
                    baseline);
        std::printf("\nkiosk total / bare SDK read: %.2f (target: total <= 1500 ms)\n",
                    total / baseline);
        fs::remove_all(dir);
        return 0;
    } catch (const Error& e) {
        std::fprintf(stderr, "cccd-kiosk-form-bench: %s\n", e.what());
        return 1;
    }
}
