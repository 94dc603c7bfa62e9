#pragma once

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedLayout>
#include <QTimer>
#include <vector>

#include "kiosk/ui/Screen.h"

namespace cccd::kiosk::ui {

/// The settings, behind the admin PIN: typed on an on-screen keypad (the kiosk has no keyboard)
/// and checked through the kiosk's AdminPinGuard, which locks the keypad after wrong PINs.
class AdminScreen : public Screen {
    Q_OBJECT
public:
    AdminScreen(KioskContext& context, QWidget* parent);
    void retranslate() override;
    void refresh() override;
    void clear() override;

signals:
    void closed();
    void saved();

private:
    QWidget* buildPinPage();
    QWidget* buildSettingsPage();
    void press(const QString& digit);
    void forgetPin();
    void showPinState();
    void unlock();
    void load();
    void save();

    QStackedLayout* m_pages;
    QLabel* m_pinTitle;
    QLineEdit* m_pin;
    QLabel* m_pinProblem;
    std::vector<QPushButton*> m_pinKeys; ///< the ten digits, erase and clear
    QPushButton* m_pinErase;
    QPushButton* m_pinClear;
    QPushButton* m_unlock;
    QTimer m_lockoutTick;
    bool m_wrongPin = false; ///< the last try was wrong (and did not lock)
    QLabel* m_labels[12];
    QLineEdit* m_reader;
    QLineEdit* m_counter;
    QLineEdit* m_clerk;
    QLineEdit* m_forms;
    QLineEdit* m_output;
    QLineEdit* m_endpoint;
    QSpinBox* m_idle;
    QSpinBox* m_readTimeout;
    QSpinBox* m_camera;
    QLineEdit* m_trust; ///< trust store paths, separated by ';'
    QComboBox* m_language;
    QLineEdit* m_auditKey;
    QLabel* m_status;
    QPushButton* m_save;
    QPushButton* m_close;
};

} // namespace cccd::kiosk::ui
