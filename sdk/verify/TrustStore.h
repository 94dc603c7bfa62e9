#pragma once

#include <cstddef>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/Bytes.h"
#include "crypto/Certificate.h"
#include "verify/MasterList.h"

namespace cccd::verify {

/// The CSCA certificates Passive Authentication trusts (DESIGN.md: trust is configuration).
/// Every certificate is an anchor: self-signed CSCAs and link certificates alike, so a store can
/// hold several generations of a country's CSCA. Duplicates are kept once.
class TrustStore {
public:
    TrustStore() = default;

    /// A store holding the built-in anchor, the Vietnamese eID CSCA (defaultAnchorPath()).
    [[nodiscard]] static TrustStore withDefaultAnchor();

    /// Adds one certificate; false if it was already there.
    bool addCertificate(const crypto::Certificate& certificate);

    /// Adds every certificate of a PEM text; returns how many were new.
    std::size_t addPem(std::string_view pem);

    /// Adds a PEM file (one or more certificates), a DER certificate or an ICAO master list
    /// (detected by content). Returns how many certificates were new. Throws Error(Io) when the
    /// file cannot be read, Error(MalformedData) when it is none of these.
    std::size_t addFile(const std::filesystem::path& path);

    /// addFile for each file of a directory ending .pem .crt .cer .der .ml .mls (case
    /// insensitive), in name order; other files are ignored. Returns how many were new.
    std::size_t addDirectory(const std::filesystem::path& path);

    /// addDirectory for a directory, addFile for anything else. Throws Error(Io) when the path
    /// does not exist or a directory cannot be listed.
    std::size_t addPath(const std::filesystem::path& path);

    /// The store of a command line or a configuration: the built-in anchor when `defaultAnchor`,
    /// and every path (addPath). Throws Error(InvalidArgument) naming the path that fails.
    [[nodiscard]] static TrustStore fromPaths(const std::vector<std::string>& paths,
                                              bool defaultAnchor);

    /// Checks a master list's signature and adds its certificates only if the signature is
    /// valid and its signer chains to a CSCA (of the list or of the store) and was valid when it
    /// signed; the report says what was found either way. Throws Error(MalformedData).
    MasterListReport addMasterList(ByteView der);

    [[nodiscard]] const std::vector<crypto::Certificate>& certificates() const {
        return m_certificates;
    }

    [[nodiscard]] const std::vector<MasterListReport>& masterListReports() const {
        return m_masterLists;
    }

    [[nodiscard]] bool empty() const { return m_certificates.empty(); }

private:
    std::vector<crypto::Certificate> m_certificates;
    std::set<Bytes> m_known; ///< DER of every certificate held
    std::vector<MasterListReport> m_masterLists;
};

/// Where the built-in anchor is: the installed copy if present, else the one in the source tree
/// (data/trust/csca-vietnam-eid.pem).
[[nodiscard]] std::filesystem::path defaultAnchorPath();

} // namespace cccd::verify
