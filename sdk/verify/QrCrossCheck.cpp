#include "verify/QrCrossCheck.h"

#include <algorithm>
#include <optional>

#include "qr/ExpiryRule.h"
#include "qr/QrText.h"

namespace cccd::verify {

namespace {

// TD1 line 3 holds the name in 30 characters (ICAO 9303-5 §4.2.2): a longer one is truncated.
constexpr std::size_t Td1NameLength = 30;

FieldMatch compareText(const std::optional<std::string>& chip, const std::string& qr) {
    if (!chip || chip->empty()) {
        return FieldMatch::NotOnChip;
    }
    try {
        return qr::comparableText(*chip) == qr::comparableText(qr) ? FieldMatch::Match
                                                                   : FieldMatch::Mismatch;
    } catch (const Error&) {
        return FieldMatch::Mismatch; // the chip's text is not valid UTF-8: it cannot be the same
    }
}

FieldMatch compareDate(const std::optional<lds::Dg13Date>& chip, std::chrono::year_month_day qr) {
    if (!chip || !chip->iso) {
        return FieldMatch::NotOnChip;
    }
    return *chip->iso == qr::toIsoDate(qr) ? FieldMatch::Match : FieldMatch::Mismatch;
}

FieldMatch compareExact(const std::optional<std::string>& chip, const std::string& qr) {
    if (!chip || chip->empty()) {
        return FieldMatch::NotOnChip;
    }
    return *chip == qr ? FieldMatch::Match : FieldMatch::Mismatch;
}

FieldMatch compareMrzName(const mrz::Mrz& mrz, const std::string& qrName) {
    std::string chip =
        qr::mrzTransliteration(mrz.primaryIdentifier + " " + mrz.secondaryIdentifier);
    if (chip.empty()) {
        return FieldMatch::NotOnChip;
    }
    std::string printed = qr::mrzTransliteration(qrName);
    if (chip == printed) {
        return FieldMatch::Match;
    }
    // Surname, filler, given names: the MRZ field is 30 characters including the one filler
    // between them that became a space here.
    bool truncated = chip.size() + 1 >= Td1NameLength && printed.starts_with(chip);
    return truncated ? FieldMatch::Match : FieldMatch::Mismatch;
}

FieldMatch compareMrzSex(const mrz::Mrz& mrz, qr::Sex sex) {
    if (mrz.sex == mrz::Sex::Unspecified) {
        return FieldMatch::NotOnChip;
    }
    bool same = (mrz.sex == mrz::Sex::Male) == (sex == qr::Sex::Male);
    return same ? FieldMatch::Match : FieldMatch::Mismatch;
}

} // namespace

std::string_view fieldMatchName(FieldMatch match) {
    switch (match) {
    case FieldMatch::Match:
        return "match";
    case FieldMatch::Mismatch:
        return "mismatch";
    case FieldMatch::NotOnChip:
        return "not_on_chip";
    }
    return "not_on_chip";
}

bool QrCrossCheckReport::consistent() const {
    bool compared = std::any_of(checks.begin(), checks.end(), [](const QrFieldCheck& c) {
        return c.result == FieldMatch::Match;
    });
    return compared && mismatches().empty();
}

std::vector<QrFieldCheck> QrCrossCheckReport::mismatches() const {
    std::vector<QrFieldCheck> out;
    std::copy_if(checks.begin(), checks.end(), std::back_inserter(out),
                 [](const QrFieldCheck& c) { return c.result == FieldMatch::Mismatch; });
    return out;
}

QrCrossCheckReport crossCheckQr(const qr::QrPayload& qr, const lds::Dg13* dg13,
                                const lds::Dg1* dg1) {
    using qr::QrField;
    QrCrossCheckReport report;
    auto add = [&report](QrField field, std::string_view file, FieldMatch result) {
        report.checks.push_back({field, file, result});
    };
    const std::optional<std::string> none;
    const std::optional<lds::Dg13Date> noDate;

    add(QrField::PersonalIdNumber, "DG13",
        compareExact(dg13 ? dg13->personalIdNumber : none, qr.personalIdNumber));
    add(QrField::FullName, "DG13", compareText(dg13 ? dg13->fullName : none, qr.fullName));
    add(QrField::DateOfBirth, "DG13", compareDate(dg13 ? dg13->birthDate : noDate, qr.dateOfBirth));
    add(QrField::Sex, "DG13",
        compareText(dg13 ? dg13->sex : none, qr.sex == qr::Sex::Male ? "Nam" : "N\u1EEF"));
    add(QrField::DateOfIssue, "DG13", compareDate(dg13 ? dg13->issueDate : noDate, qr.dateOfIssue));
    if (!qr.oldIdNumber.empty()) {
        add(QrField::OldIdNumber, "DG13",
            compareExact(dg13 ? dg13->oldIdNumber : none, qr.oldIdNumber));
    }

    if (dg1) {
        const mrz::Mrz& mrz = dg1->mrz;
        if (mrz.personalIdNumber) {
            add(QrField::PersonalIdNumber, "DG1",
                compareExact(mrz.personalIdNumber, qr.personalIdNumber));
        }
        add(QrField::FullName, "DG1", compareMrzName(mrz, qr.fullName));
        add(QrField::DateOfBirth, "DG1",
            mrz.birthDate.raw == qr::toMrzDate(qr.dateOfBirth) ? FieldMatch::Match
                                                               : FieldMatch::Mismatch);
        add(QrField::Sex, "DG1", compareMrzSex(mrz, qr.sex));
    }
    return report;
}

} // namespace cccd::verify
