#include "EvidenceSeeds.h"

#include "evidence/EvidenceBundle.h"

namespace cccd::fuzz {

void addEvidenceBundleSeed(SeedCorpus& corpus, const std::string& label,
                           const emulator::CardProfile& profile) {
    // Application files by FID (ICAO 9303-10 §4.6 Table 39): EF.COM, EF.SOD, DG1 to DG16.
    reader::CardReadout readout;
    readout.access.protocol = "BAC";
    readout.access.password = "MRZ";
    for (const emulator::ElementaryFile& file : profile.applicationFiles) {
        if (file.fid == 0x011E) {
            readout.efCom = file.data;
        } else if (file.fid == 0x011D) {
            readout.efSod = file.data;
        } else if (file.fid > 0x0100 && file.fid <= 0x0110) {
            readout.dataGroups.emplace(file.fid - 0x0100, file.data);
        }
    }
    const std::string text = evidence::serializeBundle(evidence::makeBundle(readout));
    corpus["evidence-bundle"].push_back({label + "-bundle", Bytes(text.begin(), text.end())});
}

} // namespace cccd::fuzz
