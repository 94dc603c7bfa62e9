#include "kiosk/ui/AdminScreen.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QScrollArea>
#include <QVBoxLayout>
#include <type_traits>

#include "base/SecureBytes.h"

namespace cccd::kiosk::ui {

namespace {

// The lengths AdminPin accepts.
constexpr int MinPinDigits = 4;
constexpr int MaxPinDigits = 12;

// "0:45", "59:30": short, and the same in both languages.
QString minutesAndSeconds(std::chrono::seconds left) {
    auto seconds = static_cast<int>(left.count());
    return QString("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QChar('0'));
}

} // namespace

AdminScreen::AdminScreen(KioskContext& context, QWidget* parent)
    : Screen(context, parent), m_pages(new QStackedLayout), m_pinTitle(new QLabel(this)),
      m_pin(new QLineEdit(this)), m_pinProblem(new QLabel(this)), m_pinErase(new QPushButton(this)),
      m_pinClear(new QPushButton(this)), m_unlock(new QPushButton(this)),
      m_reader(new QLineEdit(this)), m_counter(new QLineEdit(this)), m_clerk(new QLineEdit(this)),
      m_forms(new QLineEdit(this)), m_output(new QLineEdit(this)), m_endpoint(new QLineEdit(this)),
      m_idle(new QSpinBox(this)), m_readTimeout(new QSpinBox(this)), m_camera(new QSpinBox(this)),
      m_trust(new QLineEdit(this)), m_language(new QComboBox(this)),
      m_auditKey(new QLineEdit(this)), m_status(new QLabel(this)), m_save(new QPushButton(this)),
      m_close(new QPushButton(this)) {
    setObjectName("admin");
    m_pages->addWidget(buildPinPage());
    // Twelve settings are taller than a 768-pixel screen: the page scrolls.
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(buildSettingsPage());
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_pages->addWidget(scroll);
    m_close->setObjectName("adminClose");
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_pages, 1);
    layout->addWidget(m_close, 0, Qt::AlignLeft);
    connect(m_close, &QPushButton::clicked, this, [this] {
        clear();
        emit closed();
    });
    // While locked, the time left counts down once a second.
    m_lockoutTick.setInterval(1000);
    connect(&m_lockoutTick, &QTimer::timeout, this, [this] { showPinState(); });
    retranslate();
}

QWidget* AdminScreen::buildPinPage() {
    auto* page = new QWidget(this);
    m_pinTitle->setProperty("role", "headline");
    m_pinTitle->setAlignment(Qt::AlignCenter);
    // Shown as dots only; typed on the keypad below, never by a keyboard.
    m_pin->setObjectName("adminPin");
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setReadOnly(true);
    m_pin->setFocusPolicy(Qt::NoFocus);
    m_pin->setAlignment(Qt::AlignCenter);
    m_pin->setMaxLength(MaxPinDigits);
    m_pin->setProperty("role", "keypadDisplay");
    m_pin->setMaximumWidth(520);
    m_pinProblem->setObjectName("adminPinProblem");
    m_pinProblem->setProperty("role", "problem");
    m_pinProblem->setAlignment(Qt::AlignCenter);
    m_pinProblem->setWordWrap(true);
    m_unlock->setObjectName("adminUnlock");
    m_unlock->setProperty("role", "primary");
    m_unlock->setMinimumWidth(240);

    // The key screen's layout: 1-9 in rows, then clear, 0, erase.
    auto* pad = new QGridLayout;
    for (int digit = 1; digit <= 10; ++digit) {
        QString text = QString::number(digit % 10);
        auto* button = new QPushButton(text, page);
        button->setObjectName("pinKey_" + text);
        button->setProperty("role", "keypad");
        connect(button, &QPushButton::clicked, this, [this, text] { press(text); });
        int index = digit == 10 ? 10 : digit - 1;
        pad->addWidget(button, index / 3, index % 3);
        m_pinKeys.push_back(button);
    }
    m_pinErase->setObjectName("pinErase");
    m_pinClear->setObjectName("pinClear");
    for (QPushButton* button : {m_pinErase, m_pinClear}) {
        button->setProperty("role", "keypadAction");
        m_pinKeys.push_back(button);
    }
    for (QPushButton* button : m_pinKeys) {
        button->setFocusPolicy(Qt::NoFocus);
    }
    pad->addWidget(m_pinClear, 3, 0);
    pad->addWidget(m_pinErase, 3, 2);
    connect(m_pinErase, &QPushButton::clicked, this, [this] {
        m_pin->backspace();
        showPinState();
    });
    connect(m_pinClear, &QPushButton::clicked, this, [this] {
        forgetPin();
        showPinState();
    });
    connect(m_unlock, &QPushButton::clicked, this, [this] { unlock(); });

    auto* padBox = new QWidget(page);
    padBox->setLayout(pad);
    padBox->setMaximumWidth(520);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_pinTitle);
    layout->addWidget(m_pin, 0, Qt::AlignHCenter);
    layout->addWidget(m_pinProblem);
    layout->addWidget(padBox, 1, Qt::AlignHCenter);
    layout->addWidget(m_unlock, 0, Qt::AlignHCenter);
    return page;
}

