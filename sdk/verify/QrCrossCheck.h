#pragma once

#include <string_view>
#include <vector>

#include "lds/Dg1.h"
#include "lds/Dg13.h"
#include "qr/QrPayload.h"

namespace cccd::verify {

enum class FieldMatch {
    Match,
    Mismatch,
    NotOnChip, ///< the file was not read, or the field is absent or unreadable in it
};

[[nodiscard]] std::string_view fieldMatchName(FieldMatch match);

/// One QR field against one chip file.
struct QrFieldCheck {
    qr::QrField field = qr::QrField::PersonalIdNumber;
    std::string_view chipFile; ///< "DG13" or "DG1"
    FieldMatch result = FieldMatch::NotOnChip;
};

/// The QR printed on the card against what the chip signed (DG13, and DG1's MRZ), field by
/// field: ID, name, birth date, sex, issue date and, when the QR has one, the old ID. The QR is
/// not signed: a mismatch means the printed card and its chip disagree (a forged face, or a
/// chip from another card). No values are kept: the report holds no personal data.
struct QrCrossCheckReport {
    std::vector<QrFieldCheck> checks;

    /// At least one field compared and none differs.
    [[nodiscard]] bool consistent() const;

    [[nodiscard]] std::vector<QrFieldCheck> mismatches() const;
};

/// Compares after normalisation: text in NFC, case and spacing ignored; the MRZ name against
/// the QR name without diacritics (and as a prefix when the MRZ truncated it); dates as dates.
/// A null file is "not read".
[[nodiscard]] QrCrossCheckReport crossCheckQr(const qr::QrPayload& qr, const lds::Dg13* dg13,
                                              const lds::Dg1* dg1);

} // namespace cccd::verify
