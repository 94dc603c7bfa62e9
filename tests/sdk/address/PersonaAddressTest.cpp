#include <fstream>

#include <gtest/gtest.h>

#include "AdminUnitsReadme.h"
#include "address/AddressConversion.h"
#include "address/AddressText.h"
#include "support/PersonaJson.h"

// The emulated card's personas print place of origin and residence as cards issued before
// July 2025 do; each must convert, and every unit matched must be the one the text names.

namespace cccd::address {
namespace {

using test::units;

// The unit's full name ends with the part as written: "Hà Nội" names "Thành phố Hà Nội".
void expectNames(const std::optional<MatchedUnit>& unit, const std::string& address) {
    if (!unit || unit->written.empty()) {
        return;
    }
    std::string written = nameKey(unit->written);
    std::string name = nameKey(unit->fullName);
    bool ok = name.size() >= written.size() &&
              name.compare(name.size() - written.size(), written.size(), written) == 0;
    EXPECT_TRUE(ok) << unit->written << " read as " << unit->fullName << " in " << address;
}

TEST(PersonaAddressTest, EveryPersonaAddressConverts) {
    int checked = 0;
    auto dir = cccd::test::sourceDir() / "drivers" / "emulator" / "personas";
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") {
            continue;
        }
        auto persona = cccd::test::loadPersona(entry.path().stem().string());
        for (const char* field : {"placeOfOrigin", "placeOfResidence"}) {
            if (!persona.contains(field)) {
                continue;
            }
            std::string address = persona[field].get<std::string>();
            auto conversion = convertAddress(units(), address, {"2025-07-01"});
            bool residence = std::string(field) == "placeOfResidence";
            EXPECT_TRUE(conversion.status == ConversionStatus::Converted ||
                        conversion.status == ConversionStatus::SplitCommune ||
                        (!residence && conversion.status == ConversionStatus::CommuneNotGiven))
                << address << ": " << conversionStatusName(conversion.status);
            ASSERT_TRUE(conversion.newProvince.has_value()) << address;
            EXPECT_FALSE(conversion.candidates.empty()) << address;
            expectNames(conversion.old.province, address);
            expectNames(conversion.old.district, address);
            expectNames(conversion.old.commune, address);
            if (residence) {
                ASSERT_TRUE(conversion.old.commune.has_value()) << address;
                for (const auto& candidate : conversion.candidates) {
                    EXPECT_EQ(candidate.address.rfind(conversion.street, 0), 0u) << address;
                }
            }
            checked += 1;
        }
    }
    EXPECT_GE(checked, 20);
}

} // namespace
} // namespace cccd::address
