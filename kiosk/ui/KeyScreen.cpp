#include "kiosk/ui/KeyScreen.h"

#include <QGridLayout>
#include <QVBoxLayout>

#include "base/Error.h"

namespace cccd::kiosk::ui {

namespace {
constexpr int IdDigits = 12; // the personal identification number (cccd.md §1.3)
}

KeyScreen::KeyScreen(KioskContext& context, QWidget* parent)
    : Screen(context, parent), m_title(new QLabel(this)), m_hint(new QLabel(this)),
      m_display(new QLineEdit(this)), m_problem(new QLabel(this)), m_erase(new QPushButton(this)),
      m_clearAll(new QPushButton(this)), m_read(new QPushButton(this)) {
    setObjectName("key");
    m_title->setProperty("role", "headline");
    m_title->setAlignment(Qt::AlignCenter);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_display->setObjectName("idDisplay");
    m_display->setReadOnly(true);
    m_display->setFocusPolicy(Qt::NoFocus);
    m_display->setAlignment(Qt::AlignCenter);
    m_display->setProperty("role", "keypadDisplay");
    m_problem->setProperty("role", "problem");
    m_problem->setAlignment(Qt::AlignCenter);
    m_read->setObjectName("readButton");
    m_read->setProperty("role", "primary");
    m_read->setEnabled(false);

    auto* pad = new QGridLayout;
    for (int digit = 1; digit <= 10; ++digit) {
        QString text = QString::number(digit % 10);
        auto* button = new QPushButton(text, this);
        button->setObjectName("key_" + text);
        button->setProperty("role", "keypad");
        button->setFocusPolicy(Qt::NoFocus);
        connect(button, &QPushButton::clicked, this, [this, text] { press(text); });
        int index = digit == 10 ? 10 : digit - 1;
        pad->addWidget(button, index / 3, index % 3);
    }
    m_erase->setObjectName("keyErase");
    m_clearAll->setObjectName("keyClear");
    for (QPushButton* button : {m_erase, m_clearAll}) {
        button->setProperty("role", "keypadAction");
        button->setFocusPolicy(Qt::NoFocus);
    }
    pad->addWidget(m_clearAll, 3, 0);
    pad->addWidget(m_erase, 3, 2);
    connect(m_erase, &QPushButton::clicked, this, [this] {
        m_display->backspace();
        press({});
    });
    connect(m_clearAll, &QPushButton::clicked, this, [this] { clear(); });
    connect(m_read, &QPushButton::clicked, this, [this] { submit(); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addWidget(m_display);
    layout->addWidget(m_problem);
    auto* padBox = new QWidget(this);
    padBox->setLayout(pad);
    padBox->setMaximumWidth(520);
    layout->addWidget(padBox, 1, Qt::AlignHCenter);
    layout->addWidget(m_read, 0, Qt::AlignHCenter);
    retranslate();
}

void KeyScreen::retranslate() {
    m_title->setText(tr("Mở thẻ"));
    m_hint->setText(
        tr("Quét mã QR trên thẻ bằng máy quét, hoặc nhập số định danh cá nhân (12 số)."));
    m_display->setPlaceholderText(tr("Số định danh cá nhân"));
    m_erase->setText(tr("⌫ Xóa"));
    m_clearAll->setText(tr("Xóa hết"));
    m_read->setText(tr("Đọc thẻ"));
}

void KeyScreen::press(const QString& key) {
    if (!key.isEmpty() && m_display->text().size() < IdDigits) {
        m_display->setText(m_display->text() + key);
    }
    m_problem->clear();
    m_read->setEnabled(m_display->text().size() == IdDigits);
}

void KeyScreen::submit() {
    std::string id = m_display->text().toStdString();
    try {
        m_context.workflow.provideIdNumber(id);
    } catch (const Error&) {
        m_problem->setText(tr("Số định danh phải gồm đúng 12 chữ số."));
        return;
    }
    std::fill(id.begin(), id.end(), '\0');
    clear();
}

void KeyScreen::clear() {
    QString text = m_display->text();
    text.fill(QChar(0));
    m_display->clear();
    m_problem->clear();
    m_read->setEnabled(false);
}

} // namespace cccd::kiosk::ui
