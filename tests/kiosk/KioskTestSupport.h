#pragma once

// A citizen as the kiosk gets one: the build-time vn-basic card read in process.

#include "kiosk/core/CitizenRecord.h"
#include "kiosk/core/FormCatalog.h"
#include "sdk/reader/ReaderTestSupport.h"

namespace cccd::kiosktest {

inline reader::Document readPersona(const std::string& name) {
    emulator::EmulatorChannel card = readertest::cardOnReader(name);
    reader::ReadOptions options;
    options.random = readertest::seededRandom(5);
    reader::AccessKey key = reader::AccessKey::fromIdNumber(
        readertest::persona(name).at("personalIdNumber").get<std::string>());
    return reader::interpret(reader::readCard(card, key, options), readertest::trustStore());
}

inline kiosk::FormCatalog shippedForms() {
    return kiosk::FormCatalog::load(test::sourceDir() / "kiosk/forms");
}

} // namespace cccd::kiosktest
