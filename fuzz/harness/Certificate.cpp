// X.509 as the SDK uses it (RFC 5280 §4.1, ICAO 9303-12 §7): a DER certificate or a PEM text
// given with --trust, its fields, and its signature checked against itself and the anchor.
#include "crypto/Certificate.h"

#include "HarnessSupport.h"
#include "Harnesses.h"
#include "verify/TrustStore.h"

namespace cccd::fuzz {

namespace {

void useCertificate(const crypto::Certificate& certificate) {
    (void)certificate.isValidAt(certificate.notBefore());
    (void)certificate.privateKeyUsagePeriod();
    (void)certificate.publicKey().bits();
    (void)certificate.verifySignedBy(certificate);
    for (const crypto::Certificate& anchor : defaultTrustStore().certificates()) {
        (void)certificate.verifySignedBy(anchor);
    }
}

} // namespace

int fuzzCertificate(const std::uint8_t* data, std::size_t size) {
    ByteView bytes = bytesOf(data, size);
    expectError([bytes] { useCertificate(crypto::Certificate::fromDer(bytes)); });
    return expectError([bytes] {
        verify::TrustStore store;
        if (store.addPem(toString(bytes)) > 0) {
            useCertificate(store.certificates().front());
        }
    });
}

} // namespace cccd::fuzz
