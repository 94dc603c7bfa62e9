#pragma once

#include <QPushButton>
#include <QString>
#include <QWidget>

namespace cccd::kiosk::ui {

/// The on-screen digit keypad of a touch counter: 1-9, then "clear all", 0 and "erase". Buttons
/// are named `<prefix>_<digit>`, `<prefix>Erase` and `<prefix>Clear`, so that two keypads on one
/// window stay apart.
class Keypad : public QWidget {
    Q_OBJECT
public:
    Keypad(const QString& prefix, QWidget* parent);

    /// Sets the texts of the two action keys in the current language.
    void retranslate();

signals:
    void digitPressed(const QString& digit);
    void erasePressed();
    void clearPressed();

private:
    QPushButton* m_erase;
    QPushButton* m_clearAll;
};

} // namespace cccd::kiosk::ui
