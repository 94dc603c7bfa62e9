#pragma once

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>

#include "kiosk/ui/Screen.h"

namespace cccd::kiosk::ui {

/// ChoosingProcedure: the form catalog, searched as the clerk types (FormCatalog::search).
class CatalogScreen : public Screen {
    Q_OBJECT
public:
    CatalogScreen(KioskContext& context, const FormCatalog& catalog, QWidget* parent);
    void retranslate() override;
    void refresh() override;
    void clear() override;

private:
    void fill();

    const FormCatalog& m_catalog;
    QLabel* m_title;
    QLineEdit* m_search;
    QListWidget* m_list;
    QLabel* m_groups;
};

} // namespace cccd::kiosk::ui
