#pragma once

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedLayout>

#include "kiosk/ui/Screen.h"

namespace cccd::kiosk::ui {

/// The settings, behind the admin PIN (AdminPin::matches).
class AdminScreen : public Screen {
    Q_OBJECT
public:
    AdminScreen(KioskContext& context, QWidget* parent);
    void retranslate() override;
    void clear() override;

signals:
    void closed();
    void saved();

private:
    void unlock();
    void load();
    void save();

    QStackedLayout* m_pages;
    QLabel* m_pinTitle;
    QLineEdit* m_pin;
    QPushButton* m_unlock;
    QLabel* m_pinProblem;
    QLabel* m_labels[8];
    QLineEdit* m_reader;
    QLineEdit* m_counter;
    QLineEdit* m_clerk;
    QLineEdit* m_forms;
    QLineEdit* m_output;
    QLineEdit* m_endpoint;
    QSpinBox* m_idle;
    QComboBox* m_language;
    QLabel* m_status;
    QPushButton* m_save;
    QPushButton* m_close;
};

} // namespace cccd::kiosk::ui
