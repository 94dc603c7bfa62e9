// The kiosk's UI driven end to end under QT_QPA_PLATFORM=offscreen against the emulated card
// read in process on the service's worker thread: card -> ID on the keypad -> read -> verified
// -> CT01 -> the clerk's fields -> PDF (pdftotext finds the name with its diacritics) -> done.
// Every screen is grabbed into build/kiosk-screenshots/<size>/; after the session ends (finish
// or card removal) no widget holds the citizen's name, ID or address.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <chrono>
#include <fstream>
#include <functional>
#include <thread>

#include <gtest/gtest.h>

#include "../ManualClock.h"
#include "WidgetTexts.h"
#include "kiosk/app/EmulatedCardService.h"
#include "kiosk/core/AuditLog.h"
#include "kiosk/core/FormCatalog.h"
#include "kiosk/ui/KioskWindow.h"
#include "kiosk/ui/OutputScreen.h"
#include "kiosk/ui/PortraitDecoder.h"
#include "kiosk/ui/PortraitView.h"
#include "lds/ImageInfo.h"
#include "qr/QrAccessKey.h"
#include "support/Process.h"
#include "support/TestData.h"

#ifdef CCCD_KIOSK_HAVE_CAMERA
#include "vision/ImageFile.h"
#endif

using namespace cccd;
using namespace cccd::kiosk;
using kiosktest::textsOf;

namespace {

QApplication& application() {
    static int argc = 1;
    static char name[] = "kiosk-ui-test";
    static char* argv[] = {name, nullptr};
    static QApplication* app = [] {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return new QApplication(argc, argv);
    }();
    return *app;
}

nlohmann::json persona(const std::string& name) {
    std::ifstream in(test::sourceDir() / "drivers/emulator/personas" / (name + ".json"));
    return nlohmann::json::parse(in);
}

class KioskUiTest : public ::testing::TestWithParam<QSize> {
protected:
    void SetUp() override {
        application();
        QSize size = GetParam();
        m_sizeName = QString("%1x%2").arg(size.width()).arg(size.height());
        m_dir = std::filesystem::temp_directory_path() /
                ("kiosk-ui-" + std::to_string(::getpid()) + "-" + m_sizeName.toStdString());
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
        m_shots = test::binaryDir() / "kiosk-screenshots" / m_sizeName.toStdString();
        std::filesystem::create_directories(m_shots);
        m_settings.formsFolder = (test::sourceDir() / "kiosk/forms").string();
        m_settings.outputFolder = m_dir.string();
        m_settings.counterId = "counter-1";
        m_settings.clerkId = "clerk-7";
        m_settings.adminPin = AdminPin::create("2468");
        m_audit = std::make_unique<AuditLog>(m_dir / "audit.jsonl", SecureBytes(Bytes(32, 9)));
        openWindow("vn-basic");
    }

    /// A new window over the emulated card of `profile`, replacing the one open.
    void openWindow(const std::string& profile) {
        m_window.reset();
        m_cards = std::make_unique<EmulatedCardService>(test::binaryDir() / "profiles", profile);
        m_window = std::make_unique<ui::KioskWindow>(*m_cards, m_catalog, m_clock, m_audit.get(),
                                                     m_settings, m_dir / "settings.json",
                                                     m_dir / "audit.jsonl");
#ifdef CCCD_KIOSK_HAVE_CAMERA
        // No test reaches for the machine's /dev/video: by default the camera is missing.
        m_window->setFrameSourceFactory([](int) -> vision::FrameSource {
            throw Error(ErrorCode::Io, "no camera in this test");
        });
#endif
        m_window->resize(GetParam());
        m_window->show();
        settle();
    }

    void TearDown() override {
        m_window.reset();
        m_cards.reset();
        std::filesystem::remove_all(m_dir);
    }

