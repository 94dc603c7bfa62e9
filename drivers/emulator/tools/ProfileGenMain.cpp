// cccd-profile-gen: builds a test PKI and signed card profiles for the emulated card.

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "base/Error.h"
#include "emulator/card/CardProfile.h"
#include "emulator/profilegen/BsiReferenceProfile.h"
#include "emulator/profilegen/Persona.h"
#include "emulator/profilegen/ProfileBuilder.h"
#include "emulator/profilegen/TestPki.h"
#include "tlv/Tlv.h"

namespace {

namespace fs = std::filesystem;

void writeText(const fs::path& path, const std::string& text) {
    fs::path temporary = path;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out) {
            throw cccd::Error(cccd::ErrorCode::Io, "cannot write " + path.string());
        }
    }
    fs::rename(temporary, path); // readers never see half a profile
}

} // namespace

// The MRZ printed on the card, one line per row, from DG1 (5F1F inside 61): what a clerk would
// type or scan to open this card with cccd-read --mrz-file.
std::string mrzLines(const cccd::emulator::CardProfile& profile) {
    for (const auto& file : profile.applicationFiles) {
        if (file.fid != 0x0101) {
            continue;
        }
        auto mrz = cccd::tlv::findChild(cccd::tlv::parse(file.data, 0x61), 0x5F1F);
        if (!mrz) {
            break;
        }
        std::string text = cccd::toString(mrz->value);
        std::size_t width = text.size() == 90 ? 30 : text.size() / 2;
        std::string out;
        for (std::size_t pos = 0; pos < text.size(); pos += width) {
            out += text.substr(pos, width) + "\n";
        }
        return out;
    }
    throw cccd::Error(cccd::ErrorCode::InvalidArgument, "profile has no DG1 with an MRZ");
}

void writeProfile(const std::string& outDir, const cccd::emulator::CardProfile& profile) {
    writeText(fs::path(outDir) / (profile.name + ".json"), cccd::emulator::profileToJson(profile));
    writeText(fs::path(outDir) / (profile.name + ".mrz"), mrzLines(profile));
    // The CAN beside the MRZ, as a clerk would take it from the card (cccd.md §1.3).
    writeText(fs::path(outDir) / (profile.name + ".can"),
              std::string(profile.can.view().begin(), profile.can.view().end()) + "\n");
    std::cout << "profile " << profile.name << "\n";
}

int main(int argc, char** argv) {
    CLI::App app{"Builds a test PKI (CSCA P-384 -> Document Signer brainpoolP384r1) and signed "
                 "card profiles for cccd-emulator.\nOutput: <out-dir>/<profile>.json per "
                 "persona, bsi-reference.json, csca.pem (trust anchor for readers) and "
                 "document-signer.pem."};
    std::string outDir;
    std::vector<std::string> personas;
    std::string bsiDir;
    app.add_option("--out-dir", outDir, "directory for the profiles and certificates")->required();
    app.add_option("--persona", personas, "persona JSON file (repeatable)");
    app.add_option("--bsi-reference", bsiDir,
                   "directory of the BSI TR-03105-5 reference data set, served verbatim");
    CLI11_PARSE(app, argc, argv);

    try {
        fs::create_directories(outDir);
        cccd::emulator::TestPki pki = cccd::emulator::TestPki::generate();
        writeText(fs::path(outDir) / "csca.pem", pki.cscaPem());
        writeText(fs::path(outDir) / "document-signer.pem", pki.documentSignerPem());

        for (const std::string& file : personas) {
            cccd::emulator::Persona persona = cccd::emulator::loadPersona(file);
            // The build lists outputs by persona file name: the two must agree.
            if (persona.profile != fs::path(file).stem().string()) {
                throw cccd::Error(cccd::ErrorCode::InvalidArgument,
                                  "persona " + file + ": \"profile\" must equal the file name");
            }
            writeProfile(outDir, cccd::emulator::buildPersonaCard(persona, pki).profile);
        }
        if (!bsiDir.empty()) {
            // The BSI data set comes without private keys: the card offers BAC only.
            writeProfile(outDir, cccd::emulator::buildBsiReferenceProfile(bsiDir));
        }
    } catch (const std::exception& e) {
        std::cerr << "cccd-profile-gen: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
