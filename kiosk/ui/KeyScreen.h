#pragma once

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include "kiosk/ui/Screen.h"

namespace cccd::kiosk::ui {

/// ObtainingKey: the 12-digit ID typed on an on-screen keypad (its last six digits are the
/// CAN), or the QR scanned with the USB scanner (the window feeds the scanner's keystrokes).
class KeyScreen : public Screen {
    Q_OBJECT
public:
    KeyScreen(KioskContext& context, QWidget* parent);
    void retranslate() override;
    void clear() override;

private:
    void press(const QString& key);
    void submit();

    QLabel* m_title;
    QLabel* m_hint;
    QLineEdit* m_display;
    QLabel* m_problem;
    QPushButton* m_erase;
    QPushButton* m_clearAll;
    QPushButton* m_read;
};

} // namespace cccd::kiosk::ui