    /// Lets the UI run (timers, the worker thread's events) until `done` or 20 s.
    bool waitFor(const std::function<bool()>& done) {
        auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (!done()) {
            if (std::chrono::steady_clock::now() > until) {
                return false;
            }
            QApplication::processEvents(QEventLoop::AllEvents, 20);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        QApplication::processEvents();
        return true;
    }

    bool reach(WorkflowStep step) {
        return waitFor([this, step] { return m_window->workflow().step() == step; });
    }

    void settle() {
        for (int i = 0; i < 5; ++i) {
            QApplication::processEvents();
        }
    }

    void shot(const std::string& name) {
        settle();
        // No screen may make the window taller or wider than the display it was sized for.
        EXPECT_EQ(m_window->size(), GetParam()) << name;
        QPixmap image = m_window->grab();
        ASSERT_FALSE(image.isNull());
        ASSERT_TRUE(image.save(QString::fromStdString((m_shots / (name + ".png")).string())));
    }

    template <typename T> T* child(const char* name) {
        T* found = m_window->findChild<T*>(name);
        EXPECT_NE(found, nullptr) << name;
        return found;
    }

    void click(const char* name) {
        QPushButton* button = child<QPushButton>(name);
        ASSERT_NE(button, nullptr);
        ASSERT_TRUE(button->isEnabled()) << name;
        button->click();
        settle();
    }

    /// Scrolls the screen's form so that the widget `name` is in view (for a screenshot).
    void scrollTo(const char* name) {
        auto* widget = child<QWidget>(name);
        auto* area = m_window->currentScreen()->findChild<QScrollArea*>();
        ASSERT_NE(widget, nullptr);
        ASSERT_NE(area, nullptr);
        area->ensureWidgetVisible(widget, 50, 60);
        settle();
    }

    void typeId(const std::string& id) {
        for (char digit : id) {
            click(("key_" + std::string(1, digit)).c_str());
        }
    }

    /// The admin PIN, tapped on the admin screen's keypad.
    void typePin(const std::string& pin) {
        for (char digit : pin) {
            click(("pinKey_" + std::string(1, digit)).c_str());
        }
    }

    /// Digits on the keypad of the document number and dates.
    void typeMrz(const std::string& digits) {
        for (char digit : digits) {
            click(("mrzKey_" + std::string(1, digit)).c_str());
        }
    }

    void typeInto(const char* name, const QString& text) {
        auto* edit = child<QLineEdit>(name);
        ASSERT_NE(edit, nullptr);
        // As typed on the touch keyboard (QTest::keyClicks takes ASCII only).
        edit->setText(text);
        emit edit->textEdited(text);
        settle();
    }

    /// Card on the reader, ID typed, read: ends on the verified identity.
    void readToVerified(const std::string& id, bool screenshots) {
        m_cards->present();
        ASSERT_TRUE(reach(WorkflowStep::ObtainingKey));
        typeId(id);
        if (screenshots) {
            shot("02-key");
        }
        if (screenshots) {
            // The read's events, a few at a time, so that the bars show mid-read.
            m_window->setAutoPump(false);
            click("readButton");
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            auto midway = [this] {
                auto progress = m_window->workflow().progress();
                auto dg2 = progress.find("DG2");
                return progress.size() >= 4 && dg2 != progress.end() &&
                       dg2->second.bytesRead * 2 > dg2->second.totalBytes;
            };
            while (m_window->workflow().step() == WorkflowStep::Reading && !midway()) {
                m_window->pump(1);
            }
            shot("03-reading");
            m_window->setAutoPump(true);
        } else {
            click("readButton");
        }
        ASSERT_TRUE(reach(WorkflowStep::Verified));
    }

    void expectNoPersonalData(const nlohmann::json& who) {
        QStringList texts = textsOf(*m_window);
        for (const char* key : {"fullName", "personalIdNumber", "placeOfResidence", "father"}) {
            QString value = QString::fromStdString(who[key].get<std::string>());
            for (const QString& text : texts) {
                EXPECT_FALSE(text.contains(value)) << key << " still shown: " << text.toStdString();
            }
        }
        EXPECT_FALSE(m_window->workflow().session().holdsPersonalData());
    }

    QString m_sizeName;
    std::filesystem::path m_dir;
    std::filesystem::path m_shots;
    Settings m_settings;
    FormCatalog m_catalog = FormCatalog::load(test::sourceDir() / "kiosk/forms");
    // Now, but moved by hand: the idle timeout and the admin PIN's lockout pass without waiting.
    kiosktest::ManualClock m_clock{std::chrono::system_clock::now()};
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<EmulatedCardService> m_cards;
    std::unique_ptr<ui::KioskWindow> m_window;
};

TEST_P(KioskUiTest, WholeFlowFromCardToPdfLeavesNothingPersonal) {
    nlohmann::json who = persona("vn-basic");
    std::string id = who["personalIdNumber"].get<std::string>();
    QString name = QString::fromStdString(who["fullName"].get<std::string>());

    EXPECT_EQ(m_window->currentScreen()->objectName(), "waiting");
    EXPECT_TRUE(child<QLabel>("readerStatus")->text().contains("chưa có thẻ"));
    shot("01-waiting");

    readToVerified(id, true);
    EXPECT_EQ(m_window->currentScreen()->objectName(), "verified");
    EXPECT_TRUE(textsOf(*m_window).contains(name));
    EXPECT_TRUE(textsOf(*m_window).contains(QString::fromStdString(id)));
    shot("04-verified");

    click("verifiedNext");
    ASSERT_EQ(m_window->workflow().step(), WorkflowStep::ChoosingProcedure);
    auto* search = child<QLineEdit>("catalogSearch");
    QTest::keyClicks(search, "cu tru");
    settle();
    auto* list = child<QListWidget>("catalogList");
    ASSERT_GE(list->count(), 1);
    shot("05-catalog");
    QListWidgetItem* ct01 = nullptr;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == "ct01") {
            ct01 = list->item(row);
        }
    }
    ASSERT_NE(ct01, nullptr);
    emit list->itemClicked(ct01);
    settle();
    ASSERT_EQ(m_window->workflow().step(), WorkflowStep::FillingForm);

