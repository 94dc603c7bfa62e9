#include "kiosk/ui/KeyScreen.h"

#include <QHBoxLayout>
#include <QStyle>
#include <QVBoxLayout>

#include "base/Error.h"
#include "base/SecureBytes.h"

namespace cccd::kiosk::ui {

namespace {

constexpr int IdDigits = 12; // the personal identification number (cccd.md §1.3)

void setTone(QLabel* label, const char* tone) {
    label->setProperty("tone", tone);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

} // namespace

KeyScreen::KeyScreen(KioskContext& context, QWidget* parent)
    : Screen(context, parent), m_title(new QLabel(this)), m_hint(new QLabel(this)),
      m_cameraStatus(new QLabel(this)), m_modes(new QStackedWidget(this)),
      m_idPage(new QWidget(this)), m_display(new QLineEdit(m_idPage)), m_problem(new QLabel(this)),
      m_keypad(new Keypad("key", m_idPage)), m_mrz(new MrzEntry(this)),
      m_modeButton(new QPushButton(this)), m_read(new QPushButton(this))
#ifdef CCCD_KIOSK_HAVE_CAMERA
      ,
      m_camera(new CameraQrReader(this))
#endif
{
    setObjectName("key");
    m_title->setProperty("role", "headline");
    m_title->setAlignment(Qt::AlignCenter);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_cameraStatus->setObjectName("cameraStatus");
    m_cameraStatus->setProperty("role", "status");
    m_cameraStatus->hide();
    m_display->setObjectName("idDisplay");
    m_display->setReadOnly(true);
    m_display->setFocusPolicy(Qt::NoFocus);
    m_display->setAlignment(Qt::AlignCenter);
    m_display->setProperty("role", "keypadDisplay");
    m_problem->setObjectName("keyProblem");
    m_problem->setProperty("role", "problem");
    m_problem->setAlignment(Qt::AlignCenter);
    m_modeButton->setObjectName("mrzModeButton");
    m_modeButton->setFocusPolicy(Qt::NoFocus);
    m_read->setObjectName("readButton");
    m_read->setProperty("role", "primary");
    m_read->setFocusPolicy(Qt::NoFocus);
    m_read->setEnabled(false);

    connect(m_keypad, &Keypad::digitPressed, this, [this](const QString& key) { press(key); });
    connect(m_keypad, &Keypad::erasePressed, this, [this] {
        m_display->backspace();
        press({});
    });
    connect(m_keypad, &Keypad::clearPressed, this, [this] { clear(); });
    connect(m_mrz, &MrzEntry::changed, this, [this] {
        m_problem->clear();
        updateReadButton();
    });
    connect(m_modeButton, &QPushButton::clicked, this,
            [this] { setMrzMode(m_modes->currentWidget() != m_mrz); });
    connect(m_read, &QPushButton::clicked, this, [this] { submit(); });
#ifdef CCCD_KIOSK_HAVE_CAMERA
    connect(m_camera, &CameraQrReader::statusChanged, this,
            [this](CameraQrReader::Status status) { showCameraStatus(status); });
    connect(m_camera, &CameraQrReader::payloadFound, this,
            [this](const qr::QrPayload& payload) { cameraFound(payload); });
    connect(m_camera, &CameraQrReader::payloadRejected, this,
            [this](qr::QrField field) { cameraRejected(field); });
#endif

    auto* idLayout = new QVBoxLayout(m_idPage);
    idLayout->setContentsMargins(0, 0, 0, 0);
    idLayout->addWidget(m_display);
    idLayout->addWidget(m_keypad, 1, Qt::AlignCenter);
    m_modes->addWidget(m_idPage);
    m_modes->addWidget(m_mrz);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_modeButton);
    buttons->addSpacing(24);
    buttons->addWidget(m_read);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addWidget(m_cameraStatus, 0, Qt::AlignHCenter);
    layout->addWidget(m_modes, 1);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);
    retranslate();
}

void KeyScreen::retranslate() {
    m_title->setText(tr("Mở thẻ"));
    bool mrzMode = m_modes->currentWidget() == m_mrz;
    if (mrzMode) {
        m_hint->setText(tr("Nhập số thẻ (9 số sau chữ IDVNM ở mặt sau thẻ), ngày sinh và ngày "
                           "hết hạn như in trên thẻ."));
        m_modeButton->setText(tr("← Nhập số định danh"));
    } else {
        m_hint->setText(
            tr("Quét mã QR trên thẻ bằng máy quét, hoặc nhập số định danh cá nhân (12 số)."));
        m_modeButton->setText(tr("Nhập số thẻ và ngày"));
    }
    m_display->setPlaceholderText(tr("Số định danh cá nhân"));
    m_read->setText(tr("Đọc thẻ"));
    m_keypad->retranslate();
    m_mrz->retranslate();
#ifdef CCCD_KIOSK_HAVE_CAMERA
    renderCameraStatus();
#endif
}

void KeyScreen::setMrzMode(bool on) {
    // Whatever was typed in the other mode is wiped: only one key is ever held.
    clear();
    m_modes->setCurrentWidget(on ? static_cast<QWidget*>(m_mrz) : m_idPage);
    retranslate();
}

