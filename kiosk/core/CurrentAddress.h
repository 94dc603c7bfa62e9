#pragma once

#include <optional>
#include <string>
#include <vector>

#include "address/AddressConversion.h"
#include "kiosk/core/FilledForm.h"

namespace cccd::kiosk {

/// A form field holding an address from the chip (place of residence or of origin), as on the
/// card and with today's units (after the reform of 1 July 2025): both are shown. When the old
/// commune was split, the clerk picks one of the candidates.
struct CurrentAddress {
    std::string fieldId;
    std::string attribute; ///< "place_of_residence" or "place_of_origin"
    /// The form's field that holds the current address ("current_of" names fieldId); empty when
    /// the form has none.
    std::string currentFieldId;
    std::string asOnCard;
    address::ConversionStatus status = address::ConversionStatus::NotFound;
    std::string current;                 ///< the current address when it is certain, else ""
    std::vector<std::string> candidates; ///< full current addresses to choose from

    /// The clerk must pick one of the candidates: nothing else is today's address.
    [[nodiscard]] bool mustPick() const;

    /// Overwrites every text.
    void wipe();
};

/// The current address of every address field of the form that came from the chip, in form
/// order. Personal data, like the form.
[[nodiscard]] std::vector<CurrentAddress>
currentAddresses(const FilledForm& form, const address::AdministrativeUnits& units,
                 const address::ConversionOptions& options = {});

/// Puts the conversions into the form's current-address fields: a certain current address is
/// set (the clerk may still correct it); when the clerk must pick, the field takes only the
/// candidates (FilledForm::restrictTo) and stays empty until one is picked; otherwise (not
/// found) it is left for the clerk to type.
void applyCurrentAddresses(FilledForm& form, const std::vector<CurrentAddress>& addresses);

/// The tables shipped with the kiosk (address::defaultAdminUnitsDirectory()), loaded on the
/// first call (about a quarter of a second) and shared after; nullopt when they cannot be
/// loaded, and the clerk then types the current address.
[[nodiscard]] std::optional<address::AdministrativeUnits> bundledAddressUnits();

} // namespace cccd::kiosk
