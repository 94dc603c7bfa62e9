#pragma once

#include <filesystem>

#include "SeedCorpus.h"

namespace cccd::fuzz {

/// The whole file; throws Error(Io) when it cannot be read.
[[nodiscard]] Bytes readSeedFile(const std::filesystem::path& path);

/// The binary samples of the specification, by file name: EF.SOD, EF.CardSecurity,
/// EF.CardAccess, EF.COM, DG1/DG14/DG15, certificates, master lists.
void addSpecSeeds(SeedCorpus& corpus, const std::filesystem::path& specDir);

/// QR payloads: the examples of cccd.md §4 and field-cases.md, and one per persona.
void addQrSeeds(SeedCorpus& corpus, const std::filesystem::path& specDir,
                const std::filesystem::path& personasDir);

/// Seeds made from other seeds: the MRZ text of each DG1, the certificates inside each
/// SignedData, small master lists cut from the real one, a DG2 with an ISO/IEC 39794-5 block.
void addDerivedSeeds(SeedCorpus& corpus);

} // namespace cccd::fuzz