QWidget* AdminScreen::buildSettingsPage() {
    auto* page = new QWidget(this);
    m_idle->setRange(10, 3600);
    m_language->addItems({"Tiếng Việt", "English"});
    // Where the key lives is for whoever installs the kiosk, in the settings file, not for the
    // touch screen: shown so that it can be checked.
    m_auditKey->setObjectName("adminAuditKeyFile");
    m_auditKey->setReadOnly(true);
    m_auditKey->setFocusPolicy(Qt::NoFocus);
    m_auditKey->setProperty("role", "shownOnly");
    m_status->setWordWrap(true);
    m_save->setObjectName("adminSave");

    m_readTimeout->setObjectName("adminReadTimeout");
    m_readTimeout->setRange(1, 120); // Settings: read_timeout_s
    m_camera->setObjectName("adminCamera");
    m_camera->setRange(0, 63); // /dev/video0 .. /dev/video63
    m_trust->setObjectName("adminTrust");

    auto* rows = new QFormLayout;
    QWidget* inputs[] = {m_reader, m_camera,   m_trust, m_counter,     m_clerk,    m_forms,
                         m_output, m_endpoint, m_idle,  m_readTimeout, m_language, m_auditKey};
    static_assert(std::size(inputs) == std::extent_v<decltype(m_labels)>);
    for (std::size_t i = 0; i < std::size(inputs); ++i) {
        m_labels[i] = new QLabel(page);
        rows->addRow(m_labels[i], inputs[i]);
    }
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(rows);
    layout->addWidget(m_status);
    layout->addStretch();
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    return page;
}

void AdminScreen::retranslate() {
    m_pinTitle->setText(tr("Nhập mã PIN quản trị"));
    m_pinErase->setText(tr("⌫ Xóa"));
    m_pinClear->setText(tr("Xóa hết"));
    m_unlock->setText(tr("Mở"));
    const QString labels[] = {tr("Đầu đọc (trống: đầu đọc đầu tiên có thẻ)"),
                              tr("Camera (số thiết bị)"),
                              tr("Kho tin cậy (tệp CSCA hoặc danh sách chủ, ngăn cách bằng ;)"),
                              tr("Mã quầy"),
                              tr("Mã cán bộ"),
                              tr("Thư mục biểu mẫu"),
                              tr("Thư mục xuất"),
                              tr("Địa chỉ gửi (HTTP)"),
                              tr("Thời gian chờ (giây)"),
                              tr("Thời gian đọc thẻ tối đa (giây)"),
                              tr("Ngôn ngữ"),
                              tr("Tệp khóa nhật ký (chỉ xem)")};
    for (std::size_t i = 0; i < std::size(labels); ++i) {
        m_labels[i]->setText(labels[i]);
    }
    m_auditKey->setPlaceholderText(tr("mặc định: thư mục cấu hình của ứng dụng"));
    m_save->setText(tr("Lưu cài đặt"));
    m_close->setText(tr("◀ Quay lại"));
    showPinState();
}

void AdminScreen::refresh() {
    showPinState();
}

void AdminScreen::press(const QString& digit) {
    if (m_pin->text().size() < MaxPinDigits) {
        m_pin->setText(m_pin->text() + digit);
    }
    showPinState();
}

void AdminScreen::forgetPin() {
    m_pin->clear();
}