    // Chip fields: prefilled, read-only. The clerk's: validated as typed.
    auto* fullName = child<QLineEdit>("field_full_name");
    ASSERT_NE(fullName, nullptr);
    EXPECT_EQ(fullName->text(), name);
    EXPECT_TRUE(fullName->isReadOnly());
    EXPECT_FALSE(child<QPushButton>("formNext")->isEnabled());
    // The residence as on the card (Phường Hàng Trống, split by the reform) and under it the
    // two wards of today to pick from; nothing is picked for the clerk.
    QString residence = QString::fromStdString(who["placeOfResidence"].get<std::string>());
    auto* onCard = child<QLineEdit>("field_current_residence");
    ASSERT_NE(onCard, nullptr);
    EXPECT_EQ(onCard->text(), residence);
    EXPECT_TRUE(onCard->isReadOnly());
    auto* today = child<QLineEdit>("field_current_residence_today");
    ASSERT_NE(today, nullptr);
    EXPECT_TRUE(today->text().isEmpty());
    EXPECT_TRUE(today->isReadOnly()) << "picked, not typed";
    EXPECT_TRUE(child<QLabel>("note_current_residence_today")->text().contains("đã được chia"));
    auto* hoanKiem = child<QPushButton>("choice_current_residence_today_0");
    auto* cuaNam = child<QPushButton>("choice_current_residence_today_1");
    ASSERT_NE(hoanKiem, nullptr);
    ASSERT_NE(cuaNam, nullptr);
    EXPECT_TRUE(hoanKiem->text().contains("Phường Hoàn Kiếm"));
    EXPECT_TRUE(cuaNam->text().contains("Phường Cửa Nam"));
    EXPECT_EQ(m_window->findChild<QPushButton*>("choice_current_residence_today_2"), nullptr);
    shot("06-form");
    scrollTo("field_current_residence_today");
    shot("06b-form-address");
    typeInto("field_phone", "12");
    EXPECT_FALSE(m_window->findChild<QWidget*>("field_phone")
                     ->parentWidget()
                     ->findChild<QLabel*>()
                     ->text()
                     .isEmpty());
    shot("07-form-problem");
    typeInto("field_phone", "0912345678");
    typeInto("field_authority", "Công an phường Hoàn Kiếm");
    typeInto("field_request", "Đăng ký thường trú");
    EXPECT_FALSE(child<QPushButton>("formNext")->isEnabled()) << "no ward picked yet";
    click("choice_current_residence_today_1");
    EXPECT_TRUE(cuaNam->isChecked());
    EXPECT_EQ(today->text(), cuaNam->text());
    EXPECT_TRUE(child<QPushButton>("formNext")->isEnabled());
    scrollTo("field_current_residence_today");
    shot("08-form-filled");
    std::string picked = cuaNam->text().toStdString();
    click("formNext");
    ASSERT_EQ(m_window->workflow().step(), WorkflowStep::Output);

    click("savePdfButton");
    std::filesystem::path pdf = m_window->outputScreen().lastPdf();
    ASSERT_TRUE(std::filesystem::exists(pdf));
    click("exportJsonButton");
    shot("09-output");
    test::RunResult text = test::run("/usr/bin/pdftotext", {"-enc", "UTF-8", pdf.string(), "-"},
                                     std::chrono::seconds(30));
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_NE(text.output.find(who["fullName"].get<std::string>()), std::string::npos);
    EXPECT_NE(text.output.find("Đăng ký thường trú"), std::string::npos);
    EXPECT_NE(text.output.find(who["placeOfResidence"].get<std::string>()), std::string::npos);
    EXPECT_NE(text.output.find(picked), std::string::npos) << "today's address on the PDF";

    click("finishButton");
    ASSERT_EQ(m_window->workflow().step(), WorkflowStep::Finished);
    shot("10-finished");
    expectNoPersonalData(who);
}

TEST_P(KioskUiTest, CardRemovalWipesEveryWidget) {
    nlohmann::json who = persona("vn-basic");
    readToVerified(who["personalIdNumber"].get<std::string>(), false);
    click("verifiedNext");
    auto* list = child<QListWidget>("catalogList");
    ASSERT_GE(list->count(), 1);
    emit list->itemClicked(list->item(0));
    settle();
    ASSERT_EQ(m_window->workflow().step(), WorkflowStep::FillingForm);
    m_cards->remove();
    ASSERT_TRUE(reach(WorkflowStep::WaitingForCard));
    expectNoPersonalData(who);
}

TEST_P(KioskUiTest, CardRemovedMidReadResumes) {
    nlohmann::json who = persona("vn-basic");
    m_cards->present();
    ASSERT_TRUE(reach(WorkflowStep::ObtainingKey));
    typeId(who["personalIdNumber"].get<std::string>());
    // Removed before the read starts (no event handled in between): the read fails, the card
    // is asked back, and it resumes when it is.
    m_cards->remove();
    click("readButton");
    ASSERT_TRUE(reach(WorkflowStep::ReadInterrupted));
    shot("11-interrupted");
    m_cards->present();
    ASSERT_TRUE(reach(WorkflowStep::Verified));
}

TEST_P(KioskUiTest, WrongIdShowsCauseAndRemedy) {
    m_cards->present();
    ASSERT_TRUE(reach(WorkflowStep::ObtainingKey));
    typeId("001090099999");
    click("readButton");
    ASSERT_TRUE(reach(WorkflowStep::Failed));
    EXPECT_EQ(m_window->currentScreen()->objectName(), "error");
    EXPECT_TRUE(textsOf(*m_window->currentScreen()).join(" ").contains("Cách xử lý"));
    shot("12-error");
    click("errorButton");
    EXPECT_NE(m_window->workflow().step(), WorkflowStep::Failed);
}

