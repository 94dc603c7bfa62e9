#pragma once

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QWidget>
#include <array>
#include <optional>
#include <vector>

#include "kiosk/ui/Keypad.h"
#include "mrz/MrzKey.h"

namespace cccd::kiosk::ui {

/// What is wrong with a typed date.
enum class MrzDateProblem {
    NotACalendarDate,  ///< e.g. 31/02/1990
    BirthInTheFuture,  ///< a date of birth after today
    BirthBefore1900,   ///< older than anyone who holds a card
    ExpiryNotIn2000s,  ///< the MRZ writes the expiry as 20YY (chip cards exist since 2004)
    ExpiryBeforeBirth, ///< the dates are swapped or mistyped
};

/// The key screen's last resort: the document number and the dates of birth and expiry as the
/// card prints them, typed on an on-screen keypad, for BAC or PACE with the MRZ password
/// (ICAO 9303-11 §4.3.2). The field being typed is outlined; a full field moves on to the next,
/// and a tap on a field selects it. A date's problem shows next to it as soon as it is complete.
class MrzEntry : public QWidget {
    Q_OBJECT
public:
    explicit MrzEntry(QWidget* parent);

    void retranslate();

    /// Wipes every typed value and problem; the document number is typed next.
    void clear();

    /// Every field complete and without a problem.
    [[nodiscard]] bool complete() const;

    /// The key to try first, then the others a card without expiry may print (cccd.md §2.5
    /// item 3: `991231`, then `<<<<<<`). Throws Error(InvalidArgument) unless complete().
    [[nodiscard]] std::vector<mrz::MrzKey> keys() const;

signals:
    /// A value, a problem or the no-expiry choice changed.
    void changed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum Field { DocumentNumber, DateOfBirth, DateOfExpiry, FieldCount };

    struct Row {
        QLabel* label = nullptr;
        QLineEdit* display = nullptr;
        QLabel* problem = nullptr;
        QString digits; ///< as typed: 9 digits, or a date's ddmmyyyy
    };

    void press(const QString& digit);
    void erase();
    void setNoExpiry(bool on);
    void select(int field);
    void selectNextIncomplete();
    void show(int field);
    [[nodiscard]] std::optional<MrzDateProblem> problemOf(int field) const;
    [[nodiscard]] bool full(int field) const;
    [[nodiscard]] int length(int field) const;

    std::array<Row, FieldCount> m_rows;
    QPushButton* m_noExpiry;
    Keypad* m_keypad;
    int m_active = DocumentNumber;
};

} // namespace cccd::kiosk::ui
