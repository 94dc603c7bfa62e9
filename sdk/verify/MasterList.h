#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "base/Bytes.h"
#include "crypto/Asn1Time.h"
#include "crypto/Certificate.h"
#include "crypto/SignedData.h"
#include "verify/DocumentSignerCheck.h"

namespace cccd::verify {

/// An ICAO CSCA master list (ICAO 9303-12 §9): CMS SignedData whose eContent is
/// CscaMasterList ::= SEQUENCE { version INTEGER (v0), certList SET OF Certificate }, signed by
/// a master list signer whose certificate is issued by the publishing state's CSCA.
struct MasterList {
    crypto::SignedData signedData;
    std::vector<crypto::Certificate> certificates;
    std::size_t rejected = 0; ///< certList entries that are not usable certificates

    /// Throws Error(MalformedData) when the structure itself is broken.
    [[nodiscard]] static MasterList parse(ByteView der);
};

/// What loading a master list found.
struct MasterListReport {
    std::size_t certificateCount = 0; ///< usable certificates in the list
    std::size_t rejectedCount = 0;
    std::size_t addedCount = 0; ///< new to the trust store (0 when the signature failed)
    /// The list's own signature, signer certificate and the signer's chain to a CSCA of the list
    /// or of the store.
    DocumentSignerReport signer;
};

/// Checks the master list signature and the signer's chain against the list's own CSCAs plus
/// the given anchors.
[[nodiscard]] DocumentSignerReport checkMasterList(const MasterList& list,
                                                   std::span<const crypto::Certificate> anchors,
                                                   crypto::Time now);

/// id-icao-cscaMasterList (ICAO 9303-12 §9).
inline constexpr std::string_view CscaMasterListOid = "2.23.136.1.1.2";

} // namespace cccd::verify