TEST_P(KioskUiTest, StatisticsAdminAndEnglish) {
    nlohmann::json who = persona("vn-basic");
    readToVerified(who["personalIdNumber"].get<std::string>(), false);
    m_cards->remove();
    ASSERT_TRUE(reach(WorkflowStep::WaitingForCard));

    click("statisticsButton");
    EXPECT_EQ(m_window->currentScreen()->objectName(), "statistics");
    EXPECT_EQ(child<QTableWidget>("statisticsTable")->rowCount(), 1);
    click("exportCsvButton");
    shot("13-statistics");
    click("statisticsClose");

    m_settings.auditKeyFile = (m_dir / "audit.key").string(); // shown, not editable
    click("adminButton");
    EXPECT_EQ(m_window->currentScreen()->objectName(), "admin");
    auto* pin = child<QLineEdit>("adminPin");
    ASSERT_NE(pin, nullptr);
    EXPECT_FALSE(child<QPushButton>("adminUnlock")->isEnabled()) << "no PIN typed yet";
    typePin("246");
    click("pinErase");
    EXPECT_EQ(pin->text(), "24");
    click("pinClear");
    EXPECT_EQ(pin->text(), "");
    typePin("11");
    EXPECT_EQ(pin->echoMode(), QLineEdit::Password);
    EXPECT_FALSE(pin->displayText().contains("1")) << "the PIN is masked";
    shot("14-admin-pin");
    typePin("11");
    click("adminUnlock");
    EXPECT_FALSE(child<QPushButton>("adminSave")->isVisible());
    EXPECT_EQ(pin->text(), "") << "a tried PIN is not kept";
    EXPECT_TRUE(child<QLabel>("adminPinProblem")->text().contains("Còn 4 lần thử"));
    typePin("2468");
    click("adminUnlock");
    EXPECT_TRUE(child<QPushButton>("adminSave")->isVisible());
    auto* auditKey = child<QLineEdit>("adminAuditKeyFile");
    ASSERT_NE(auditKey, nullptr);
    EXPECT_EQ(auditKey->text().toStdString(), m_settings.auditKeyFile);
    EXPECT_TRUE(auditKey->isReadOnly());
    // Reader, camera, trust store, folders, endpoint, ids, language, timeouts: all here.
    auto* trust = child<QLineEdit>("adminTrust");
    ASSERT_NE(trust, nullptr);
    ASSERT_NE(child<QSpinBox>("adminCamera"), nullptr);
    ASSERT_NE(child<QSpinBox>("adminReadTimeout"), nullptr);
    child<QSpinBox>("adminReadTimeout")->setValue(30);
    trust->setText("/no/such/csca.pem");
    click("adminSave");
    EXPECT_TRUE(textsOf(*m_window).join(" ").contains("trust_store")) << "a missing file is named";
    std::string csca = (test::binaryDir() / "profiles" / "csca.pem").string();
    trust->setText(QString::fromStdString(csca));
    click("adminSave");
    ASSERT_TRUE(std::filesystem::exists(m_dir / "settings.json"))
        << textsOf(*m_window).join(" | ").toStdString();
    Settings saved = Settings::load(m_dir / "settings.json");
    EXPECT_EQ(saved.trustStorePaths, std::vector<std::string>{csca});
    EXPECT_EQ(saved.readTimeout, std::chrono::seconds(30));
    shot("15-admin-settings");
    click("adminClose");

    click("languageButton");
    EXPECT_EQ(m_window->language(), Language::English);
    EXPECT_EQ(child<QPushButton>("statisticsButton")->text(), "Statistics");
    shot("16-waiting-en");
    click("languageButton");
    EXPECT_EQ(child<QPushButton>("statisticsButton")->text(), "Thống kê");
}

TEST_P(KioskUiTest, FiveWrongAdminPinsLockTheKeypad) {
    // The lockout's minute passes without the admin screen closing for being left alone.
    m_settings.idleTimeout = std::chrono::seconds(600);
    auto tryPin = [this](const std::string& pin) {
        typePin(pin);
        click("adminUnlock");
    };
    click("adminButton");
    for (int i = 0; i < 4; ++i) {
        tryPin("1357");
    }
    auto* problem = child<QLabel>("adminPinProblem");
    EXPECT_TRUE(problem->text().contains("Còn 1 lần thử")) << problem->text().toStdString();
    tryPin("1357");
    EXPECT_FALSE(child<QPushButton>("pinKey_2")->isEnabled());
    EXPECT_FALSE(child<QPushButton>("adminUnlock")->isEnabled());
    EXPECT_TRUE(problem->text().contains("1:00")) << problem->text().toStdString();
    shot("14b-admin-locked");

    // Closing and reopening the screen does not lift the lockout; the time does.
    click("adminClose");
    click("adminButton");
    EXPECT_FALSE(child<QPushButton>("pinKey_2")->isEnabled());
    m_clock.advance(std::chrono::seconds(30));
    ASSERT_TRUE(waitFor([problem] { return problem->text().contains("0:30"); }));
    m_clock.advance(std::chrono::seconds(30));
    ASSERT_TRUE(waitFor([this] { return child<QPushButton>("pinKey_2")->isEnabled(); }));
    EXPECT_EQ(problem->text(), "");
    tryPin("2468");
    EXPECT_TRUE(child<QPushButton>("adminSave")->isVisible());
}

