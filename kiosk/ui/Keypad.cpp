#include "kiosk/ui/Keypad.h"

#include <QGridLayout>

namespace cccd::kiosk::ui {

namespace {
constexpr int PadSpacing = 10;                     // apart enough that a finger hits one key
constexpr int PadWidth = 3 * 170 + 2 * PadSpacing; // keys of 120 px, their padding and border
} // namespace

Keypad::Keypad(const QString& prefix, QWidget* parent)
    : QWidget(parent), m_erase(new QPushButton(this)), m_clearAll(new QPushButton(this)) {
    auto* pad = new QGridLayout(this);
    pad->setContentsMargins(0, 0, 0, 0);
    pad->setSpacing(PadSpacing);
    for (int digit = 1; digit <= 10; ++digit) {
        QString text = QString::number(digit % 10);
        auto* button = new QPushButton(text, this);
        button->setObjectName(prefix + "_" + text);
        button->setProperty("role", "keypad");
        button->setFocusPolicy(Qt::NoFocus);
        connect(button, &QPushButton::clicked, this, [this, text] { emit digitPressed(text); });
        int index = digit == 10 ? 10 : digit - 1;
        pad->addWidget(button, index / 3, index % 3);
    }

    m_erase->setObjectName(prefix + "Erase");
    m_clearAll->setObjectName(prefix + "Clear");
    for (QPushButton* button : {m_erase, m_clearAll}) {
        button->setProperty("role", "keypadAction");
        button->setFocusPolicy(Qt::NoFocus);
    }
    pad->addWidget(m_clearAll, 3, 0);
    pad->addWidget(m_erase, 3, 2);
    connect(m_erase, &QPushButton::clicked, this, &Keypad::erasePressed);
    connect(m_clearAll, &QPushButton::clicked, this, &Keypad::clearPressed);
    setMaximumWidth(PadWidth);
    retranslate();
}

void Keypad::retranslate() {
    m_erase->setText(tr("⌫ Xóa"));
    m_clearAll->setText(tr("Xóa hết"));
}

} // namespace cccd::kiosk::ui
