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
            cccd::emulator::CardProfile profile = cccd::emulator::buildPersonaProfile(persona, pki);
            writeText(fs::path(outDir) / (profile.name + ".json"),
                      cccd::emulator::profileToJson(profile));
            std::cout << "profile " << profile.name << "\n";
        }
        if (!bsiDir.empty()) {
            cccd::emulator::CardProfile profile = cccd::emulator::buildBsiReferenceProfile(bsiDir);
            writeText(fs::path(outDir) / (profile.name + ".json"),
                      cccd::emulator::profileToJson(profile));
            std::cout << "profile " << profile.name << "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "cccd-profile-gen: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
