// An evidence bundle (docs/evidence-bundle.md) as a server receives it from elsewhere: read,
// then re-verified without the card, so that its files reach the parsers and its recorded chip
// proofs the checks of a re-verification.
#include "evidence/EvidenceBundle.h"

#include <string_view>

#include "HarnessSupport.h"
#include "Harnesses.h"
#include "evidence/Reverification.h"

namespace cccd::fuzz {

int fuzzEvidenceBundle(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    return expectError([text] {
        const evidence::EvidenceBundle bundle = evidence::parseBundle(text);
        evidence::ReverifyOptions options;
        options.expectedChallenge = Bytes{1, 2, 3, 4, 5, 6, 7, 8};
        (void)evidence::reverify(bundle, defaultTrustStore(), options);
    });
}

} // namespace cccd::fuzz