/// What the card's QR holds (cccd.md §4.1: 7 fields, dates as ddmmyyyy), from the persona.
std::string qrTextOf(const nlohmann::json& who) {
    auto date = [&who](const char* key) {
        std::string iso = who[key].get<std::string>();
        return iso.substr(8, 2) + iso.substr(5, 2) + iso.substr(0, 4);
    };
    return who["personalIdNumber"].get<std::string>() + "|" +
           who["oldIdNumber"].get<std::string>() + "|" + who["fullName"].get<std::string>() + "|" +
           date("dateOfBirth") + "|" + (who["sex"].get<std::string>() == "F" ? "Nữ" : "Nam") + "|" +
           who["placeOfResidence"].get<std::string>() + "|" + date("dateOfIssue");
}

TEST_P(KioskUiTest, ScannedQrOpensTheCardAndMatchesTheChip) {
    nlohmann::json who = persona("vn-basic");
    // The USB scanner types the payload, one key event per character, then Enter.
    QString typed = QString::fromStdString(qrTextOf(who));
    for (QChar character : typed) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(character));
        QApplication::sendEvent(m_window.get(), &press);
    }
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, "\r");
    QApplication::sendEvent(m_window.get(), &enter);
    settle();
    m_cards->present();
    ASSERT_TRUE(reach(WorkflowStep::Verified));
    ASSERT_TRUE(m_window->workflow().session().badges.has_value());
    EXPECT_EQ(m_window->workflow().session().badges->qrMatchesChip, std::optional<bool>(true));
    EXPECT_TRUE(textsOf(*m_window).contains("✔ Mã QR khớp với chip"));
    shot("04b-verified-qr");
    m_cards->remove();
    ASSERT_TRUE(reach(WorkflowStep::WaitingForCard));
    expectNoPersonalData(who);
}

TEST_P(KioskUiTest, PostsTheFormToTheEndpoint) {
    // A one-shot HTTP server on loopback, started by this test.
    QTcpServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost));
    QByteArray request;
    QObject::connect(&server, &QTcpServer::newConnection, [&] {
        QTcpSocket* socket = server.nextPendingConnection();
        QObject::connect(socket, &QTcpSocket::readyRead, [&request, socket] {
            request += socket->readAll();
            qsizetype end = request.indexOf("\r\n\r\n");
            qsizetype length = request.toLower().indexOf("content-length:");
            if (end < 0 || length < 0) {
                return;
            }
            qsizetype lineEnd = request.indexOf("\r\n", length);
            int bodySize = request.mid(length + 15, lineEnd - length - 15).trimmed().toInt();
            if (request.size() >= end + 4 + bodySize) {
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
            }
        });
    });
    m_settings.endpointUrl = "http://127.0.0.1:" + std::to_string(server.serverPort()) + "/forms";
    m_window->setLanguage(Language::Vietnamese);

    nlohmann::json who = persona("vn-basic");
    readToVerified(who["personalIdNumber"].get<std::string>(), false);
    click("verifiedNext");
    auto* list = child<QListWidget>("catalogList");
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == "ct01") {
            emit list->itemClicked(list->item(row));
        }
    }
    settle();
    typeInto("field_authority", "Công an phường Hoàn Kiếm");
    typeInto("field_request", "Đăng ký thường trú");
    click("choice_current_residence_today_0");
    click("formNext");
    ASSERT_EQ(m_window->workflow().step(), WorkflowStep::Output);
    click("postButton");
    auto* status = child<QLabel>("outputStatus");
    ASSERT_TRUE(waitFor([&] { return child<QPushButton>("postButton")->isEnabled(); }));
    EXPECT_TRUE(request.startsWith("POST /forms"));
    EXPECT_TRUE(request.contains("ct01"));
    EXPECT_EQ(status->text(), "Hệ thống một cửa đã nhận biểu mẫu.");
}

