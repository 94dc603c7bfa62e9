#include "kiosk/ui/MessageScreen.h"

#include <QVBoxLayout>

#include "kiosk/core/Failure.h"

namespace cccd::kiosk::ui {

MessageScreen::MessageScreen(KioskContext& context, QWidget* parent, const QString& name)
    : Screen(context, parent), m_title(new QLabel(this)), m_detail(new QLabel(this)),
      m_button(new QPushButton(this)) {
    setObjectName(name);
    m_title->setObjectName("title");
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_title->setProperty("role", "headline");
    m_detail->setAlignment(Qt::AlignCenter);
    m_detail->setWordWrap(true);
    m_button->setObjectName(name + "Button");
    m_button->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(m_title);
    layout->addSpacing(24);
    layout->addWidget(m_detail);
    layout->addSpacing(24);
    layout->addWidget(m_button, 0, Qt::AlignCenter);
    layout->addStretch();
}

WaitingScreen::WaitingScreen(KioskContext& context, QWidget* parent)
    : MessageScreen(context, parent, "waiting") {
    retranslate();
}

void WaitingScreen::retranslate() {
    m_title->setText(tr("Xin mời đặt thẻ căn cước lên đầu đọc"));
    m_detail->setText(
        tr("Có thể quét mã QR trên thẻ trước: việc đọc thẻ bắt đầu ngay khi đặt thẻ."));
}

InterruptedScreen::InterruptedScreen(KioskContext& context, QWidget* parent)
    : MessageScreen(context, parent, "interrupted") {
    retranslate();
}

void InterruptedScreen::retranslate() {
    m_title->setText(tr("Thẻ đã bị nhấc ra khi đang đọc"));
    m_detail->setText(tr("Xin đặt lại thẻ lên đầu đọc và giữ yên: việc đọc sẽ tiếp tục."));
}

FinishedScreen::FinishedScreen(KioskContext& context, QWidget* parent)
    : MessageScreen(context, parent, "finished") {
    m_button->show();
    connect(m_button, &QPushButton::clicked, this, [this] { m_context.workflow.acknowledge(); });
    retranslate();
}

void FinishedScreen::retranslate() {
    m_title->setText(tr("Hoàn tất. Xin mời nhận lại thẻ."));
    m_detail->setText(tr("Dữ liệu của công dân đã được xóa khỏi máy."));
    m_button->setText(tr("Phiên mới"));
}

ErrorScreen::ErrorScreen(KioskContext& context, QWidget* parent)
    : MessageScreen(context, parent, "error") {
    m_button->show();
    m_title->setProperty("role", "error");
    connect(m_button, &QPushButton::clicked, this, [this] { m_context.workflow.acknowledge(); });
    retranslate();
}

void ErrorScreen::retranslate() {
    m_button->setText(tr("Đã hiểu"));
    refresh();
}

void ErrorScreen::refresh() {
    std::optional<FailureReason> reason = m_context.workflow.failure();
    if (!reason) {
        return;
    }
    m_title->setText(qstr(failureCause(*reason).in(m_context.language)));
    m_detail->setText(
        tr("Cách xử lý: %1").arg(qstr(failureRemedy(*reason).in(m_context.language))));
}

} // namespace cccd::kiosk::ui
