#pragma once

#include <cstdint>
#include <random>

namespace cccd::emulator {

/// The photo generator's randomness: std::mt19937, whose output sequence the C++ standard fixes
/// ([rand.predef]: the 10000th value from the default seed is 4123659995), mapped to numbers by
/// the arithmetic below rather than by std::*_distribution, whose output differs between
/// standard libraries. Same seed, same photos, whatever the compiler.
class PhotoRandom {
public:
    explicit PhotoRandom(std::uint32_t seed) : m_engine(seed) {}

    [[nodiscard]] std::uint32_t next() { return static_cast<std::uint32_t>(m_engine()); }

    /// Uniform in [0, 1): the 32 bits as a fraction.
    [[nodiscard]] double uniform() { return next() / 4294967296.0; }

    /// Uniform in [lo, hi).
    [[nodiscard]] double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

    /// Uniform in [lo, hi], both included.
    [[nodiscard]] int integer(int lo, int hi) {
        return lo + static_cast<int>(uniform() * (static_cast<double>(hi) - lo + 1.0));
    }

    [[nodiscard]] bool chance(double probability) { return uniform() < probability; }

    /// Close to a standard normal deviate: the sum of the four bytes of one draw (Irwin-Hall with
    /// n = 4: mean 510, variance 4 * (256^2 - 1) / 12), centred and scaled. Cheap enough for
    /// sensor noise on every pixel; its tails stop at about 3.5 sigma, like a real sensor's.
    [[nodiscard]] double gaussian() {
        constexpr double Mean = 510.0;
        constexpr double Sigma = 147.80054; // sqrt(4 * 65535 / 12)
        std::uint32_t bits = next();
        double sum = (bits & 0xFFU) + ((bits >> 8) & 0xFFU) + ((bits >> 16) & 0xFFU) + (bits >> 24);
        return (sum - Mean) / Sigma;
    }

private:
    std::mt19937 m_engine;
};

} // namespace cccd::emulator
