#pragma once

#include <QLabel>
#include <QPushButton>
#include <QTableWidget>

#include "kiosk/ui/PortraitView.h"
#include "kiosk/ui/Screen.h"

namespace cccd::kiosk::ui {

/// Verified: the portrait, every DG13 field and the badges (issuer's signature, chip genuine,
/// card valid, QR matches chip).
class VerifiedScreen : public Screen {
    Q_OBJECT
public:
    VerifiedScreen(KioskContext& context, QWidget* parent);
    void retranslate() override;
    void refresh() override;
    void clear() override;

    /// The label of a citizen attribute ("full_name" -> "Họ, chữ đệm và tên").
    [[nodiscard]] static QString attributeLabel(const std::string& attribute);

private:
    void showBadges();

    QLabel* m_title;
    PortraitView* m_portrait;
    QTableWidget* m_fields;
    QLabel* m_badges[4];
    QPushButton* m_next;
};

} // namespace cccd::kiosk::ui
