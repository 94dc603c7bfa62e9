#include "kiosk/core/IdentityBadges.h"

#include "verify/QrCrossCheck.h"

namespace cccd::kiosk {

namespace {

bool validOn(const reader::Document& document, std::string_view today) {
    if (!document.dg13 || !document.dg13->expiryDate) {
        return false;
    }
    const lds::Dg13Date& expiry = *document.dg13->expiryDate;
    if (expiry.saysNoExpiry()) {
        return true;
    }
    // ISO 8601 dates compare as text; the card is valid through its date of expiry.
    return expiry.iso && *expiry.iso >= today;
}

} // namespace

IdentityBadges assessIdentity(const reader::Document& document, const qr::QrPayload* qr,
                              std::string_view today) {
    IdentityBadges out;
    verify::Verdict verdict = document.passiveAuthentication.verdict;
    out.signedByIssuer = verdict == verify::Verdict::Valid;
    out.issuerUnknown = verdict == verify::Verdict::ValidIssuerUnknown;
    out.chip = document.chipVerdict();
    out.cardValid = validOn(document, today);
    if (qr) {
        const lds::Dg13* dg13 = document.dg13 ? &*document.dg13 : nullptr;
        const lds::Dg1* dg1 = document.dg1 ? &*document.dg1 : nullptr;
        out.qrMatchesChip = verify::crossCheckQr(*qr, dg13, dg1).consistent();
    }
    return out;
}

std::optional<FailureReason> rejection(const reader::Document& document,
                                       const IdentityBadges& badges) {
    if (badges.chip == reader::ChipVerdict::PossibleClone) {
        return FailureReason::NotGenuine;
    }
    if (badges.issuerUnknown) {
        return FailureReason::UnknownCsca;
    }
    if (!document.verified()) {
        return FailureReason::NotVerified;
    }
    if (badges.qrMatchesChip == false) {
        return FailureReason::QrMismatch;
    }
    if (!badges.cardValid) {
        return FailureReason::Expired;
    }
    return std::nullopt;
}

} // namespace cccd::kiosk
