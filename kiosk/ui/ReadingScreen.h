#pragma once

#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <map>

#include "kiosk/ui/Screen.h"

namespace cccd::kiosk::ui {

/// Reading: one progress bar per file of the card, as the worker thread reports them.
class ReadingScreen : public Screen {
    Q_OBJECT
public:
    ReadingScreen(KioskContext& context, QWidget* parent);
    void retranslate() override;
    void refresh() override;
    void clear() override;

private:
    QLabel* m_title;
    QLabel* m_hint;
    QGridLayout* m_bars;
    std::map<std::string, QProgressBar*> m_files;
};

} // namespace cccd::kiosk::ui