// The keypad as the guard allows: locked, it shows the time left and takes no digits.
void AdminScreen::showPinState() {
    const AdminPinGuard& guard = m_context.adminPinGuard;
    bool locked = guard.lockedOut();
    for (QPushButton* key : m_pinKeys) {
        key->setEnabled(!locked);
    }
    m_unlock->setEnabled(!locked && m_pin->text().size() >= MinPinDigits);
    if (locked) {
        forgetPin();
        m_wrongPin = false;
        m_pinProblem->setText(tr("Đã nhập sai mã PIN %1 lần liên tiếp. Thử lại sau %2.")
                                  .arg(AdminPinGuard::AttemptsBeforeLockout)
                                  .arg(minutesAndSeconds(guard.lockoutRemaining())));
        if (!m_lockoutTick.isActive()) {
            m_lockoutTick.start();
        }
        return;
    }
    m_lockoutTick.stop();
    if (m_wrongPin) {
        m_pinProblem->setText(
            tr("Mã PIN không đúng. Còn %n lần thử.", nullptr, guard.attemptsLeft()));
    } else {
        m_pinProblem->clear();
    }
}

void AdminScreen::unlock() {
    std::string pin = m_pin->text().toStdString();
    forgetPin();
    PinAttemptResult result = m_context.adminPinGuard.attempt(m_context.settings.adminPin, pin);
    wipe(pin);
    m_wrongPin = false;
    switch (result) {
    case PinAttemptResult::Accepted:
        load();
        m_pages->setCurrentIndex(1);
        break;
    case PinAttemptResult::Rejected:
        m_wrongPin = true;
        break;
    case PinAttemptResult::LockedOut:
        break;
    }
    showPinState();
}

void AdminScreen::load() {
    const Settings& s = m_context.settings;
    m_reader->setText(qstr(s.readerName));
    m_counter->setText(qstr(s.counterId));
    m_clerk->setText(qstr(s.clerkId));
    m_forms->setText(qstr(s.formsFolder));
    m_output->setText(qstr(s.outputFolder));
    m_endpoint->setText(qstr(s.endpointUrl));
    m_idle->setValue(static_cast<int>(s.idleTimeout.count()));
    m_readTimeout->setValue(static_cast<int>(s.readTimeout.count()));
    m_camera->setValue(s.cameraIndex);
    QStringList trust;
    for (const std::string& path : s.trustStorePaths) {
        trust << qstr(path);
    }
    m_trust->setText(trust.join("; "));
    m_language->setCurrentIndex(s.language == Language::English ? 1 : 0);
    m_auditKey->setText(qstr(s.auditKeyFile));
    m_status->clear();
}

void AdminScreen::save() {
    Settings& s = m_context.settings;
    s.readerName = m_reader->text().toStdString();
    s.counterId = m_counter->text().toStdString();
    s.clerkId = m_clerk->text().toStdString();
    s.formsFolder = m_forms->text().toStdString();
    s.outputFolder = m_output->text().toStdString();
    s.endpointUrl = m_endpoint->text().toStdString();
    s.idleTimeout = std::chrono::seconds(m_idle->value());
    s.readTimeout = std::chrono::seconds(m_readTimeout->value());
    s.cameraIndex = m_camera->value();
    s.trustStorePaths.clear();
    for (const QString& path : m_trust->text().split(';', Qt::SkipEmptyParts)) {
        if (!path.trimmed().isEmpty()) {
            s.trustStorePaths.push_back(path.trimmed().toStdString());
        }
    }
    s.language = m_language->currentIndex() == 1 ? Language::English : Language::Vietnamese;
    std::vector<SettingsProblem> problems = s.validate();
    if (!problems.empty()) {
        QStringList names;
        for (const SettingsProblem& problem : problems) {
            names << QString("%1 (%2)").arg(qstr(problem.key),
                                            qstr(std::string(settingsProblemName(problem.kind))));
        }
        m_status->setText(tr("Cài đặt chưa hợp lệ: %1").arg(names.join(", ")));
        return;
    }
    if (!m_context.settingsFile.empty()) {
        try {
            s.save(m_context.settingsFile);
        } catch (const Error&) {
            m_status->setText(tr("Không ghi được tệp cài đặt."));
            return;
        }
    }
    m_status->setText(tr("Đã lưu. Một số thay đổi có hiệu lực sau khi khởi động lại."));
    emit saved();
}

void AdminScreen::clear() {
    forgetPin();
    m_wrongPin = false;
    m_pinProblem->clear();
    m_lockoutTick.stop();
    m_pages->setCurrentIndex(0);
}

} // namespace cccd::kiosk::ui