TEST_P(KioskUiTest, VerifyAuditFindsAnEdit) {
    nlohmann::json who = persona("vn-basic");
    readToVerified(who["personalIdNumber"].get<std::string>(), false);
    m_cards->remove();
    ASSERT_TRUE(reach(WorkflowStep::WaitingForCard));
    std::filesystem::path kiosk = test::binaryDir() / "bin/cccd-kiosk";
    std::filesystem::path log = m_dir / "audit.jsonl";
    test::RunResult intact =
        test::run(kiosk, {"--verify-audit", log.string()}, std::chrono::seconds(30));
    EXPECT_EQ(intact.exitCode, 0) << intact.output;
    EXPECT_NE(intact.output.find("intact"), std::string::npos);

    std::string text;
    {
        std::ifstream in(log);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::size_t verdict = text.find("verified");
    ASSERT_NE(verdict, std::string::npos);
    text.replace(verdict, 8, "verifieD");
    std::ofstream(log, std::ios::trunc) << text;
    test::RunResult edited =
        test::run(kiosk, {"--verify-audit", log.string()}, std::chrono::seconds(30));
    EXPECT_EQ(edited.exitCode, 1);
    EXPECT_NE(edited.output.find("line 1"), std::string::npos) << edited.output;
}

TEST_P(KioskUiTest, IdleTimeoutEndsTheSessionAndWipesEveryWidget) {
    nlohmann::json who = persona("vn-basic");
    readToVerified(who["personalIdNumber"].get<std::string>(), false);
    EXPECT_TRUE(
        textsOf(*m_window).contains(QString::fromStdString(who["fullName"].get<std::string>())));
    // The citizen walked away with the card still on the reader; nobody touches the screen.
    m_clock.advance(m_settings.idleTimeout - std::chrono::seconds(5));
    settle();
    QApplication::processEvents(QEventLoop::AllEvents, 200);
    EXPECT_EQ(m_window->workflow().step(), WorkflowStep::Verified) << "ended before the timeout";
    m_clock.advance(std::chrono::seconds(6));
    ASSERT_TRUE(reach(WorkflowStep::WaitingForCard));
    expectNoPersonalData(who);
    // The session is in the audit log, ended without a finish.
    EXPECT_EQ(AuditLog::read(m_dir / "audit.jsonl").size(), 1u);
}

TEST_P(KioskUiTest, UnpluggedReaderIsShownWithItsRemedyAndPluggingBackRecovers) {
    nlohmann::json who = persona("vn-basic");
    readToVerified(who["personalIdNumber"].get<std::string>(), false);
    m_cards->unplug();
    ASSERT_TRUE(reach(WorkflowStep::Failed));
    EXPECT_EQ(m_window->workflow().failure(), FailureReason::ReaderUnplugged);
    QString status = child<QLabel>("readerStatus")->text();
    EXPECT_TRUE(status.contains("Không có đầu đọc")) << status.toStdString();
    QString screen = textsOf(*m_window->currentScreen()).join(" ");
    EXPECT_TRUE(screen.contains("Cách xử lý")) << screen.toStdString();
    expectNoPersonalData(who);
    shot("18-reader-unplugged");
    m_cards->present();
    ASSERT_TRUE(waitFor([this] {
        return child<QLabel>("readerStatus")->text().contains("có thẻ") &&
               !child<QLabel>("readerStatus")->text().contains("Không có đầu đọc");
    }));
    click("errorButton");
    ASSERT_TRUE(waitFor([this] { return m_window->workflow().step() != WorkflowStep::Failed; }));
}

/// A persona's date (ISO 8601 in the file) as typed from the card's dd/mm/yyyy: ddmmyyyy.
std::string typedDate(const nlohmann::json& who, const char* key) {
    std::string iso = who[key].get<std::string>();
    return iso.substr(8, 2) + iso.substr(5, 2) + iso.substr(0, 4);
}

TEST_P(KioskUiTest, DocumentNumberAndDatesOpenTheCard) {
    nlohmann::json who = persona("vn-basic");
    std::string documentNumber = qr::documentNumberOf(who["personalIdNumber"].get<std::string>());
    m_cards->present();
    ASSERT_TRUE(reach(WorkflowStep::ObtainingKey));
#ifdef CCCD_KIOSK_HAVE_CAMERA
    // No camera: said in a small line, and the keypads still work.
    auto* camera = child<QLabel>("cameraStatus");
    ASSERT_TRUE(waitFor([camera] { return camera->text() == "Không có camera"; }));
#endif
    click("mrzModeButton");
    typeMrz(documentNumber);
    // 31 February: named beside the date, and the card is not read.
    typeMrz("31021990");
    EXPECT_FALSE(child<QLabel>("mrzDateOfBirthProblem")->text().isEmpty());
    QTest::mouseClick(child<QLineEdit>("mrzDateOfExpiry"), Qt::LeftButton);
    typeMrz(typedDate(who, "dateOfExpiry"));
    EXPECT_EQ(child<QLineEdit>("mrzDateOfExpiry")->text(), "14/05/2030");
    EXPECT_FALSE(child<QPushButton>("readButton")->isEnabled());
    shot("17-key-mrz");
    EXPECT_EQ(m_window->workflow().step(), WorkflowStep::ObtainingKey);

    QTest::mouseClick(child<QLineEdit>("mrzDateOfBirth"), Qt::LeftButton);
    for (int i = 0; i < 8; ++i) {
        click("mrzKeyErase");
    }
    typeMrz(typedDate(who, "dateOfBirth"));
    EXPECT_TRUE(child<QLabel>("mrzDateOfBirthProblem")->text().isEmpty());
    click("readButton");
    // Nothing typed outlives the submit.
    for (const char* field : {"mrzDocumentNumber", "mrzDateOfBirth", "mrzDateOfExpiry"}) {
        EXPECT_TRUE(child<QLineEdit>(field)->text().isEmpty()) << field;
    }
    ASSERT_TRUE(reach(WorkflowStep::Verified));
    EXPECT_TRUE(
        textsOf(*m_window).contains(QString::fromStdString(who["fullName"].get<std::string>())));
    m_cards->remove();
    ASSERT_TRUE(reach(WorkflowStep::WaitingForCard));
    expectNoPersonalData(who);
}

TEST_P(KioskUiTest, CardWithoutExpiryOpensWithTheNoExpiryChoice) {
    openWindow("vn-no-expiry");
    nlohmann::json who = persona("vn-no-expiry");
    m_cards->present();
    ASSERT_TRUE(reach(WorkflowStep::ObtainingKey));
    click("mrzModeButton");
    typeMrz(qr::documentNumberOf(who["personalIdNumber"].get<std::string>()));
    typeMrz(typedDate(who, "dateOfBirth"));
    EXPECT_FALSE(child<QPushButton>("readButton")->isEnabled());
    click("mrzNoExpiry");
    EXPECT_EQ(child<QLineEdit>("mrzDateOfExpiry")->text(), "Không thời hạn");
    click("readButton");
    ASSERT_TRUE(reach(WorkflowStep::Verified));
}

#ifdef CCCD_KIOSK_HAVE_CAMERA
/// A generated photo of the persona's card face (the read-rate ratchet's set, build/qr-photos,
/// category "clean").
std::filesystem::path cleanPhotoOf(const std::string& profile) {
    std::filesystem::path dir = test::binaryDir() / "qr-photos";
    std::ifstream in(dir / "manifest.json");
    if (!in) {
        return {};
    }
    nlohmann::json manifest = nlohmann::json::parse(in);
    for (const nlohmann::json& photo : manifest["photos"]) {
        if (photo["category"] == "clean" && photo["persona"] == profile) {
            return dir / photo["file"].get<std::string>();
        }
    }
    return {};
}

TEST_P(KioskUiTest, CameraReadsTheQrWithNothingTyped) {
    std::filesystem::path photo = cleanPhotoOf("vn-basic");
    ASSERT_FALSE(photo.empty()) << "no photo of vn-basic: build the target cccd_qr_photos";
    nlohmann::json who = persona("vn-basic");
    m_window->setFrameSourceFactory([photo](int) { return vision::FrameSource::images({photo}); });
    m_cards->present();
    ASSERT_TRUE(reach(WorkflowStep::Verified));
    ASSERT_TRUE(m_window->workflow().session().badges.has_value());
    EXPECT_EQ(m_window->workflow().session().badges->qrMatchesChip, std::optional<bool>(true));
    m_cards->remove();
    ASSERT_TRUE(reach(WorkflowStep::WaitingForCard));
    expectNoPersonalData(who);
}
#endif

/// A JPEG 2000 codestream (ISO/IEC 15444-1 Annex A) whose SIZ says 300 x 400, cut short after
/// the header: what a damaged chip file looks like.
Bytes truncatedCodestream() {
    Bytes siz{0xFF, 0x4F, 0xFF, 0x51, 0x00, 0x2F, 0x00, 0x00};
    for (std::uint32_t value : {300u, 400u, 0u, 0u, 300u, 400u, 0u, 0u}) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            siz.push_back(static_cast<std::uint8_t>(value >> shift));
        }
    }
    Bytes components{0x00, 0x03, 0x07, 0x01, 0x01, 0x07, 0x01, 0x01, 0x07, 0x01, 0x01};
    siz.insert(siz.end(), components.begin(), components.end());
    siz.insert(siz.end(), 40, 0xA5);
    return siz;
}

