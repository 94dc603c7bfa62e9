// cccd-fuzz-seeds: writes the seed corpus of every fuzzing harness into a build directory.
#include <exception>
#include <iostream>

#include "SeedCorpus.h"

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: cccd-fuzz-seeds SPEC_DIR PROFILES_DIR PERSONAS_DIR OUT_DIR\n";
        return 2;
    }
    try {
        cccd::fuzz::SeedCorpus corpus = cccd::fuzz::buildSeedCorpus(argv[1], argv[2], argv[3]);
        std::size_t n = cccd::fuzz::writeSeedCorpus(corpus, argv[4]);
        std::cerr << "cccd-fuzz-seeds: " << n << " seeds for " << corpus.size() << " harnesses in "
                  << argv[4] << "\n";
    } catch (const std::exception& e) {
        std::cerr << "cccd-fuzz-seeds: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
