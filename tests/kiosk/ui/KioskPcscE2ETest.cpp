// The kiosk as a counter runs it: the UI over PcscCardService, the emulated card served to a
// real pcscd by cccd-emulator through vpcd, put on the reader and taken off through the
// emulator's control socket. CTest runs it twice: under QT_QPA_PLATFORM=offscreen and under
// Xvfb (xcb). Screens are grabbed into build/kiosk-screenshots/pcscd-<platform>/.
#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <chrono>
#include <fstream>
#include <functional>
#include <thread>

#include <gtest/gtest.h>

#include "PcscdEnvironment.h"
#include "WidgetTexts.h"
#include "emulator/tools/ControlClient.h"
#include "kiosk/core/AuditLog.h"
#include "kiosk/core/FormCatalog.h"
#include "kiosk/core/PcscCardService.h"
#include "kiosk/ui/KioskWindow.h"
#include "kiosk/ui/OutputScreen.h"
#include "support/PersonaJson.h"
#include "support/Process.h"
#include "support/TestData.h"

#ifdef CCCD_TEST_HAVE_CARD_QR
#include "emulator/qr/CardQrPayload.h"
#endif

using namespace cccd;
using namespace cccd::kiosk;
using namespace std::chrono_literals;
using kiosktest::textsOf;

namespace {

const auto* const g_environment = ::testing::AddGlobalTestEnvironment(new test::PcscdEnvironment);

QApplication& application() {
    static int argc = 1;
    static char name[] = "kiosk-pcsc-e2e-test";
    static char* argv[] = {name, nullptr};
    static QApplication* app = [] {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        return new QApplication(argc, argv);
    }();
    return *app;
}

class KioskPcscE2ETest : public ::testing::Test {
protected:
    void SetUp() override {
        application();
        std::string platform = QApplication::platformName().toStdString();
        m_dir = test::binaryDir() / "e2e" / ("kiosk-" + platform + "-" + std::to_string(getpid()));
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
        m_shots = test::binaryDir() / "kiosk-screenshots" / ("pcscd-" + platform);
        std::filesystem::create_directories(m_shots);

        m_control = m_dir / "control";
        m_emulator = std::make_unique<test::Process>(
            test::binaryDir() / "bin" / "cccd-emulator",
            std::vector<std::string>{"--profiles-dir", (test::binaryDir() / "profiles").string(),
                                     "--port", std::to_string(test::PcscdEnvironment::VpcdPort),
                                     "--control", m_control.string()},
            m_dir);
        ASSERT_TRUE(waitFor([this] { return std::filesystem::exists(m_control); }, 10s))
            << m_emulator->errors();

        m_settings.formsFolder = (test::sourceDir() / "kiosk/forms").string();
        m_settings.outputFolder = m_dir.string();
        m_settings.counterId = "counter-1";
        m_settings.clerkId = "clerk-7";
        PcscCardServiceOptions options;
        options.trustStore.addFile(test::binaryDir() / "profiles" / "csca.pem");
        m_cards = std::make_unique<PcscCardService>(std::move(options));
        m_audit = std::make_unique<AuditLog>(m_dir / "audit.jsonl", SecureBytes(Bytes(32, 3)));
        m_window = std::make_unique<ui::KioskWindow>(*m_cards, m_catalog, m_clock, m_audit.get(),
                                                     m_settings, m_dir / "settings.json",
                                                     m_dir / "audit.jsonl");
        m_window->resize(1366, 768);
        m_window->show();
    }

    void TearDown() override {
        if (m_emulator) {
            (void)send("remove");
        }
        m_window.reset();
        m_cards.reset();
        m_emulator.reset();
        std::filesystem::remove_all(m_dir);
    }

    std::string send(const std::string& line) {
        try {
            return emulator::sendControlLine(m_control, line);
        } catch (const Error& e) {
            return std::string("error: ") + e.what();
        }
    }