#ifdef CCCD_KIOSK_HAVE_CAMERA
/// A 300 x 400 portrait-sized JPEG 2000 file (JP2), written by the SDK's vision part.
Bytes jp2Portrait() {
    vision::GrayImage image;
    image.width = 300;
    image.height = 400;
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            image.pixels.push_back(static_cast<std::uint8_t>((x + y) % 256));
        }
    }
    std::filesystem::path file = std::filesystem::temp_directory_path() /
                                 ("kiosk-portrait-" + std::to_string(::getpid()) + ".jp2");
    vision::writeImageFile(file, image);
    Bytes bytes = test::readFile(file);
    std::filesystem::remove(file);
    return bytes;
}

/// The emulated card, each read's DG2 rebuilt around another face image (as a card holding a
/// JPEG 2000 portrait would give it): the emulator's profiles carry JPEG only.
class PortraitReplacingCards : public CardService {
public:
    PortraitReplacingCards(EmulatedCardService& card, Bytes image)
        : m_card(card), m_image(std::move(image)) {}

    void setSink(CardEventSink sink) override {
        m_card.setSink([sink = std::move(sink), image = m_image](CardEvent event) {
            auto* done = std::get_if<ReadDone>(&event);
            if (done != nullptr && done->document && done->document->dg2) {
                lds::FaceImage face = done->document->dg2->faces.at(0);
                face.image = image;
                face.imageDataType = static_cast<std::uint8_t>(lds::FaceImageDataType::Jpeg2000);
                face.imageFormat = lds::detectImageFormat(image);
                face.imageSize = lds::imageSize(image);
                done->document->dg2->faces = {face};
            }
            sink(std::move(event));
        });
    }

    void start() override { m_card.start(); }

    void read(const reader::AccessKey& key) override { m_card.read(key); }

    void cancelRead() override { m_card.cancelRead(); }

private:
    EmulatedCardService& m_card;
    Bytes m_image;
};

TEST_P(KioskUiTest, Jpeg2000PortraitIsShown) {
    Bytes jp2 = jp2Portrait();
    ASSERT_EQ(lds::detectImageFormat(jp2), lds::ImageFormat::Jp2);
    ui::DecodedPortrait decoded = ui::decodePortrait(jp2);
    ASSERT_FALSE(decoded.problem);
    EXPECT_EQ(decoded.image.size(), QSize(300, 400));

    m_window.reset();
    PortraitReplacingCards cards(*m_cards, jp2);
    m_window =
        std::make_unique<ui::KioskWindow>(cards, m_catalog, m_clock, m_audit.get(), m_settings,
                                          m_dir / "settings.json", m_dir / "audit.jsonl");
    m_window->resize(GetParam());
    m_window->show();
    settle();
    nlohmann::json who = persona("vn-basic");
    readToVerified(who["personalIdNumber"].get<std::string>(), false);
    ASSERT_EQ(lds::detectImageFormat(m_window->workflow().session().portrait.view()),
              lds::ImageFormat::Jp2);
    auto* portrait = child<QLabel>("portrait");
    ASSERT_NE(portrait, nullptr);
    EXPECT_FALSE(portrait->pixmap().isNull()) << portrait->text().toStdString();
    EXPECT_EQ(portrait->pixmap().size(), QSize(240, 320)) << "300 x 400 scaled into the frame";
    shot("04c-verified-jp2");
    m_cards->remove();
    ASSERT_TRUE(reach(WorkflowStep::WaitingForCard));
    EXPECT_TRUE(portrait->pixmap().isNull());
    m_window.reset();
}
#endif

