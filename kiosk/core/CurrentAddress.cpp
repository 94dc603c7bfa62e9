#include "kiosk/core/CurrentAddress.h"

#include "base/Error.h"
#include "base/Log.h"
#include "base/SecureBytes.h"

namespace cccd::kiosk {

namespace {

void convertInto(CurrentAddress& entry, const address::AdministrativeUnits& units,
                 const address::ConversionOptions& options) {
    address::AddressConversion conversion;
    try {
        conversion = address::convertAddress(units, entry.asOnCard, options);
    } catch (const Error&) {
        return; // not UTF-8: not found, the clerk types it
    }
    entry.status = conversion.status;
    entry.current = conversion.newAddress;
    for (const address::NewCommuneCandidate& candidate : conversion.candidates) {
        entry.candidates.push_back(candidate.address);
    }
}

} // namespace

bool CurrentAddress::mustPick() const {
    return current.empty() && !candidates.empty() &&
           (status == address::ConversionStatus::SplitCommune ||
            status == address::ConversionStatus::Ambiguous);
}

void CurrentAddress::wipe() {
    for (std::string* text : {&asOnCard, &current}) {
        cccd::wipe(*text);
    }
    for (std::string& candidate : candidates) {
        cccd::wipe(candidate);
    }
    candidates.clear();
}

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
        if (const FormField* current = form.definition().currentAddressField(field->id)) {
            entry.currentFieldId = current->id;
        }
        entry.asOnCard = form.value(field->id);
        if (!entry.asOnCard.empty()) {
            convertInto(entry, units, options);
        }
        out.push_back(std::move(entry));
    }
    return out;
}

void applyCurrentAddresses(FilledForm& form, const std::vector<CurrentAddress>& addresses) {
    for (const CurrentAddress& address : addresses) {
        if (address.currentFieldId.empty()) {
            continue;
        }
        if (address.mustPick()) {
            form.restrictTo(address.currentFieldId, address.candidates);
            (void)form.set(address.currentFieldId, "");
        } else if (!address.current.empty()) {
            (void)form.set(address.currentFieldId, address.current);
        }
    }
}

std::optional<address::AdministrativeUnits> bundledAddressUnits() {
    static const std::optional<address::AdministrativeUnits> units =
        []() -> std::optional<address::AdministrativeUnits> {
        try {
            return address::AdministrativeUnits::loadDefault();
        } catch (const Error& e) {
            log(LogLevel::Warning, "kiosk",
                std::string("administrative unit tables not loaded, current addresses are "
                            "typed: ") +
                    e.what());
            return std::nullopt;
        }
    }();
    return units;
}

} // namespace cccd::kiosk
