#pragma once

#include <QLabel>
#include <QPushButton>
#include <QTableWidget>

#include "kiosk/ui/Screen.h"

namespace cccd::kiosk::ui {

/// Reads, successes and failures by reason per day, from the audit log; exports CSV.
class StatisticsScreen : public Screen {
    Q_OBJECT
public:
    StatisticsScreen(KioskContext& context, QWidget* parent);
    void retranslate() override;
    void refresh() override;

signals:
    void closed();

private:
    void exportCsv();

    QLabel* m_title;
    QTableWidget* m_table;
    QLabel* m_status;
    QPushButton* m_export;
    QPushButton* m_close;
};

} // namespace cccd::kiosk::ui
