#include "emulator/profilegen/BsiReferenceProfile.h"

#include <fstream>
#include <iterator>

#include "base/Error.h"
#include "tlv/Tlv.h"

namespace cccd::emulator {

namespace {

Bytes readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ErrorCode::Io, "cannot read " + path.string());
    }
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

std::string mrzInformationFromDg1(ByteView dg1) {
    tlv::Tlv mrzObject = tlv::parse(tlv::parse(dg1, 0x61).value, 0x5F1F);
    std::string mrz = toString(mrzObject.value);
    // ICAO 9303-4 §4.2.2 (TD3, 2 x 44) and 9303-5 §4.2.2 (TD1, 3 x 30) field positions.
    if (mrz.size() == 88) {
        std::string line2 = mrz.substr(44);
        return line2.substr(0, 10) + line2.substr(13, 7) + line2.substr(21, 7);
    }
    if (mrz.size() == 90) {
        return mrz.substr(5, 10) + mrz.substr(30, 7) + mrz.substr(38, 7);
    }
    throw Error(ErrorCode::MalformedData, "DG1 MRZ is neither TD1 nor TD3");
}

CardProfile buildBsiReferenceProfile(const std::filesystem::path& directory) {
    CardProfile profile;
    profile.name = "bsi-reference";
    profile.atr = fromHex(GenericContactlessAtr);
    Bytes dg1 = readFile(directory / "Datagroup1.bin");
    profile.mrzInformation = SecureBytes(toBytes(mrzInformationFromDg1(dg1)));
    profile.applicationFiles = {
        {0x011E, readFile(directory / "EF_COM.bin"), FileAccess::Bac},
        {0x011D, readFile(directory / "EF_SOD.bin"), FileAccess::Bac},
        {0x0101, dg1, FileAccess::Bac},
        {0x010E, readFile(directory / "Datagroup14.bin"), FileAccess::Bac},
        {0x010F, readFile(directory / "Datagroup15.bin"), FileAccess::Bac},
    };
    return profile;
}

} // namespace cccd::emulator
