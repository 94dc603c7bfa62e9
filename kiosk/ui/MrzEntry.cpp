#include "kiosk/ui/MrzEntry.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QStyle>
#include <QVBoxLayout>
#include <chrono>

#include "base/Error.h"
#include "base/SecureBytes.h"
#include "mrz/MrzDate.h"
#include "qr/ExpiryRule.h"

namespace cccd::kiosk::ui {

namespace {

namespace chr = std::chrono;

constexpr int DocumentNumberDigits = 9; // ID digits 4-12 (cccd.md §2.1, §2.2)
constexpr int DateDigits = 8;           // ddmmyyyy, as the card prints dd/mm/yyyy
constexpr int ProblemHeight = 26;       // one line of a problem's type
// A card without expiry (cccd.md §2.5 item 3): the one sample prints 991231; ICAO 9303-3 allows
// a field of fillers. Tried in this order.
constexpr const char* NoExpiryPrinted = "991231";
constexpr const char* NoExpiryFiller = "<<<<<<";

std::optional<chr::year_month_day> dateOf(const QString& ddmmyyyy) {
    if (ddmmyyyy.size() != DateDigits) {
        return std::nullopt;
    }
    chr::year_month_day date{chr::year{ddmmyyyy.mid(4, 4).toInt()},
                             chr::month{ddmmyyyy.mid(2, 2).toUInt()},
                             chr::day{ddmmyyyy.left(2).toUInt()}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return date;
}

/// ddmmyyyy as far as typed, with the card's slashes: "1405" is "14/05".
QString asPrinted(const QString& digits) {
    QString out = digits.left(2);
    if (digits.size() > 2) {
        out += "/" + digits.mid(2, 2);
    }
    if (digits.size() > 4) {
        out += "/" + digits.mid(4);
    }
    return out;
}

void wipe(QString& text) {
    text.fill(QChar(0));
    text.clear();
}

} // namespace

MrzEntry::MrzEntry(QWidget* parent)
    : QWidget(parent), m_noExpiry(new QPushButton(this)), m_keypad(new Keypad("mrzKey", this)) {
    const std::array<const char*, FieldCount> names{"mrzDocumentNumber", "mrzDateOfBirth",
                                                    "mrzDateOfExpiry"};
    auto* form = new QGridLayout;
    form->setVerticalSpacing(4);
    for (int field = 0; field < FieldCount; ++field) {
        Row& row = m_rows[field];
        row.label = new QLabel(this);
        row.display = new QLineEdit(this);
        row.display->setObjectName(names[field]);
        row.display->setReadOnly(true);
        row.display->setFocusPolicy(Qt::NoFocus);
        row.display->setProperty("role", "mrzField");
        row.display->installEventFilter(this);
        row.problem = new QLabel(this);
        row.problem->setObjectName(QString(names[field]) + "Problem");
        row.problem->setProperty("role", "problem");
        row.problem->setWordWrap(true);
        row.problem->setMinimumHeight(ProblemHeight); // a problem appearing moves nothing
        form->addWidget(row.label, field * 2, 0);
        form->addWidget(row.display, field * 2, 1);
        form->addWidget(row.problem, field * 2 + 1, 1, 1, 2);
    }
    m_noExpiry->setObjectName("mrzNoExpiry");
    m_noExpiry->setCheckable(true);
    m_noExpiry->setProperty("role", "choice");
    m_noExpiry->setFocusPolicy(Qt::NoFocus);
    form->addWidget(m_noExpiry, DateOfExpiry * 2, 2);

    connect(m_noExpiry, &QPushButton::toggled, this, [this](bool on) { setNoExpiry(on); });
    connect(m_keypad, &Keypad::digitPressed, this, [this](const QString& digit) { press(digit); });
    connect(m_keypad, &Keypad::erasePressed, this, [this] { erase(); });
    connect(m_keypad, &Keypad::clearPressed, this, [this] { clear(); });

    auto* column = new QVBoxLayout;
    column->addStretch();
    column->addLayout(form);
    column->addStretch();
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch();
    layout->addLayout(column);
    layout->addSpacing(32);
    layout->addWidget(m_keypad, 0, Qt::AlignVCenter);
    layout->addStretch();
    retranslate();
    select(DocumentNumber);
}

void MrzEntry::retranslate() {
    m_rows[DocumentNumber].label->setText(tr("Số thẻ"));
    m_rows[DocumentNumber].display->setPlaceholderText(tr("9 số"));
    m_rows[DateOfBirth].label->setText(tr("Ngày sinh"));
    m_rows[DateOfExpiry].label->setText(tr("Có giá trị đến"));
    for (int field : {DateOfBirth, DateOfExpiry}) {
        m_rows[field].display->setPlaceholderText(tr("ngày/tháng/năm"));
    }
    m_noExpiry->setText(tr("Không thời hạn"));
    m_keypad->retranslate();
    for (int field = 0; field < FieldCount; ++field) {
        show(field);
    }
}

bool MrzEntry::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::MouseButtonPress) {
        for (int field = 0; field < FieldCount; ++field) {
            if (watched != m_rows[field].display) {
                continue;
            }
            if (field == DateOfExpiry && m_noExpiry->isChecked()) {
                m_noExpiry->setChecked(false); // selects the expiry
            } else {
                select(field);
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

int MrzEntry::length(int field) const {
    return field == DocumentNumber ? DocumentNumberDigits : DateDigits;
}

bool MrzEntry::full(int field) const {
    return m_rows[field].digits.size() == length(field);
}

void MrzEntry::press(const QString& digit) {
    if (m_active == DateOfExpiry && m_noExpiry->isChecked()) {
        return;
    }
    Row& row = m_rows[m_active];
    if (full(m_active)) {
        return;
    }
    row.digits += digit;
    if (full(m_active) && !problemOf(m_active)) {
        selectNextIncomplete();
    }
    for (int field = 0; field < FieldCount; ++field) {
        show(field);
    }
    emit changed();
}

void MrzEntry::erase() {
    if (m_rows[m_active].digits.isEmpty() && m_active > DocumentNumber) {
        select(m_active - 1);
    }
    m_rows[m_active].digits.chop(1);
    for (int field = 0; field < FieldCount; ++field) {
        show(field);
    }
    emit changed();
}

void MrzEntry::setNoExpiry(bool on) {
    wipe(m_rows[DateOfExpiry].digits);
    if (on) {
        selectNextIncomplete();
    } else {
        select(DateOfExpiry);
    }
    show(DateOfExpiry);
    emit changed();
}

void MrzEntry::clear() {
    for (Row& row : m_rows) {
        wipe(row.digits);
        QString shown = row.display->text();
        wipe(shown);
        row.display->clear();
    }
    m_noExpiry->blockSignals(true);
    m_noExpiry->setChecked(false);
    m_noExpiry->blockSignals(false);
    select(DocumentNumber);
    for (int field = 0; field < FieldCount; ++field) {
        show(field);
    }
    emit changed();
}

void MrzEntry::select(int field) {
    m_active = field;
    for (int each = 0; each < FieldCount; ++each) {
        QLineEdit* display = m_rows[each].display;
        display->setProperty("active", each == field);
        display->style()->unpolish(display);
        display->style()->polish(display);
    }
}

void MrzEntry::selectNextIncomplete() {
    for (int field = 0; field < FieldCount; ++field) {
        bool skipped = field == DateOfExpiry && m_noExpiry->isChecked();
        if (!skipped && !full(field)) {
            select(field);
            return;
        }
    }
}

void MrzEntry::show(int field) {
    Row& row = m_rows[field];
    if (field == DateOfExpiry && m_noExpiry->isChecked()) {
        row.display->setText(tr("Không thời hạn"));
    } else {
        row.display->setText(field == DocumentNumber ? row.digits : asPrinted(row.digits));
    }
    std::optional<MrzDateProblem> problem = problemOf(field);
    if (!problem) {
        row.problem->clear();
        return;
    }
    switch (*problem) {
    case MrzDateProblem::NotACalendarDate:
        row.problem->setText(tr("Không có ngày này: nhập ngày, tháng, năm như in trên thẻ."));
        break;
    case MrzDateProblem::BirthInTheFuture:
        row.problem->setText(tr("Ngày sinh không thể sau hôm nay."));
        break;
    case MrzDateProblem::BirthBefore1900:
        row.problem->setText(tr("Năm sinh phải từ 1900 trở đi."));
        break;
    case MrzDateProblem::ExpiryNotIn2000s:
        row.problem->setText(tr("Năm hết hạn phải từ 2000 đến 2099."));
        break;
    case MrzDateProblem::ExpiryBeforeBirth:
        row.problem->setText(tr("Ngày hết hạn phải sau ngày sinh."));
        break;
    }
}

std::optional<MrzDateProblem> MrzEntry::problemOf(int field) const {
    if (field == DocumentNumber || !full(field)) {
        return std::nullopt;
    }
    if (field == DateOfExpiry && m_noExpiry->isChecked()) {
        return std::nullopt;
    }
    std::optional<chr::year_month_day> date = dateOf(m_rows[field].digits);
    if (!date) {
        return MrzDateProblem::NotACalendarDate;
    }
    if (field == DateOfBirth) {
        if (date->year() < chr::year{1900}) {
            return MrzDateProblem::BirthBefore1900;
        }
        if (chr::sys_days{*date} > chr::sys_days{mrz::today()}) {
            return MrzDateProblem::BirthInTheFuture;
        }
        return std::nullopt;
    }
    if (date->year() < chr::year{2000} || date->year() > chr::year{2099}) {
        return MrzDateProblem::ExpiryNotIn2000s;
    }
    std::optional<chr::year_month_day> birth = dateOf(m_rows[DateOfBirth].digits);
    if (birth && chr::sys_days{*date} <= chr::sys_days{*birth}) {
        return MrzDateProblem::ExpiryBeforeBirth;
    }
    return std::nullopt;
}

bool MrzEntry::complete() const {
    bool expiryDone = m_noExpiry->isChecked() || full(DateOfExpiry);
    return full(DocumentNumber) && full(DateOfBirth) && expiryDone && !problemOf(DateOfBirth) &&
           !problemOf(DateOfExpiry);
}

std::vector<mrz::MrzKey> MrzEntry::keys() const {
    if (!complete()) {
        throw Error(ErrorCode::InvalidArgument, "the document number or a date is missing");
    }
    std::string number = m_rows[DocumentNumber].digits.toStdString();
    std::string birth = qr::toMrzDate(*dateOf(m_rows[DateOfBirth].digits));
    std::vector<mrz::MrzKey> keys;
    if (m_noExpiry->isChecked()) {
        keys.emplace_back(number, birth, NoExpiryPrinted);
        keys.emplace_back(number, birth, NoExpiryFiller);
    } else {
        std::string expiry = qr::toMrzDate(*dateOf(m_rows[DateOfExpiry].digits));
        keys.emplace_back(number, birth, expiry);
        cccd::wipe(expiry);
    }
    cccd::wipe(number);
    cccd::wipe(birth);
    return keys;
}

} // namespace cccd::kiosk::ui
