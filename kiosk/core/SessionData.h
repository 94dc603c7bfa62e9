#pragma once

#include <memory>
#include <optional>
#include <string>

#include "base/SecureBytes.h"
#include "kiosk/core/CitizenRecord.h"
#include "kiosk/core/CurrentAddress.h"
#include "kiosk/core/FilledForm.h"
#include "kiosk/core/IdentityBadges.h"
#include "qr/QrPayload.h"
#include "reader/AccessKey.h"
#include "reader/Document.h"

namespace cccd::kiosk {

/// Everything personal one counter session holds, in one place so that one call forgets it:
/// the access key, the scanned QR, the card's files, the citizen record, the portrait, the
/// form being filled and its addresses with today's units. Lives in memory only.
class SessionData {
public:
    SessionData() = default;
    SessionData(const SessionData&) = delete;
    SessionData& operator=(const SessionData&) = delete;
    ~SessionData();

    std::optional<reader::AccessKey> key;
    std::optional<qr::QrPayload> qr;
    std::shared_ptr<reader::Document> document;
    CitizenRecord citizen;
    SecureBytes portrait; ///< the encoded image as the chip holds it (JPEG or JPEG 2000)
    std::optional<IdentityBadges> badges;
    std::unique_ptr<FilledForm> form;
    /// The form's chip addresses as on the card and today (empty without the address tables).
    std::vector<CurrentAddress> addresses;
    std::string idNumber; ///< for the audit log's keyed hash at the end of the session

    /// Forgets the form being filled and its addresses.
    void wipeForm();

    /// Forgets what the card gave (document, citizen, portrait, badges, form), keeping the key,
    /// QR and ID number for a new read of the same card.
    void wipeCardData();

    /// Overwrites and forgets everything.
    void wipe();

    /// Whether anything personal is held.
    [[nodiscard]] bool holdsPersonalData() const;
};

/// Overwrites the bytes a read document holds (files, DG13 text, face images) and empties it.
void wipeDocument(reader::Document& document);

} // namespace cccd::kiosk
