#include "kiosk/ui/ReadingScreen.h"

#include <QVBoxLayout>

namespace cccd::kiosk::ui {

ReadingScreen::ReadingScreen(KioskContext& context, QWidget* parent)
    : Screen(context, parent), m_title(new QLabel(this)), m_hint(new QLabel(this)),
      m_bars(new QGridLayout) {
    setObjectName("reading");
    m_title->setProperty("role", "headline");
    m_title->setAlignment(Qt::AlignCenter);
    m_hint->setAlignment(Qt::AlignCenter);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addSpacing(16);
    layout->addLayout(m_bars);
    layout->addStretch();
    retranslate();
}

void ReadingScreen::retranslate() {
    m_title->setText(tr("Đang đọc thẻ…"));
    m_hint->setText(tr("Xin giữ yên thẻ trên đầu đọc."));
}

void ReadingScreen::refresh() {
    for (const auto& [file, progress] : m_context.workflow.progress()) {
        QProgressBar*& bar = m_files[file];
        if (bar == nullptr) {
            int row = m_bars->rowCount();
            m_bars->addWidget(new QLabel(qstr(file), this), row, 0);
            bar = new QProgressBar(this);
            bar->setObjectName("progress_" + qstr(file));
            m_bars->addWidget(bar, row, 1);
        }
        int total = static_cast<int>(progress.totalBytes);
        bar->setRange(0, total > 0 ? total : 0);
        bar->setValue(static_cast<int>(progress.bytesRead));
    }
}

void ReadingScreen::clear() {
    while (QLayoutItem* item = m_bars->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_files.clear();
}

} // namespace cccd::kiosk::ui
