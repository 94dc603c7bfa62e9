#include "kiosk/ui/KioskWindow.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

#include "kiosk/core/CurrentAddress.h"
#include "kiosk/ui/AdminScreen.h"
#include "kiosk/ui/CatalogScreen.h"
#include "kiosk/ui/FormScreen.h"
#include "kiosk/ui/KeyScreen.h"
#include "kiosk/ui/MessageScreen.h"
#include "kiosk/ui/OutputScreen.h"
#include "kiosk/ui/ReadingScreen.h"
#include "kiosk/ui/StatisticsScreen.h"
#include "kiosk/ui/VerifiedScreen.h"
#include "qr/QrPayload.h"

namespace cccd::kiosk::ui {

namespace {

constexpr int PumpIntervalMs = 50;
// A keyboard-wedge scanner types a payload in one burst; this much quiet ends it (cccd.md §4.3).
constexpr int ScannerQuietMs = 150;

WorkflowConfig configOf(const Settings& settings) {
    WorkflowConfig config;
    config.counterId = settings.counterId;
    config.clerkId = settings.clerkId;
    config.idleTimeout = settings.idleTimeout;
    config.addressUnits = bundledAddressUnits();
    return config;
}

} // namespace

KioskWindow::KioskWindow(CardService& cards, const FormCatalog& catalog, const Clock& clock,
                         AuditLog* audit, Settings& settings, std::filesystem::path settingsFile,
                         std::filesystem::path auditFile, QWidget* parent)
    : QWidget(parent),
      m_workflow(std::make_unique<Workflow>(cards, catalog, clock, audit, configOf(settings))),
      m_clock(clock), m_adminPinGuard(clock),
      m_context(std::make_unique<KioskContext>(KioskContext{
          *m_workflow, settings, m_adminPinGuard, std::move(settingsFile), std::move(auditFile)})),
      m_appTitle(new QLabel(this)), m_readerStatus(new QLabel(this)),
      m_languageButton(new QPushButton(this)), m_statisticsButton(new QPushButton(this)),
      m_adminButton(new QPushButton(this)), m_stack(new QStackedWidget(this)) {
    setObjectName("kiosk");
    setStyleSheet(kioskStyleSheet());
    m_appTitle->setProperty("role", "appTitle");
    m_readerStatus->setObjectName("readerStatus");
    m_readerStatus->setProperty("role", "status");
    m_languageButton->setObjectName("languageButton");
    m_statisticsButton->setObjectName("statisticsButton");
    m_adminButton->setObjectName("adminButton");
    for (QPushButton* button : {m_languageButton, m_statisticsButton, m_adminButton}) {
        button->setFocusPolicy(Qt::NoFocus);
        button->setProperty("role", "header");
    }
    auto* header = new QHBoxLayout;
    header->addWidget(m_appTitle);
    header->addStretch();
    header->addWidget(m_readerStatus);
    header->addSpacing(16);
    header->addWidget(m_languageButton);
    header->addWidget(m_statisticsButton);
    header->addWidget(m_adminButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);

    KioskContext& context = *m_context;
    auto add = [this](Screen* screen) {
        // Each screen in a scroll area of its own, so that the tallest one (a keypad) never
        // makes the window taller than a 1366x768 display: it scrolls instead.
        auto* scroll = new QScrollArea(m_stack);
        scroll->setWidget(screen);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        m_stack->addWidget(scroll);
        m_allScreens.push_back(screen);
        return screen;
    };
    m_screens[WorkflowStep::WaitingForCard] = add(new WaitingScreen(context, this));
    m_screens[WorkflowStep::ObtainingKey] = add(new KeyScreen(context, this));
    m_screens[WorkflowStep::Reading] = add(new ReadingScreen(context, this));
    m_screens[WorkflowStep::ReadInterrupted] = add(new InterruptedScreen(context, this));
    m_screens[WorkflowStep::Verified] = add(new VerifiedScreen(context, this));
    m_screens[WorkflowStep::ChoosingProcedure] = add(new CatalogScreen(context, catalog, this));
    m_screens[WorkflowStep::FillingForm] = add(new FormScreen(context, this));
    m_output = new OutputScreen(context, this);
    m_screens[WorkflowStep::Output] = add(m_output);
    m_screens[WorkflowStep::Finished] = add(new FinishedScreen(context, this));
    m_screens[WorkflowStep::Failed] = add(new ErrorScreen(context, this));
    auto* statistics = new StatisticsScreen(context, this);
    m_statistics = add(statistics);
    auto* admin = new AdminScreen(context, this);
    m_admin = add(admin);
    auto closeOverlay = [this] {
        m_overlay = nullptr;
        refresh();
    };
    connect(statistics, &StatisticsScreen::closed, this, closeOverlay);
    connect(admin, &AdminScreen::closed, this, closeOverlay);
    connect(admin, &AdminScreen::saved, this,
            [this] { setLanguage(m_context->settings.language); });
    connect(m_languageButton, &QPushButton::clicked, this, [this] {
        setLanguage(language() == Language::Vietnamese ? Language::English : Language::Vietnamese);
    });
    connect(m_statisticsButton, &QPushButton::clicked, this, [this] { showStatistics(); });
    connect(m_adminButton, &QPushButton::clicked, this, [this] { showAdmin(); });

    m_workflow->setObserver([this] { refresh(); });
    cards.setSink(m_events.sink());
    cards.start();
    connect(&m_timer, &QTimer::timeout, this, [this] { pump(); });
    m_timer.start(PumpIntervalMs);
    m_scanIdle.setSingleShot(true);
    connect(&m_scanIdle, &QTimer::timeout, this, [this] {
        if (std::optional<std::string> text = m_scanner.flush()) {
            scanned(*text);
        }
    });
    qApp->installEventFilter(this);
    setLanguage(settings.language);
}

KioskWindow::~KioskWindow() {
    qApp->removeEventFilter(this);
    m_timer.stop();
    m_workflow->setObserver({});
    qApp->removeTranslator(&m_translator);
}

void KioskWindow::pump(std::size_t maxEvents) {
    for (std::size_t handled = 0; handled < maxEvents; ++handled) {
        std::optional<CardEvent> event = m_events.pop(std::chrono::milliseconds(0));
        if (!event) {
            break;
        }
        onCardEvent(*event);
        m_workflow->handle(*event);
    }
    m_workflow->tick();
    closeIdleOverlay();
}

void KioskWindow::setAutoPump(bool on) {
    if (on) {
        m_timer.start(PumpIntervalMs);
    } else {
        m_timer.stop();
    }
}

void KioskWindow::onCardEvent(const CardEvent& event) {
    if (std::holds_alternative<ReaderUnplugged>(event)) {
        m_readerMissing = true;
    } else if (std::holds_alternative<CardPresent>(event)) {
        m_readerMissing = false;
    }
}

void KioskWindow::setLanguage(Language language) {
    m_context->language = language;
    qApp->removeTranslator(&m_translator);
    if (language == Language::English && m_translator.load(":/i18n/kiosk_en.qm")) {
        qApp->installTranslator(&m_translator);
    }
    retranslate();
}

void KioskWindow::retranslate() {
    m_appTitle->setText(tr("Một cửa — Đọc thẻ căn cước"));
    m_languageButton->setText(tr("English"));
    m_statisticsButton->setText(tr("Thống kê"));
    m_adminButton->setText(tr("Quản trị"));
    for (Screen* screen : m_allScreens) {
        screen->retranslate();
    }
    refresh();
}

void KioskWindow::showStatistics() {
    m_statistics->refresh();
    showOverlay(m_statistics);
}

void KioskWindow::showAdmin() {
    showOverlay(m_admin);
}

void KioskWindow::showOverlay(QWidget* overlay) {
    m_overlay = overlay;
    m_overlayTouched = m_clock.now();
    refresh();
}

void KioskWindow::closeIdleOverlay() {
    if (m_overlay == nullptr ||
        m_clock.now() - m_overlayTouched < m_context->settings.idleTimeout) {
        return;
    }
    static_cast<Screen*>(m_overlay)->clear(); // the admin screen locks again
    m_overlay = nullptr;
    refresh();
}

#ifdef CCCD_KIOSK_HAVE_CAMERA
void KioskWindow::setFrameSourceFactory(FrameSourceFactory factory) {
    static_cast<KeyScreen*>(m_screens.at(WorkflowStep::ObtainingKey))
        ->setFrameSourceFactory(std::move(factory));
}
#endif

void KioskWindow::refresh() {
    QString status;
    const char* tone = "good";
    if (m_readerMissing) {
        status = tr("● Không có đầu đọc — cắm lại đầu đọc");
        tone = "bad";
    } else if (m_workflow->cardPresent()) {
        status = tr("● Đầu đọc sẵn sàng · có thẻ");
    } else {
        status = tr("● Đầu đọc sẵn sàng · chưa có thẻ");
        tone = "neutral";
    }
    m_readerStatus->setText(status);
    m_readerStatus->setProperty("tone", tone);
    m_readerStatus->style()->unpolish(m_readerStatus);
    m_readerStatus->style()->polish(m_readerStatus);

    Screen* current =
        m_overlay != nullptr ? static_cast<Screen*>(m_overlay) : m_screens.at(m_workflow->step());
    // Every screen not shown forgets what it showed: nothing personal outlives its step.
    for (Screen* screen : m_allScreens) {
        if (screen != current) {
            screen->clear();
        }
    }
    if (!m_workflow->session().holdsPersonalData()) {
        m_scanner.clear();
    }
    m_stack->setCurrentWidget(current->parentWidget()->parentWidget()); // viewport, scroll area
    current->refresh();
}

QWidget* KioskWindow::currentScreen() const {
    auto* scroll = qobject_cast<QScrollArea*>(m_stack->currentWidget());
    return scroll != nullptr ? scroll->widget() : nullptr;
}

void KioskWindow::scanned(const std::string& text) {
    try {
        m_workflow->provideQr(qr::QrPayload::parse(text));
    } catch (const Error&) {
        // Not a card's QR (another code, or a partial scan): ignored, nothing logged.
    }
}

bool KioskWindow::eventFilter(QObject* watched, QEvent* event) {
    if (m_overlay != nullptr &&
        (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::KeyPress ||
         event->type() == QEvent::TouchBegin)) {
        m_overlayTouched = m_clock.now();
    }
    if (event->type() != QEvent::KeyPress || m_overlay != nullptr) {
        return QWidget::eventFilter(watched, event);
    }
    WorkflowStep step = m_workflow->step();
    bool wantsKey = step == WorkflowStep::WaitingForCard || step == WorkflowStep::ObtainingKey ||
                    step == WorkflowStep::Failed;
    auto* editing = qobject_cast<QLineEdit*>(QApplication::focusWidget());
    if (!wantsKey || (editing != nullptr && !editing->isReadOnly())) {
        return QWidget::eventFilter(watched, event);
    }
    auto* key = static_cast<QKeyEvent*>(event);
    QString typed = key->text();
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
        typed = "\n";
    }
    if (typed.isEmpty()) {
        return QWidget::eventFilter(watched, event);
    }
    for (const std::string& payload : m_scanner.feed(typed.toStdString())) {
        scanned(payload);
    }
    m_scanIdle.start(ScannerQuietMs);
    return true;
}

