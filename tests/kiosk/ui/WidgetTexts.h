#pragma once

// What the kiosk's widgets show, for the GUI tests' "no personal data left" checks.

#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStringList>
#include <QTableWidget>

namespace cccd::kiosktest {

/// Every text a widget of `root` shows or holds.
inline QStringList textsOf(const QWidget& root) {
    QStringList texts;
    for (const QLabel* label : root.findChildren<QLabel*>()) {
        texts << label->text();
    }
    for (const QLineEdit* edit : root.findChildren<QLineEdit*>()) {
        texts << edit->text();
    }
    for (const QTableWidget* table : root.findChildren<QTableWidget*>()) {
        for (int row = 0; row < table->rowCount(); ++row) {
            for (int column = 0; column < table->columnCount(); ++column) {
                if (const QTableWidgetItem* item = table->item(row, column)) {
                    texts << item->text();
                }
            }
        }
    }
    for (const QListWidget* list : root.findChildren<QListWidget*>()) {
        for (int row = 0; row < list->count(); ++row) {
            texts << list->item(row)->text();
        }
    }
    for (const QComboBox* combo : root.findChildren<QComboBox*>()) {
        for (int i = 0; i < combo->count(); ++i) {
            texts << combo->itemText(i);
        }
    }
    for (const QGroupBox* box : root.findChildren<QGroupBox*>()) {
        texts << box->title();
    }
    for (const QPushButton* button : root.findChildren<QPushButton*>()) {
        texts << button->text();
    }
    return texts;
}

} // namespace cccd::kiosktest
