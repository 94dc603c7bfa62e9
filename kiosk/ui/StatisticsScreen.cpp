#include "kiosk/ui/StatisticsScreen.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QVBoxLayout>
#include <fstream>

#include "kiosk/core/AuditLog.h"
#include "kiosk/core/Clock.h"
#include "kiosk/core/Statistics.h"

namespace cccd::kiosk::ui {

namespace {

constexpr std::chrono::minutes VietnamOffset{7 * 60}; // the counters' days: UTC+7

std::vector<DayStatistics> loadDays(const KioskContext& context) {
    if (context.auditFile.empty() || !std::filesystem::exists(context.auditFile)) {
        return {};
    }
    return dailyStatistics(AuditLog::read(context.auditFile));
}

} // namespace

StatisticsScreen::StatisticsScreen(KioskContext& context, QWidget* parent)
    : Screen(context, parent), m_title(new QLabel(this)), m_table(new QTableWidget(this)),
      m_status(new QLabel(this)), m_export(new QPushButton(this)), m_close(new QPushButton(this)) {
    setObjectName("statistics");
    m_title->setProperty("role", "headline");
    m_table->setObjectName("statisticsTable");
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_export->setObjectName("exportCsvButton");
    m_close->setObjectName("statisticsClose");
    connect(m_export, &QPushButton::clicked, this, [this] { exportCsv(); });
    connect(m_close, &QPushButton::clicked, this, &StatisticsScreen::closed);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_close);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    retranslate();
}

void StatisticsScreen::retranslate() {
    m_title->setText(tr("Thống kê theo ngày"));
    m_export->setText(tr("Xuất CSV"));
    m_close->setText(tr("◀ Quay lại"));
    refresh();
}

void StatisticsScreen::refresh() {
    std::vector<DayStatistics> days;
    try {
        days = loadDays(m_context);
    } catch (const Error&) {
        m_status->setText(tr("Nhật ký kiểm toán bị lỗi: không đọc được."));
    }
    m_table->clear();
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels(
        {tr("Ngày"), tr("Lượt đọc"), tr("Thành công"), tr("Lỗi theo nguyên nhân")});
    m_table->setRowCount(static_cast<int>(days.size()));
    int row = 0;
    for (const DayStatistics& day : days) {
        QStringList failures;
        for (const auto& [reason, count] : day.failures) {
            failures << QString("%1: %2").arg(qstr(reason)).arg(count);
        }
        m_table->setItem(row, 0, new QTableWidgetItem(qstr(day.date)));
        m_table->setItem(row, 1, new QTableWidgetItem(QString::number(day.reads)));
        m_table->setItem(row, 2, new QTableWidgetItem(QString::number(day.successes)));
        m_table->setItem(row, 3, new QTableWidgetItem(failures.join(", ")));
        ++row;
    }
}

void StatisticsScreen::exportCsv() {
    std::filesystem::path file =
        std::filesystem::path(m_context.settings.outputFolder) /
        ("statistics-" + isoLocalDate(std::chrono::system_clock::now(), VietnamOffset) + ".csv");
    try {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << statisticsCsv(loadDays(m_context));
        if (!out) {
            throw Error(ErrorCode::Io, "cannot write the CSV file");
        }
        m_status->setText(tr("Đã xuất: %1").arg(qstr(file.string())));
    } catch (const Error&) {
        m_status->setText(tr("Không xuất được CSV. Kiểm tra thư mục xuất."));
    }
}

} // namespace cccd::kiosk::ui