QString kioskStyleSheet() {
    return R"(
QWidget { font-family: "DejaVu Sans"; font-size: 20px; }
QLabel[role="appTitle"] { font-size: 24px; font-weight: bold; color: #0b4f8a; }
QLabel[role="headline"] { font-size: 34px; font-weight: bold; color: #0b4f8a; }
QLabel[role="error"] { font-size: 34px; font-weight: bold; color: #b00020; }
QLabel[role="problem"] { color: #b00020; font-size: 17px; }
QLabel[role="note"] { color: #37474f; font-size: 17px; }
QLabel[role="status"] { padding: 6px 14px; border-radius: 14px; font-weight: bold; }
QLabel[tone="good"] { background: #dff5e1; color: #1b5e20; }
QLabel[tone="warn"] { background: #fff4d6; color: #7a5300; }
QLabel[tone="bad"] { background: #fde0e0; color: #b00020; }
QLabel[tone="neutral"] { background: #eceff1; color: #37474f; }
QLabel[role="badge"] { padding: 10px; border-radius: 10px; font-weight: bold; }
QLabel[role="portrait"] { border: 2px solid #b0bec5; background: #f5f7f8; }
QPushButton { min-height: 60px; padding: 0 24px; font-size: 22px; border-radius: 10px;
              background: #e3eaf0; border: 1px solid #b0bec5; }
QPushButton:disabled { color: #9e9e9e; background: #f0f0f0; }
QPushButton[role="primary"] { background: #0b6bbf; color: white; font-weight: bold; }
QPushButton[role="primary"]:disabled { background: #9fbfdc; }
QPushButton[role="keypad"] { min-height: 80px; min-width: 120px; font-size: 34px; }
QPushButton[role="keypadAction"] { min-height: 80px; min-width: 120px; font-size: 22px; }
QPushButton[role="big"] { min-height: 110px; font-size: 26px; }
QPushButton[role="header"] { min-height: 48px; font-size: 18px; }
QPushButton[role="choice"] { min-height: 56px; text-align: left; font-size: 20px; }
QPushButton[role="choice"]:checked { background: #0b6bbf; color: white; font-weight: bold; }
QLineEdit { min-height: 48px; padding: 0 10px; font-size: 22px; }
QSpinBox { min-height: 48px; padding: 0 10px; font-size: 22px; }
QLineEdit[role="chip"] { background: #eef3f7; color: #0b3c66; border: 1px dashed #7da3c4; }
QLineEdit[role="shownOnly"] { background: #eceff1; color: #37474f; border: 1px solid #cfd8dc; }
QLineEdit[role="picked"] { background: #f5f7f8; }
QLineEdit[role="keypadDisplay"] { font-size: 40px; min-height: 70px; letter-spacing: 4px; }
QLineEdit[role="mrzField"] { font-size: 34px; min-height: 70px; min-width: 280px;
                             max-width: 300px; letter-spacing: 2px; }
QLineEdit[role="mrzField"][active="true"] { border: 3px solid #0b6bbf; background: #f2f8fd; }
QPushButton[role="choice"]:checked { background: #0b6bbf; color: white; font-weight: bold; }
QListWidget[role="catalog"] { font-size: 22px; }
QGroupBox { font-weight: bold; margin-top: 22px; padding-top: 14px; }
QGroupBox::title { subcontrol-origin: margin; left: 12px; }
QComboBox { min-height: 48px; }
)";
}

} // namespace cccd::kiosk::ui
