#include "kiosk/ui/PortraitView.h"

#include <QPixmap>

#include "kiosk/ui/PortraitDecoder.h"

namespace cccd::kiosk::ui {

PortraitView::PortraitView(QWidget* parent) : QLabel(parent) {
    setObjectName("portrait");
    setFixedSize(240, 320);
    setAlignment(Qt::AlignCenter);
    setProperty("role", "portrait");
    setWordWrap(true);
}

void PortraitView::showPortrait(ByteView encoded) {
    DecodedPortrait portrait = decodePortrait(encoded);
    if (!portrait.problem) {
        setPixmap(QPixmap::fromImage(
            portrait.image.scaled(size(), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        return;
    }
    setPixmap({});
    switch (*portrait.problem) {
    case PortraitProblem::Missing:
        setText(tr("Chip không có ảnh chân dung"));
        break;
    case PortraitProblem::NotDecodable:
        setText(tr("Ảnh không đọc được: dữ liệu ảnh chân dung trong chip bị hỏng"));
        break;
    case PortraitProblem::NotSupported:
        setText(tr("Không hiển thị được ảnh chân dung (định dạng ảnh chưa hỗ trợ)"));
        break;
    }
}

void PortraitView::forget() {
    setPixmap({});
    clear();
}

} // namespace cccd::kiosk::ui
