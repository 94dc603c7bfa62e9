#pragma once

#include <QWidget>

#include "kiosk/ui/KioskContext.h"

namespace cccd::kiosk::ui {

/// One page of the kiosk. It only binds to the core: it shows what the workflow holds and turns
/// taps into workflow calls.
class Screen : public QWidget {
    Q_OBJECT
public:
    Screen(KioskContext& context, QWidget* parent) : QWidget(parent), m_context(context) {}

    /// Sets every fixed text in the current language (after a language switch).
    virtual void retranslate() = 0;

    /// Shows the workflow's current data (called after every change while visible).
    virtual void refresh() {}

    /// Forgets everything personal the widgets show (called whenever the screen is not shown).
    virtual void clear() {}

protected:
    KioskContext& m_context;
};

} // namespace cccd::kiosk::ui
