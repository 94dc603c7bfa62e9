// Writes real outputs of documentToJson, one file each, into the folder given as the only
// argument, for tests/docs/test_json_schema.py to validate against
// docs/schema/cccd-read.schema.json:
// - every emulator persona and the BSI reference card, read in process by the SDK's reader with
//   the MRZ key of its profile and the build's test CSCA trusted (what cccd-read prints);
// - vn-basic again: limited to DG1 and DG13, with the portrait saved and keyed by its QR, and
//   with a parse issue, a content issue and an unknown DG13 field added to its document;
// - the real documents' files of ../shared/spec (the BSI TR-03105-5 data set, the ICAO worked
//   examples of DG1 and EF.COM, a German card's PACE-CAM files, the real EF.SOD collection), put
//   into a readout as a read would and interpreted by the same code.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "emulator/card/CardProfile.h"
#include "emulator/channel/EmulatorChannel.h"
#include "json/DocumentJson.h"
#include "reader/CardReader.h"
#include "reader/Document.h"
#include "support/PersonaJson.h"
#include "support/ProfileRead.h"
#include "support/TestData.h"
#include "verify/TrustStore.h"

namespace cccd {
namespace {

namespace fs = std::filesystem;
using test::profileDir;
using test::readProfile;
using test::trustStore;

// A readout of stored files: what a read of a card holding them would give, without a chip.
reader::CardReadout storedReadout() {
    reader::CardReadout readout;
    readout.access.protocol = "BAC";
    readout.access.password = "MRZ";
    return readout;
}

Bytes specFile(const std::string& relative) {
    return test::readFile(test::specDir() / "samples" / relative);
}

void write(const fs::path& dir, const std::string& name, const nlohmann::json& output) {
    std::ofstream out(dir / (name + ".json"));
    out << output.dump(2) << '\n';
    if (!out) {
        throw Error(ErrorCode::Io, "cannot write " + name);
    }
}

qr::QrPayload personaQr(const std::string& name) {
    nlohmann::json persona = test::loadPersona(name);
    auto ddmmyyyy = [&persona](const char* key) {
        std::string iso = persona.at(key).get<std::string>();
        return iso.substr(8, 2) + iso.substr(5, 2) + iso.substr(0, 4);
    };
    return qr::QrPayload::parse(
        persona.at("personalIdNumber").get<std::string>() + "||" +
        persona.at("fullName").get<std::string>() + "|" + ddmmyyyy("dateOfBirth") + "|Nam|" +
        persona.at("placeOfResidence").get<std::string>() + "|" + ddmmyyyy("dateOfIssue"));
}

void writeEmulated(const fs::path& dir) {
    std::vector<std::string> names{"bsi-reference"};
    for (const auto& entry :
         fs::directory_iterator(test::sourceDir() / "drivers/emulator/personas")) {
        names.push_back(entry.path().stem().string());
    }
    for (const std::string& name : names) {
        write(dir, "emulated-" + name, json::documentToJson(readProfile(name)));
    }
    write(dir, "emulated-vn-basic-dg1-dg13",
          json::documentToJson(readProfile("vn-basic", {1, 13})));

    // What no profile has, as DocumentJsonDocTest makes it: a parse issue, a content issue, a
    // DG13 field numbered past 16.
    reader::Document odd = readProfile("vn-basic");
    odd.parseIssues.push_back({"DG11", ErrorCode::MalformedData, "DG11: truncated"});
    odd.contentIssues.push_back(
        {"DG1", reader::ContentCheck::MrzCheckDigit, "MRZ: the composite check digit is wrong"});
    odd.dg13->fields.push_back(lds::Dg13Field::make(17, {fromHex("0C0141")}));
    write(dir, "emulated-vn-basic-issues", json::documentToJson(odd));

    json::JsonOptions options;
    options.portraitPath = "portrait.jpg";
    qr::QrPayload payload = personaQr("vn-basic");
    options.qr = &payload;
    write(dir, "emulated-vn-basic-qr", json::documentToJson(readProfile("vn-basic"), options));
}

void writeStored(const fs::path& dir) {
    const std::string bsi = "bsi-tr03105-5-reference-dataset/";
    reader::CardReadout reference = storedReadout();
    reference.efCom = specFile(bsi + "EF_COM.bin");
    reference.efSod = specFile(bsi + "EF_SOD.bin");
    for (int dg : {1, 14, 15}) {
        reference.dataGroups[dg] = specFile(bsi + "Datagroup" + std::to_string(dg) + ".bin");
    }
    write(dir, "stored-bsi-reference",
          json::documentToJson(reader::interpret(std::move(reference), trustStore())));

    const std::string icao = "icao-lds-worked-examples/";
    for (const char* dg1 : {"DG1_TD1_part10_A", "DG1_TD2_part10_A", "DG1_TD3_part4_B"}) {
        reader::CardReadout worked = storedReadout();
        worked.efCom = specFile(icao + "EF_COM_part10_A.bin");
        worked.dataGroups[1] = specFile(icao + dg1 + ".bin");
        write(dir, std::string("stored-icao-") + dg1,
              json::documentToJson(reader::interpret(std::move(worked), trustStore())));
    }

    reader::CardReadout paceCam = storedReadout();
    paceCam.access.protocol = "PACE";
    paceCam.access.password = "CAN";
    paceCam.efCardAccess = specFile("de-real-pace-cam/EF_CardAccess.bin");
    paceCam.efCardSecurity = specFile("de-real-pace-cam/EF_CardSecurity.bin");
    paceCam.efSod = specFile("de-real-pace-cam/EF_SOD.bin");
    write(dir, "stored-de-real-pace-cam",
          json::documentToJson(reader::interpret(std::move(paceCam), trustStore())));

    for (const auto& entry : fs::directory_iterator(test::specDir() / "samples/real-sods")) {
        std::string file = entry.path().filename().string();
        if (file.size() < 10 || file.substr(file.size() - 10) != "EF_SOD.bin") {
            continue;
        }
        reader::CardReadout sodOnly = storedReadout();
        sodOnly.efSod = test::readFile(entry.path());
        write(dir, "stored-real-sod-" + entry.path().stem().string(),
              json::documentToJson(reader::interpret(std::move(sodOnly), trustStore())));
    }
}

} // namespace
} // namespace cccd

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: cccd_docs_json_samples OUTPUT_DIR\n";
        return 2;
    }
    try {
        std::filesystem::create_directories(argv[1]);
        cccd::writeEmulated(argv[1]);
        cccd::writeStored(argv[1]);
    } catch (const std::exception& e) {
        std::cerr << "cccd_docs_json_samples: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
