#include "kiosk/core/CurrentAddress.h"

namespace cccd::kiosk {

std::vector<CurrentAddress> currentAddresses(const FilledForm& form,
                                             const address::AdministrativeUnits& units,
                                             const address::ConversionOptions& options) {
    std::vector<CurrentAddress> out;
    for (const FormField* field : form.definition().fields()) {
        if (field->source != "place_of_residence" && field->source != "place_of_origin") {
            continue;
        }
        CurrentAddress entry;
        entry.fieldId = field->id;
        entry.attribute = field->source;
        entry.asOnCard = form.value(field->id);
        if (!entry.asOnCard.empty()) {
            address::AddressConversion conversion =
                address::convertAddress(units, entry.asOnCard, options);
            entry.status = conversion.status;
            entry.current = conversion.newAddress;
            for (const address::NewCommuneCandidate& candidate : conversion.candidates) {
                entry.candidates.push_back(candidate.address);
            }
        }
        out.push_back(std::move(entry));
    }
    return out;
}

} // namespace cccd::kiosk
