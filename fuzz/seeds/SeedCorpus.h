#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/Bytes.h"

namespace cccd::fuzz {

/// One starting input of a harness, named after where it came from (never personal data: the
/// names are file names and persona labels).
struct Seed {
    std::string name;
    Bytes data;
};

/// Harness name (Harnesses.h) -> its seeds.
using SeedCorpus = std::map<std::string, std::vector<Seed>>;

/// Seeds for every harness from the shared specification (ICAO worked examples, real documents'
/// files, the trust anchor and master list, the QR examples of cccd.md and field-cases.md) and
/// from the emulator's generated card profiles (their files, MRZ texts, recorded read sessions).
/// A missing source directory gives fewer seeds, never an error. Recording the hostile card's
/// sessions runs whole card reads: `recordSessions` false leaves them out.
[[nodiscard]] SeedCorpus buildSeedCorpus(const std::filesystem::path& specDir,
                                         const std::filesystem::path& profilesDir,
                                         const std::filesystem::path& personasDir,
                                         bool recordSessions = true);

/// The hand-picked inputs kept in fuzz/regressions/<harness>/ (each file one input).
[[nodiscard]] std::vector<Seed> regressionInputs(const std::filesystem::path& regressionsDir,
                                                 const std::string& harness);

/// Writes each harness's seeds to outDir/<harness>/<seed name>; returns how many were written.
std::size_t writeSeedCorpus(const SeedCorpus& corpus, const std::filesystem::path& outDir);

} // namespace cccd::fuzz
