#pragma once

#include <deque>
#include <memory>

#include "emulator/card/CardProfile.h"
#include "emulator/card/EmulatedCard.h"
#include "support/TestData.h"
#include "tlv/Tlv.h"

namespace cccd::emutest {

using namespace cccd::emulator;

/// The MRZ information of ICAO 9303-11 Appendix D.2, from the vector file.
inline std::string icaoMrzInformation() {
    return cccd::test::vectors("icao-bac.json")["D2_derive_basic_access_keys"]["mrz_information"]
        .get<std::string>();
}

/// A TLV-shaped file of `size` bytes (tag, length, filler), like an LDS data group.
inline Bytes ldsFile(std::uint32_t tag, std::size_t size) {
    Bytes value;
    std::size_t header = tlv::encode(tag, Bytes(size, 0)).size() - size;
    for (std::size_t i = 0; i + header < size; ++i) {
        value.push_back(static_cast<std::uint8_t>(i * 7 + 3));
    }
    return tlv::encode(tag, value);
}

/// A Vietnamese-like card: EF.CardAccess under the MF, EF.COM, DG1, a 20 kB DG2, DG3 behind EAC,
/// SELECT MF refused with 6D00.
inline CardProfile sampleProfile(bool extendedLength = true) {
    CardProfile profile;
    profile.name = "test-card";
    profile.atr = fromHex("3B80800101");
    profile.mrzInformation = SecureBytes(toBytes(icaoMrzInformation()));
    profile.extendedLength = extendedLength;
    profile.selectMfStatus = 0x6D00;
    profile.masterFiles = {{0x011C, ldsFile(0x31, 54), FileAccess::Always}};
    profile.applicationFiles = {
        {0x011E, ldsFile(0x60, 26), FileAccess::Bac},
        {0x0101, ldsFile(0x61, 95), FileAccess::Bac},
        {0x0102, ldsFile(0x75, 20000), FileAccess::Bac},
        {0x0103, ldsFile(0x63, 40), FileAccess::Eac},
    };
    return profile;
}

/// Hands out queued values first (the worked example's RND.IC and K.IC), then counts up.
inline crypto::RandomSource scriptedRandom(std::deque<Bytes> values) {
    auto queue = std::make_shared<std::deque<Bytes>>(std::move(values));
    return [queue](std::size_t size) {
        if (!queue->empty() && queue->front().size() == size) {
            Bytes next = queue->front();
            queue->pop_front();
            return next;
        }
        Bytes filler(size);
        for (std::size_t i = 0; i < size; ++i) {
            filler[i] = static_cast<std::uint8_t>(0xA0 + i);
        }
        return filler;
    };
}

} // namespace cccd::emutest
