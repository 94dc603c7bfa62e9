#include "kiosk/ui/VerifiedScreen.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QStyle>
#include <QVBoxLayout>

#include "kiosk/core/CitizenRecord.h"

namespace cccd::kiosk::ui {

namespace {

void setBadge(QLabel* label, const QString& text, const char* tone) {
    label->setText(text);
    label->setProperty("tone", tone);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

} // namespace

VerifiedScreen::VerifiedScreen(KioskContext& context, QWidget* parent)
    : Screen(context, parent), m_title(new QLabel(this)), m_portrait(new PortraitView(this)),
      m_fields(new QTableWidget(this)), m_next(new QPushButton(this)) {
    setObjectName("verified");
    m_title->setProperty("role", "headline");
    m_fields->setObjectName("citizenTable");
    m_fields->setColumnCount(2);
    m_fields->horizontalHeader()->setVisible(false);
    m_fields->verticalHeader()->setVisible(false);
    m_fields->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_fields->horizontalHeader()->setStretchLastSection(true);
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->setSelectionMode(QAbstractItemView::NoSelection);
    m_fields->setWordWrap(true);
    m_next->setObjectName("verifiedNext");
    m_next->setProperty("role", "primary");
    connect(m_next, &QPushButton::clicked, this, [this] { m_context.workflow.proceed(); });

    auto* badges = new QHBoxLayout;
    for (QLabel*& badge : m_badges) {
        badge = new QLabel(this);
        badge->setProperty("role", "badge");
        badge->setAlignment(Qt::AlignCenter);
        badge->setWordWrap(true);
        badges->addWidget(badge);
    }
    auto* body = new QHBoxLayout;
    body->addWidget(m_portrait, 0, Qt::AlignTop);
    body->addWidget(m_fields, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(badges);
    layout->addLayout(body, 1);
    layout->addWidget(m_next, 0, Qt::AlignRight);
    retranslate();
}

QString VerifiedScreen::attributeLabel(const std::string& attribute) {
    static const std::map<std::string, const char*> labels = {
        {"personal_id_number", QT_TRANSLATE_NOOP("Attribute", "Số định danh cá nhân")},
        {"full_name", QT_TRANSLATE_NOOP("Attribute", "Họ, chữ đệm và tên")},
        {"date_of_birth", QT_TRANSLATE_NOOP("Attribute", "Ngày sinh")},
        {"sex", QT_TRANSLATE_NOOP("Attribute", "Giới tính")},
        {"nationality", QT_TRANSLATE_NOOP("Attribute", "Quốc tịch")},
        {"ethnicity", QT_TRANSLATE_NOOP("Attribute", "Dân tộc")},
        {"religion", QT_TRANSLATE_NOOP("Attribute", "Tôn giáo")},
        {"place_of_origin", QT_TRANSLATE_NOOP("Attribute", "Quê quán")},
        {"place_of_residence", QT_TRANSLATE_NOOP("Attribute", "Nơi thường trú")},
        {"identifying_marks", QT_TRANSLATE_NOOP("Attribute", "Đặc điểm nhận dạng")},
        {"date_of_issue", QT_TRANSLATE_NOOP("Attribute", "Ngày cấp")},
        {"date_of_expiry", QT_TRANSLATE_NOOP("Attribute", "Có giá trị đến")},
        {"father_name", QT_TRANSLATE_NOOP("Attribute", "Họ tên cha")},
        {"mother_name", QT_TRANSLATE_NOOP("Attribute", "Họ tên mẹ")},
        {"spouse_name", QT_TRANSLATE_NOOP("Attribute", "Họ tên vợ/chồng")},
        {"old_id_number", QT_TRANSLATE_NOOP("Attribute", "Số CMND cũ")},
    };
    auto found = labels.find(attribute);
    return found == labels.end() ? qstr(attribute)
                                 : QCoreApplication::translate("Attribute", found->second);
}

void VerifiedScreen::retranslate() {
    m_title->setText(tr("Danh tính đã xác thực"));
    m_next->setText(tr("Chọn thủ tục ▶"));
    refresh();
}

void VerifiedScreen::refresh() {
    const SessionData& session = m_context.workflow.session();
    if (m_context.workflow.step() != WorkflowStep::Verified || session.citizen.empty()) {
        return;
    }
    const std::vector<std::string>& attributes = citizenAttributes();
    m_fields->setRowCount(static_cast<int>(attributes.size()));
    int row = 0;
    for (const std::string& attribute : attributes) {
        m_fields->setItem(row, 0, new QTableWidgetItem(attributeLabel(attribute)));
        m_fields->setItem(row, 1, new QTableWidgetItem(qstr(session.citizen.value(attribute))));
        ++row;
    }
    m_fields->resizeRowsToContents();
    m_portrait->showPortrait(session.portrait.view());
    showBadges();
}

void VerifiedScreen::showBadges() {
    const std::optional<IdentityBadges>& badges = m_context.workflow.session().badges;
    if (!badges) {
        return;
    }
    if (badges->signedByIssuer) {
        setBadge(m_badges[0], tr("✔ Dữ liệu do cơ quan cấp thẻ ký"), "good");
    } else if (badges->issuerUnknown) {
        setBadge(m_badges[0], tr("? Chữ ký của CSCA không có trong kho tin cậy"), "warn");
    } else {
        setBadge(m_badges[0], tr("✘ Chữ ký dữ liệu không hợp lệ"), "bad");
    }
    switch (badges->chip) {
    case reader::ChipVerdict::Genuine:
        setBadge(m_badges[1], tr("✔ Chip thật (CA/AA)"), "good");
        break;
    case reader::ChipVerdict::PossibleClone:
        setBadge(m_badges[1], tr("✘ Chip có thể là bản sao"), "bad");
        break;
    case reader::ChipVerdict::NotChecked:
        setBadge(m_badges[1], tr("– Chip chưa được kiểm tra"), "warn");
        break;
    }
    setBadge(m_badges[2], badges->cardValid ? tr("✔ Thẻ còn hạn") : tr("✘ Thẻ hết hạn"),
             badges->cardValid ? "good" : "bad");
    if (!badges->qrMatchesChip) {
        setBadge(m_badges[3], tr("– Chưa quét mã QR"), "neutral");
    } else if (*badges->qrMatchesChip) {
        setBadge(m_badges[3], tr("✔ Mã QR khớp với chip"), "good");
    } else {
        setBadge(m_badges[3], tr("✘ Mã QR không khớp với chip"), "bad");
    }
}

void VerifiedScreen::clear() {
    m_fields->clearContents();
    m_fields->setRowCount(0);
    m_portrait->forget();
}

} // namespace cccd::kiosk::ui
