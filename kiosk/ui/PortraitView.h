#pragma once

#include <QLabel>

#include "base/Bytes.h"

namespace cccd::kiosk::ui {

/// The chip's portrait on a screen, 240 x 320, whatever its format; when it cannot be shown, a
/// sentence saying why (decodePortrait's problem) in its place.
class PortraitView : public QLabel {
    Q_OBJECT
public:
    explicit PortraitView(QWidget* parent);

    /// Decodes and shows the face image as the chip holds it.
    void showPortrait(ByteView encoded);

    /// Forgets the picture (personal data).
    void forget();
};

} // namespace cccd::kiosk::ui
