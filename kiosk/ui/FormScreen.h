#pragma once

#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <map>

#include "kiosk/ui/Screen.h"

namespace cccd::kiosk::ui {

/// FillingForm: the form prefilled from the chip; the chip's fields are read-only and marked,
/// the clerk's fields are checked as they are typed (Workflow::setField). Under a chip address
/// stands its current form (today's units): filled in when certain, picked from the candidates
/// when the old commune was split, typed when the tables do not know it.
class FormScreen : public Screen {
    Q_OBJECT
public:
    FormScreen(KioskContext& context, QWidget* parent);
    void retranslate() override;
    void refresh() override;
    void clear() override;

private:
    void build(const FilledForm& form);
    QWidget* currentAddressInput(const FormField& field, const FilledForm& form, QWidget* parent);
    [[nodiscard]] QString conversionNote(const CurrentAddress* address) const;
    void edited(const std::string& fieldId, const QString& value);
    void showProblems();

    QLabel* m_title;
    QScrollArea* m_scroll;
    QLabel* m_summary;
    QPushButton* m_back;
    QPushButton* m_next;
    const FilledForm* m_builtFor = nullptr;
    Language m_builtIn = Language::Vietnamese;
    std::map<std::string, QLabel*> m_problems;
};

} // namespace cccd::kiosk::ui