    /// Lets the UI run (its timers, the service's events) until `done` or `timeout`.
    static bool waitFor(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
        auto until = std::chrono::steady_clock::now() + timeout;
        while (!done()) {
            if (std::chrono::steady_clock::now() > until) {
                return false;
            }
            QApplication::processEvents(QEventLoop::AllEvents, 20);
            std::this_thread::sleep_for(5ms);
        }
        QApplication::processEvents();
        return true;
    }

    bool reach(WorkflowStep step) {
        return waitFor([this, step] { return m_window->workflow().step() == step; }, 60s);
    }

    void shot(const std::string& name) {
        for (int i = 0; i < 5; ++i) {
            QApplication::processEvents();
        }
        EXPECT_EQ(m_window->size(), QSize(1366, 768)) << name;
        QPixmap image = m_window->grab();
        ASSERT_FALSE(image.isNull());
        ASSERT_TRUE(image.save(QString::fromStdString((m_shots / (name + ".png")).string())));
    }

    void click(const QString& name) {
        auto* button = m_window->findChild<QPushButton*>(name);
        ASSERT_NE(button, nullptr) << name.toStdString();
        ASSERT_TRUE(button->isEnabled()) << name.toStdString();
        button->click();
        QApplication::processEvents();
    }

    void typeInto(const char* name, const QString& text) {
        auto* edit = m_window->findChild<QLineEdit*>(name);
        ASSERT_NE(edit, nullptr) << name;
        edit->setText(text);
        Q_EMIT edit->textEdited(text);
        QApplication::processEvents();
    }

    /// Present the persona's card; the clerk scans the QR printed on it with the USB scanner
    /// (a keyboard wedge: a key event per character, then Enter), so nothing is typed. Where
    /// the build has no QR text generator, the ID goes in on the keypad instead. Ends on the
    /// verified identity.
    void readToVerified([[maybe_unused]] const nlohmann::json& who) {
        ASSERT_EQ(send("present vn-basic").rfind("ok", 0), 0u);
        ASSERT_TRUE(reach(WorkflowStep::ObtainingKey)) << "pcscd never reported the card";
        shot("02-key");
#ifdef CCCD_TEST_HAVE_CARD_QR
        emulator::Persona persona =
            emulator::loadPersona(test::sourceDir() / "drivers/emulator/personas/vn-basic.json");
        QString scanned = QString::fromStdString(
            emulator::cardQrPayload(persona, emulator::CardQrLayout::Cccd2021));
        for (QChar character : scanned) {
            QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(character));
            QApplication::sendEvent(m_window.get(), &press);
        }
        QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, "\r");
        QApplication::sendEvent(m_window.get(), &enter);
#else
        for (char digit : who.at("personalIdNumber").get<std::string>()) {
            click(QString("key_") + digit);
        }
        click("readButton");
#endif
        ASSERT_TRUE(waitFor(
            [this] {
                WorkflowStep step = m_window->workflow().step();
                return step == WorkflowStep::Reading || step == WorkflowStep::Verified;
            },
            60s));
        if (m_window->workflow().step() == WorkflowStep::Reading) {
            shot("03-reading");
        }
        ASSERT_TRUE(reach(WorkflowStep::Verified));
    }

    void expectNoPersonalData(const nlohmann::json& who) {
        QStringList texts = textsOf(*m_window);
        for (const char* key : {"fullName", "personalIdNumber", "placeOfResidence"}) {
            QString value = QString::fromStdString(who.at(key).get<std::string>());
            for (const QString& text : texts) {
                EXPECT_FALSE(text.contains(value)) << key << " still shown";
            }
        }
        EXPECT_FALSE(m_window->workflow().session().holdsPersonalData());
    }

    std::filesystem::path m_dir;
    std::filesystem::path m_shots;
    std::filesystem::path m_control;
    std::unique_ptr<test::Process> m_emulator;
    Settings m_settings;
    FormCatalog m_catalog = FormCatalog::load(test::sourceDir() / "kiosk/forms");
    SystemClock m_clock;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<PcscCardService> m_cards;
    std::unique_ptr<ui::KioskWindow> m_window;
};