TEST_P(KioskUiTest, PortraitThatDoesNotDecodeSaysSo) {
    Bytes damaged = truncatedCodestream();
    ASSERT_EQ(lds::detectImageFormat(damaged), lds::ImageFormat::Jpeg2000Codestream);
    ASSERT_EQ(lds::imageSize(damaged), (lds::ImageSize{300, 400}));
#ifdef CCCD_KIOSK_HAVE_CAMERA
    ui::PortraitProblem expected = ui::PortraitProblem::NotDecodable;
    QString shown = "Ảnh không đọc được";
#else
    ui::PortraitProblem expected = ui::PortraitProblem::NotSupported;
    QString shown = "định dạng ảnh chưa hỗ trợ";
#endif
    EXPECT_EQ(ui::decodePortrait(damaged).problem, expected);
    Bytes jpeg{0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x13, 0x37};
    EXPECT_EQ(ui::decodePortrait(jpeg).problem, ui::PortraitProblem::NotDecodable);
    EXPECT_EQ(ui::decodePortrait(toBytes("not an image")).problem,
              ui::PortraitProblem::NotDecodable);
    EXPECT_EQ(ui::decodePortrait({}).problem, ui::PortraitProblem::Missing);
    Bytes huge = damaged;
    huge[8] = 0x7F; // Xsiz about two thousand million pixels wide
    EXPECT_EQ(ui::decodePortrait(huge).problem, ui::PortraitProblem::NotDecodable)
        << "too large to decode, in any build";

    ui::PortraitView view(nullptr);
    view.showPortrait(damaged);
    EXPECT_TRUE(view.pixmap().isNull());
    EXPECT_TRUE(view.text().contains(shown)) << view.text().toStdString();
    view.forget();
    EXPECT_TRUE(view.text().isEmpty());
}

TEST_P(KioskUiTest, TickBoxAnswersYesAndNo) {
    nlohmann::json who = persona("vn-basic");
    readToVerified(who["personalIdNumber"].get<std::string>(), false);
    click("verifiedNext");
    ASSERT_TRUE(m_window->workflow().choose("bank-kyc"));
    settle();
    auto* box = child<QCheckBox>("field_tax_resident_abroad");
    ASSERT_NE(box, nullptr);
    const FilledForm& form = *m_window->workflow().session().form;
    EXPECT_EQ(form.value("tax_resident_abroad"), "no");
    box->click();
    settle();
    EXPECT_EQ(form.value("tax_resident_abroad"), "yes");
    box->click();
    settle();
    EXPECT_EQ(form.value("tax_resident_abroad"), "no");
    for (const FieldProblem& problem : form.problems()) {
        EXPECT_NE(problem.fieldId, "tax_resident_abroad") << "a tick box is always an answer";
    }
}

TEST_P(KioskUiTest, UnlockedAdminScreenClosesAndLocksWhenLeftAlone) {
    click("adminButton");
    typePin("2468");
    click("adminUnlock");
    ASSERT_TRUE(child<QPushButton>("adminSave")->isVisible());
    m_clock.advance(m_settings.idleTimeout + std::chrono::seconds(1));
    ASSERT_TRUE(waitFor([this] { return m_window->currentScreen()->objectName() != "admin"; }));
    EXPECT_EQ(m_window->currentScreen()->objectName(), "waiting");
    click("adminButton");
    EXPECT_FALSE(child<QPushButton>("adminSave")->isVisible()) << "the PIN is asked again";
}

TEST_P(KioskUiTest, SettingsThatCannotBeUsedStopTheStartWithEveryProblem) {
    Settings broken = m_settings;
    broken.formsFolder = (m_dir / "no-such-folder").string();
    broken.adminPin = AdminPin{};
    broken.save(m_dir / "broken.json");
    test::RunResult r =
        test::run(test::binaryDir() / "bin/cccd-kiosk",
                  {"--settings", (m_dir / "broken.json").string()}, std::chrono::seconds(30));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.errors.find("forms_folder (not_a_folder)"), std::string::npos) << r.errors;
    EXPECT_NE(r.errors.find("admin_pin (no_admin_pin)"), std::string::npos) << r.errors;
}

INSTANTIATE_TEST_SUITE_P(Sizes, KioskUiTest, ::testing::Values(QSize(1920, 1080), QSize(1366, 768)),
                         [](const ::testing::TestParamInfo<QSize>& param) {
                             return "w" + std::to_string(param.param.width()) + "h" +
                                    std::to_string(param.param.height());
                         });

} // namespace
