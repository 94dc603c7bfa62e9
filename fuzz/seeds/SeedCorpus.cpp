#include "SeedCorpus.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "EvidenceSeeds.h"
#include "SessionSeeds.h"
#include "SpecSeeds.h"
#include "base/Error.h"
#include "emulator/card/CardProfile.h"
#include "tlv/Tlv.h"

namespace cccd::fuzz {

namespace {

namespace fs = std::filesystem;

void addProfileFiles(SeedCorpus& corpus, const std::string& label,
                     const emulator::CardProfile& profile) {
    // Application files by FID (ICAO 9303-10 §4.6 Table 39), then those under the MF.
    static const std::map<std::uint16_t, std::vector<std::string>> appHarnesses{
        {0x011E, {"ef-com", "tlv"}}, {0x011D, {"sod", "tlv"}},  {0x0101, {"dg1", "tlv"}},
        {0x0102, {"dg2"}},           {0x010D, {"dg13", "tlv"}}, {0x010E, {"dg14", "tlv"}},
        {0x010F, {"dg15", "tlv"}},
    };
    static const std::map<std::uint16_t, std::vector<std::string>> mfHarnesses{
        {0x011C, {"card-access", "tlv"}},
        {0x011D, {"card-security", "tlv"}},
    };
    auto add = [&](const auto& table, const emulator::ElementaryFile& file) {
        auto it = table.find(file.fid);
        if (it == table.end()) {
            return;
        }
        for (const std::string& harness : it->second) {
            corpus[harness].push_back(
                {label + "-" + toHex(tlv::encodeUnsigned(file.fid)), file.data});
        }
    };
    for (const emulator::ElementaryFile& file : profile.applicationFiles) {
        add(appHarnesses, file);
    }
    for (const emulator::ElementaryFile& file : profile.masterFiles) {
        add(mfHarnesses, file);
    }
}

void addProfiles(SeedCorpus& corpus, const fs::path& profilesDir) {
    if (!fs::is_directory(profilesDir)) {
        return;
    }
    std::vector<fs::path> paths;
    for (const fs::directory_entry& entry : fs::directory_iterator(profilesDir)) {
        paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const fs::path& path : paths) {
        std::string label = "profile-" + path.stem().string();
        if (path.extension() == ".json") {
            emulator::CardProfile profile = emulator::loadProfile(path);
            addProfileFiles(corpus, label, profile);
            addEvidenceBundleSeed(corpus, label, profile);
        } else if (path.extension() == ".mrz") {
            corpus["mrz"].push_back({label, readSeedFile(path)});
        } else if (path.extension() == ".pem") {
            corpus["certificate"].push_back({label, readSeedFile(path)});
        }
    }
}

} // namespace

SeedCorpus buildSeedCorpus(const fs::path& specDir, const fs::path& profilesDir,
                           const fs::path& personasDir, bool recordSessions) {
    SeedCorpus corpus;
    addSpecSeeds(corpus, specDir);
    addProfiles(corpus, profilesDir);
    addQrSeeds(corpus, specDir, personasDir);
    addDerivedSeeds(corpus);
    addSecureMessagingSeeds(corpus);
    if (recordSessions) {
        addHostileCardSeeds(corpus, profilesDir);
    }
    return corpus;
}

std::vector<Seed> regressionInputs(const fs::path& regressionsDir, const std::string& harness) {
    std::vector<Seed> out;
    fs::path dir = regressionsDir / harness;
    if (!fs::is_directory(dir)) {
        return out;
    }
    for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
        if (entry.is_regular_file() && entry.path().filename() != "README.md") {
            out.push_back({entry.path().filename().string(), readSeedFile(entry.path())});
        }
    }
    std::sort(out.begin(), out.end(), [](const Seed& a, const Seed& b) { return a.name < b.name; });
    return out;
}

std::size_t writeSeedCorpus(const SeedCorpus& corpus, const fs::path& outDir) {
    std::size_t written = 0;
    for (const auto& [harness, seeds] : corpus) {
        fs::create_directories(outDir / harness);
        for (const Seed& seed : seeds) {
            std::ofstream out(outDir / harness / seed.name, std::ios::binary | std::ios::trunc);
            out.write(reinterpret_cast<const char*>(seed.data.data()),
                      static_cast<std::streamsize>(seed.data.size()));
            if (!out) {
                throw Error(ErrorCode::Io, "cannot write a seed file");
            }
            ++written;
        }
    }
    return written;
}

Bytes readSeedFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ErrorCode::Io, "cannot read " + path.filename().string());
    }
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace cccd::fuzz
