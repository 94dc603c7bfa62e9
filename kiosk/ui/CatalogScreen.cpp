#include "kiosk/ui/CatalogScreen.h"

#include <QVBoxLayout>

#include "kiosk/core/FormCatalog.h"

namespace cccd::kiosk::ui {

CatalogScreen::CatalogScreen(KioskContext& context, const FormCatalog& catalog, QWidget* parent)
    : Screen(context, parent), m_catalog(catalog), m_title(new QLabel(this)),
      m_search(new QLineEdit(this)), m_list(new QListWidget(this)), m_groups(new QLabel(this)) {
    setObjectName("catalog");
    m_title->setProperty("role", "headline");
    m_search->setObjectName("catalogSearch");
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName("catalogList");
    m_list->setProperty("role", "catalog");
    m_groups->setWordWrap(true);
    connect(m_search, &QLineEdit::textChanged, this, [this] { fill(); });
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        m_context.workflow.choose(item->data(Qt::UserRole).toString().toStdString());
    });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_groups);
    retranslate();
}

void CatalogScreen::retranslate() {
    m_title->setText(tr("Chọn thủ tục"));
    m_search->setPlaceholderText(tr("Tìm theo mã hoặc tên thủ tục, có dấu hoặc không dấu"));
    fill();
}

void CatalogScreen::refresh() {
    if (m_list->count() == 0) {
        fill();
    }
}

void CatalogScreen::fill() {
    m_list->clear();
    for (const FormDefinition* form : m_catalog.search(m_search->text().toStdString())) {
        auto* item = new QListWidgetItem(
            qstr(form->code + " — " + form->title.in(m_context.language)), m_list);
        item->setData(Qt::UserRole, qstr(form->id));
        item->setSizeHint(QSize(0, 64));
    }
    QStringList groups;
    for (const ProcedureGroup& group : m_catalog.groups()) {
        groups << qstr(group.title.in(m_context.language));
    }
    m_groups->setText(tr("Nhóm thủ tục liên thông: %1").arg(groups.join("; ")));
}

void CatalogScreen::clear() {
    if (!m_search->text().isEmpty()) {
        m_search->clear();
    }
}

} // namespace cccd::kiosk::ui
