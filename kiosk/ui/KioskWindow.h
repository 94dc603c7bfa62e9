#pragma once

#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QTranslator>
#include <QWidget>
#include <cstdint>
#include <map>
#include <memory>

#include "kiosk/core/CardEventQueue.h"
#include "kiosk/core/Clock.h"
#include "kiosk/core/Workflow.h"
#include "kiosk/ui/KioskContext.h"
#include "qr/WedgeScanner.h"

#ifdef CCCD_KIOSK_HAVE_CAMERA
#include "kiosk/ui/CameraQrReader.h"
#endif

namespace cccd::kiosk::ui {

class Screen;
class OutputScreen;

/// The kiosk's window: a header (reader status always visible, language, statistics, admin)
/// above one screen per workflow step. Card events come from the service's worker thread
/// through a CardEventQueue that a timer empties on the UI thread, which also drives
/// Workflow::tick; nothing here waits for the card.
class KioskWindow : public QWidget {
    Q_OBJECT
public:
    /// `settingsFile` is where the admin screen saves (empty: nowhere), `auditFile` the log
    /// behind the statistics. `cards` is started here; it and the rest must outlive the window.
    KioskWindow(CardService& cards, const FormCatalog& catalog, const Clock& clock, AuditLog* audit,
                Settings& settings, std::filesystem::path settingsFile,
                std::filesystem::path auditFile, QWidget* parent = nullptr);
    ~KioskWindow() override;

    [[nodiscard]] Workflow& workflow() { return *m_workflow; }

    /// Switches every text at once (Vietnamese first, English second).
    void setLanguage(Language language);

    [[nodiscard]] Language language() const { return m_context->language; }

    /// Hands at most `maxEvents` queued card events to the workflow and checks the idle
    /// timeout; the timer calls it every 50 ms for all of them.
    void pump(std::size_t maxEvents = SIZE_MAX);

    /// Stops or restarts the timer that pumps (a test steps through a read's events).
    void setAutoPump(bool on);

    /// The screen shown now.
    [[nodiscard]] QWidget* currentScreen() const;

    [[nodiscard]] OutputScreen& outputScreen() const { return *m_output; }

    void showStatistics();
    void showAdmin();

#ifdef CCCD_KIOSK_HAVE_CAMERA
    /// Where the key screen's camera frames come from; by default the camera of
    /// Settings::cameraIndex. A test or a demo gives still images or a video file.
    void setFrameSourceFactory(FrameSourceFactory factory);
#endif

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();
    void retranslate();
    void scanned(const std::string& text);
    void onCardEvent(const CardEvent& event);
    void showOverlay(QWidget* overlay);
    /// Closes the statistics or the (unlocked) admin screen when nobody touched it for the idle
    /// timeout, as the workflow ends a citizen's session.
    void closeIdleOverlay();

    std::unique_ptr<Workflow> m_workflow;
    const Clock& m_clock;
    std::chrono::system_clock::time_point m_overlayTouched;
    AdminPinGuard m_adminPinGuard;
    std::unique_ptr<KioskContext> m_context;
    CardEventQueue m_events;
    QTimer m_timer;
    QTimer m_scanIdle;
    qr::WedgeScanner m_scanner;
    QTranslator m_translator;
    bool m_readerMissing = false;
    QWidget* m_overlay = nullptr;

    QLabel* m_appTitle;
    QLabel* m_readerStatus;
    QPushButton* m_languageButton;
    QPushButton* m_statisticsButton;
    QPushButton* m_adminButton;
    QStackedWidget* m_stack;
    std::map<WorkflowStep, Screen*> m_screens;
    std::vector<Screen*> m_allScreens;
    OutputScreen* m_output = nullptr;
    Screen* m_statistics = nullptr;
    Screen* m_admin = nullptr;
};

/// The kiosk's look: large type and touch-sized buttons.
[[nodiscard]] QString kioskStyleSheet();

} // namespace cccd::kiosk::ui