TEST_F(KioskPcscE2ETest, CardOnTheReaderToPrintedCt01ThenRemoval) {
    nlohmann::json who = test::loadPersona("vn-basic");
    ASSERT_TRUE(reach(WorkflowStep::WaitingForCard));
    shot("01-waiting");
    readToVerified(who);
    EXPECT_TRUE(
        textsOf(*m_window).contains(QString::fromStdString(who.at("fullName").get<std::string>())));
#ifdef CCCD_TEST_HAVE_CARD_QR
    ASSERT_TRUE(m_window->workflow().session().badges.has_value());
    EXPECT_EQ(m_window->workflow().session().badges->qrMatchesChip, std::optional<bool>(true));
#endif
    shot("04-verified");

    click("verifiedNext");
    ASSERT_EQ(m_window->workflow().step(), WorkflowStep::ChoosingProcedure);
    shot("05-catalog");
    ASSERT_TRUE(m_window->workflow().choose("ct01"));
    QApplication::processEvents();
    shot("06-form");
    auto* fullName = m_window->findChild<QLineEdit*>("field_full_name");
    ASSERT_NE(fullName, nullptr);
    EXPECT_EQ(fullName->text().toStdString(), who.at("fullName").get<std::string>());
    EXPECT_TRUE(fullName->isReadOnly());
    typeInto("field_phone", "0912345678");
    typeInto("field_authority", "Công an phường Hoàn Kiếm");
    typeInto("field_request", "Đăng ký thường trú");
    // The card's ward was split in the 2025 reform: the clerk picks today's one.
    click("choice_current_residence_today_0");
    shot("08-form-filled");
    click("formNext");
    ASSERT_EQ(m_window->workflow().step(), WorkflowStep::Output);
    // Printed: to a PDF printer here, to the counter's printer in service.
    std::filesystem::path pdf = m_dir / "printed.pdf";
    m_window->outputScreen().setPrinterFactory([pdf] {
        auto printer = std::make_unique<QPrinter>(QPrinter::HighResolution);
        printer->setOutputFormat(QPrinter::PdfFormat);
        printer->setOutputFileName(QString::fromStdString(pdf.string()));
        return printer;
    });
    click("printButton");
    ASSERT_TRUE(std::filesystem::exists(pdf)) << "nothing printed";
    test::RunResult text =
        test::run("/usr/bin/pdftotext", {"-enc", "UTF-8", pdf.string(), "-"}, 30s);
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_NE(text.output.find(who.at("fullName").get<std::string>()), std::string::npos);
    EXPECT_NE(text.output.find(who.at("personalIdNumber").get<std::string>()), std::string::npos);
    shot("09-output");

    // The citizen takes the card back: the session ends, nothing of them stays on screen.
    ASSERT_EQ(send("remove").rfind("ok", 0), 0u);
    ASSERT_TRUE(reach(WorkflowStep::WaitingForCard));
    shot("10-removed");
    expectNoPersonalData(who);
}

TEST_F(KioskPcscE2ETest, CardPulledDuringDg2IsAskedBackAndTheReadResumes) {
    nlohmann::json who = test::loadPersona("vn-basic");
    ASSERT_EQ(send("present vn-basic").rfind("ok", 0), 0u);
    ASSERT_TRUE(reach(WorkflowStep::ObtainingKey));
    // The card leaves the field 4000 bytes into DG2 (FID 0102).
    ASSERT_EQ(send("fault remove-after 0102 4000").rfind("ok", 0), 0u);
    for (char digit : who.at("personalIdNumber").get<std::string>()) {
        click(QString("key_") + digit);
    }
    click("readButton");
    ASSERT_TRUE(reach(WorkflowStep::ReadInterrupted));
    shot("11-interrupted");
    ASSERT_EQ(send("present vn-basic").rfind("ok", 0), 0u);
    ASSERT_TRUE(reach(WorkflowStep::Verified));
    EXPECT_TRUE(
        textsOf(*m_window).contains(QString::fromStdString(who.at("fullName").get<std::string>())));
}

} // namespace
