#include "kiosk/ui/AdminScreen.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace cccd::kiosk::ui {

AdminScreen::AdminScreen(KioskContext& context, QWidget* parent)
    : Screen(context, parent), m_pages(new QStackedLayout), m_pinTitle(new QLabel(this)),
      m_pin(new QLineEdit(this)), m_unlock(new QPushButton(this)), m_pinProblem(new QLabel(this)),
      m_reader(new QLineEdit(this)), m_counter(new QLineEdit(this)), m_clerk(new QLineEdit(this)),
      m_forms(new QLineEdit(this)), m_output(new QLineEdit(this)), m_endpoint(new QLineEdit(this)),
      m_idle(new QSpinBox(this)), m_language(new QComboBox(this)), m_status(new QLabel(this)),
      m_save(new QPushButton(this)), m_close(new QPushButton(this)) {
    setObjectName("admin");
    m_pinTitle->setProperty("role", "headline");
    m_pin->setObjectName("adminPin");
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setInputMethodHints(Qt::ImhDigitsOnly);
    m_unlock->setObjectName("adminUnlock");
    m_pinProblem->setProperty("role", "problem");
    m_idle->setRange(10, 3600);
    m_language->addItems({"Tiếng Việt", "English"});
    m_save->setObjectName("adminSave");
    m_close->setObjectName("adminClose");
    m_status->setWordWrap(true);

    auto* pinPage = new QWidget(this);
    auto* pinLayout = new QVBoxLayout(pinPage);
    pinLayout->addStretch();
    pinLayout->addWidget(m_pinTitle, 0, Qt::AlignCenter);
    pinLayout->addWidget(m_pin, 0, Qt::AlignCenter);
    pinLayout->addWidget(m_unlock, 0, Qt::AlignCenter);
    pinLayout->addWidget(m_pinProblem, 0, Qt::AlignCenter);
    pinLayout->addStretch();

    auto* settingsPage = new QWidget(this);
    auto* rows = new QFormLayout;
    QWidget* inputs[] = {m_reader, m_counter,  m_clerk, m_forms,
                         m_output, m_endpoint, m_idle,  m_language};
    for (std::size_t i = 0; i < std::size(inputs); ++i) {
        m_labels[i] = new QLabel(settingsPage);
        rows->addRow(m_labels[i], inputs[i]);
    }
    auto* settingsLayout = new QVBoxLayout(settingsPage);
    settingsLayout->addLayout(rows);
    settingsLayout->addWidget(m_status);
    settingsLayout->addStretch();
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_save);
    settingsLayout->addLayout(buttons);

    m_pages->addWidget(pinPage);
    m_pages->addWidget(settingsPage);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_pages, 1);
    layout->addWidget(m_close, 0, Qt::AlignLeft);
    connect(m_unlock, &QPushButton::clicked, this, [this] { unlock(); });
    connect(m_pin, &QLineEdit::returnPressed, this, [this] { unlock(); });
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_close, &QPushButton::clicked, this, [this] {
        clear();
        emit closed();
    });
    retranslate();
}

void AdminScreen::retranslate() {
    m_pinTitle->setText(tr("Nhập mã PIN quản trị"));
    m_unlock->setText(tr("Mở"));
    const QString labels[] = {tr("Đầu đọc (trống: đầu đọc đầu tiên có thẻ)"),
                              tr("Mã quầy"),
                              tr("Mã cán bộ"),
                              tr("Thư mục biểu mẫu"),
                              tr("Thư mục xuất"),
                              tr("Địa chỉ gửi (HTTP)"),
                              tr("Thời gian chờ (giây)"),
                              tr("Ngôn ngữ")};
    for (std::size_t i = 0; i < std::size(labels); ++i) {
        m_labels[i]->setText(labels[i]);
    }
    m_save->setText(tr("Lưu cài đặt"));
    m_close->setText(tr("◀ Quay lại"));
}

void AdminScreen::unlock() {
    std::string pin = m_pin->text().toStdString();
    bool ok = m_context.settings.adminPin.matches(pin);
    std::fill(pin.begin(), pin.end(), '\0');
    m_pin->clear();
    if (!ok) {
        m_pinProblem->setText(tr("Mã PIN không đúng."));
        return;
    }
    m_pinProblem->clear();
    load();
    m_pages->setCurrentIndex(1);
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
    m_language->setCurrentIndex(s.language == Language::English ? 1 : 0);
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
    m_pin->clear();
    m_pinProblem->clear();
    m_pages->setCurrentIndex(0);
}

} // namespace cccd::kiosk::ui