void KeyScreen::press(const QString& key) {
    if (!key.isEmpty() && m_display->text().size() < IdDigits) {
        m_display->setText(m_display->text() + key);
    }
    m_problem->clear();
    updateReadButton();
}

void KeyScreen::updateReadButton() {
    bool mrzMode = m_modes->currentWidget() == m_mrz;
    m_read->setEnabled(mrzMode ? m_mrz->complete() : m_display->text().size() == IdDigits);
}

void KeyScreen::submit() {
    if (m_modes->currentWidget() == m_mrz) {
        try {
            std::vector<mrz::MrzKey> keys = m_mrz->keys();
            mrz::MrzKey first = keys.front();
            keys.erase(keys.begin());
            m_context.workflow.provideMrz(first, std::move(keys));
        } catch (const Error&) {
            m_problem->setText(tr("Số thẻ hoặc ngày chưa đúng."));
            return;
        }
        clear();
        return;
    }
    std::string id = m_display->text().toStdString();
    try {
        m_context.workflow.provideIdNumber(id);
    } catch (const Error&) {
        m_problem->setText(tr("Số định danh phải gồm đúng 12 chữ số."));
        return;
    }
    wipe(id);
    clear();
}

void KeyScreen::clear() {
    // QLineEdit keeps its own copies (undo history included); clearing is what Qt allows.
    m_display->clear();
    m_problem->clear();
    m_mrz->clear();
    m_read->setEnabled(false);
    if (!isVisible() && m_modes->currentWidget() != m_idPage) {
        // The next session starts with the ID, the usual key.
        m_modes->setCurrentWidget(m_idPage);
        retranslate();
    }
#ifdef CCCD_KIOSK_HAVE_CAMERA
    m_cameraProblem.reset();
    renderCameraStatus();
    if (!isVisible()) {
        m_camera->stop(); // the session moved on
    }
#endif
}

void KeyScreen::showEvent(QShowEvent* event) {
    Screen::showEvent(event);
#ifdef CCCD_KIOSK_HAVE_CAMERA
    if (m_context.workflow.step() == WorkflowStep::ObtainingKey) {
        m_camera->start(m_context.settings.cameraIndex);
    }
#endif
}

void KeyScreen::hideEvent(QHideEvent* event) {
#ifdef CCCD_KIOSK_HAVE_CAMERA
    m_camera->stop();
#endif
    Screen::hideEvent(event);
}

#ifdef CCCD_KIOSK_HAVE_CAMERA

void KeyScreen::setFrameSourceFactory(FrameSourceFactory factory) {
    m_camera->setFrameSourceFactory(std::move(factory));
}

void KeyScreen::showCameraStatus(CameraQrReader::Status status) {
    m_cameraState = status;
    renderCameraStatus();
}

void KeyScreen::cameraFound(const qr::QrPayload& payload) {
    m_cameraProblem.reset();
    m_context.workflow.provideQr(payload);
}

void KeyScreen::cameraRejected(qr::QrField field) {
    m_cameraProblem = field;
    renderCameraStatus();
}

QString KeyScreen::fieldName(qr::QrField field) {
    switch (field) {
    case qr::QrField::Payload:
        return tr("nội dung mã");
    case qr::QrField::PersonalIdNumber:
        return tr("số định danh");
    case qr::QrField::OldIdNumber:
        return tr("số CMND cũ");
    case qr::QrField::FullName:
        return tr("họ và tên");
    case qr::QrField::DateOfBirth:
        return tr("ngày sinh");
    case qr::QrField::Sex:
        return tr("giới tính");
    case qr::QrField::PlaceOfResidence:
        return tr("nơi thường trú");
    case qr::QrField::DateOfIssue:
        return tr("ngày cấp");
    }
    return {};
}

void KeyScreen::renderCameraStatus() {
    if (!m_cameraState) {
        m_cameraStatus->hide();
        return;
    }
    m_cameraStatus->show();
    if (m_cameraProblem) {
        // A QR that is not a card's stays named until the camera finds a card's.
        m_cameraStatus->setText(
            tr("Mã QR này không phải của thẻ căn cước (sai %1)").arg(fieldName(*m_cameraProblem)));
        setTone(m_cameraStatus, "warn");
        return;
    }
    switch (*m_cameraState) {
    case CameraQrReader::Status::Scanning:
        m_cameraStatus->setText(tr("● Camera: đưa mã QR trên thẻ vào trước camera"));
        setTone(m_cameraStatus, "good");
        break;
    case CameraQrReader::Status::Unavailable:
        m_cameraStatus->setText(tr("Không có camera"));
        setTone(m_cameraStatus, "neutral");
        break;
    case CameraQrReader::Status::Stopped:
        m_cameraStatus->setText(tr("Camera đã ngừng gửi hình"));
        setTone(m_cameraStatus, "neutral");
        break;
    }
}

#endif // CCCD_KIOSK_HAVE_CAMERA

} // namespace cccd::kiosk::ui
