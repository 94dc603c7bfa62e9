#pragma once

#include <QLabel>
#include <QPushButton>

#include "kiosk/ui/Screen.h"

namespace cccd::kiosk::ui {

/// A screen of large text with an optional button; the base of the steps that only inform.
class MessageScreen : public Screen {
    Q_OBJECT
public:
    MessageScreen(KioskContext& context, QWidget* parent, const QString& name);

protected:
    QLabel* m_title;
    QLabel* m_detail;
    QPushButton* m_button;
};

/// WaitingForCard: put the card on the reader (or scan its QR first).
class WaitingScreen : public MessageScreen {
    Q_OBJECT
public:
    WaitingScreen(KioskContext& context, QWidget* parent);
    void retranslate() override;
};

/// ReadInterrupted: the card left mid-read; put it back and the read resumes.
class InterruptedScreen : public MessageScreen {
    Q_OBJECT
public:
    InterruptedScreen(KioskContext& context, QWidget* parent);
    void retranslate() override;
};

/// Finished: everything is wiped; take the card.
class FinishedScreen : public MessageScreen {
    Q_OBJECT
public:
    FinishedScreen(KioskContext& context, QWidget* parent);
    void retranslate() override;
};

/// Failed: the cause and the remedy (Failure.h).
class ErrorScreen : public MessageScreen {
    Q_OBJECT
public:
    ErrorScreen(KioskContext& context, QWidget* parent);
    void retranslate() override;
    void refresh() override;
};

} // namespace cccd::kiosk::ui
