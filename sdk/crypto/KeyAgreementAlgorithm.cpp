#include "crypto/KeyAgreementAlgorithm.h"

namespace cccd::crypto {

std::string_view keyAgreementAlgorithmName(KeyAgreementAlgorithm algorithm) {
    switch (algorithm) {
    case KeyAgreementAlgorithm::Dh:
        return "dh";
    case KeyAgreementAlgorithm::Ecdh:
        return "ecdh";
    }
    return "unknown";
}

} // namespace cccd::crypto
