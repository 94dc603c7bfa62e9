#pragma once

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
    std::string asOnCard;
    address::ConversionStatus status = address::ConversionStatus::NotFound;
    std::string current;                 ///< the current address when it is certain, else ""
    std::vector<std::string> candidates; ///< full current addresses to choose from
};

/// The current address of every address field of the form that came from the chip, in form
/// order. Personal data, like the form.
[[nodiscard]] std::vector<CurrentAddress>
currentAddresses(const FilledForm& form, const address::AdministrativeUnits& units,
                 const address::ConversionOptions& options = {});

} // namespace cccd::kiosk
