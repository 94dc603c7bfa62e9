#include "Harnesses.h"

#include <array>

namespace cccd::fuzz {

std::span<const Harness> harnesses() {
    static constexpr std::array<Harness, 18> all{{
        {"tlv", fuzzTlv},
        {"mrz", fuzzMrz},
        {"ef-com", fuzzEfCom},
        {"dg1", fuzzDg1},
        {"dg2", fuzzDg2},
        {"dg13", fuzzDg13},
        {"dg14", fuzzDg14},
        {"dg15", fuzzDg15},
        {"card-access", fuzzCardAccess},
        {"card-security", fuzzCardSecurity},
        {"sod", fuzzSod},
        {"master-list", fuzzMasterList},
        {"certificate", fuzzCertificate},
        {"qr-payload", fuzzQrPayload},
        {"sm-tdes", fuzzSmTdes},
        {"sm-aes", fuzzSmAes},
        {"hostile-card", fuzzHostileCard},
        {"evidence-bundle", fuzzEvidenceBundle},
    }};
    return all;
}

} // namespace cccd::fuzz
