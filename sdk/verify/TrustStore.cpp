#include "verify/TrustStore.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <iterator>

#include "base/Error.h"
#include "crypto/Oid.h"

namespace cccd::verify {

namespace {

Bytes readAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const char* why = std::filesystem::exists(path) ? "not readable" : "no such file";
        throw Error(ErrorCode::Io, "trust store: cannot read " + path.string() + " (" + why + ")");
    }
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool isPem(ByteView bytes) {
    std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    return text.find("-----BEGIN") != std::string_view::npos;
}

// A ContentInfo starts SEQUENCE { OBJECT IDENTIFIER ...; a Certificate starts SEQUENCE {
// SEQUENCE (tbsCertificate).
bool isContentInfo(ByteView bytes) {
    tlv::Tlv outer = tlv::parse(bytes, crypto::asn1::Sequence);
    return tlv::parse(outer.value).tag == crypto::asn1::ObjectIdentifier;
}

bool hasTrustExtension(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    constexpr std::array Known{".pem", ".crt", ".cer", ".der", ".ml", ".mls"};
    return std::find(Known.begin(), Known.end(), extension) != Known.end();
}

} // namespace

TrustStore TrustStore::withDefaultAnchor() {
    TrustStore store;
    store.addFile(defaultAnchorPath());
    return store;
}

bool TrustStore::addCertificate(const crypto::Certificate& certificate) {
    if (!m_known.insert(certificate.der()).second) {
        return false;
    }
    m_certificates.push_back(certificate);
    return true;
}

std::size_t TrustStore::addPem(std::string_view pem) {
    std::size_t added = 0;
    for (const crypto::Certificate& certificate : crypto::Certificate::allFromPem(pem)) {
        added += addCertificate(certificate) ? 1 : 0;
    }
    return added;
}

std::size_t TrustStore::addFile(const std::filesystem::path& path) {
    Bytes bytes = readAll(path);
    if (isPem(bytes)) {
        std::size_t before = m_certificates.size();
        if (crypto::Certificate::allFromPem(toString(bytes)).empty()) {
            throw Error(ErrorCode::MalformedData,
                        "trust store: no certificate in " + path.string());
        }
        addPem(toString(bytes));
        return m_certificates.size() - before;
    }
    if (isContentInfo(bytes)) {
        return addMasterList(bytes).addedCount;
    }
    return addCertificate(crypto::Certificate::fromDer(bytes)) ? 1 : 0;
}

std::size_t TrustStore::addDirectory(const std::filesystem::path& path) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (std::filesystem::directory_iterator it(path, error), end; !error && it != end;
         it.increment(error)) {
        if (it->is_regular_file() && hasTrustExtension(it->path())) {
            files.push_back(it->path());
        }
    }
    if (error) {
        throw Error(ErrorCode::Io, "cannot list the trust directory: " + error.message());
    }
    std::sort(files.begin(), files.end());
    std::size_t added = 0;
    for (const auto& file : files) {
        added += addFile(file);
    }
    return added;
}

std::size_t TrustStore::addPath(const std::filesystem::path& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        return addDirectory(path);
    }
    return addFile(path);
}

TrustStore TrustStore::fromPaths(const std::vector<std::string>& paths, bool defaultAnchor) {
    TrustStore store = defaultAnchor ? withDefaultAnchor() : TrustStore();
    for (const std::string& path : paths) {
        try {
            store.addPath(path);
        } catch (const Error& e) {
            throw Error(ErrorCode::InvalidArgument, "trust path " + path + ": " + e.what());
        }
    }
    return store;
}

MasterListReport TrustStore::addMasterList(ByteView der) {
    MasterList list = MasterList::parse(der);
    MasterListReport report;
    report.certificateCount = list.certificates.size();
    report.rejectedCount = list.rejected;
    report.signer = checkMasterList(list, m_certificates, crypto::currentTime());

    // ICAO 9303-12 §9: a list is only as good as its signer. A valid signature alone proves
    // nothing (anyone can sign a list with a certificate of their own making): the signer must
    // also chain to a CSCA and be valid when it signed.
    if (report.signer.passed() && report.signer.chain == ChainStatus::Trusted) {
        for (const crypto::Certificate& certificate : list.certificates) {
            report.addedCount += addCertificate(certificate) ? 1 : 0;
        }
    }
    m_masterLists.push_back(report);
    return report;
}

std::filesystem::path defaultAnchorPath() {
    std::filesystem::path installed = CCCD_DEFAULT_CSCA_INSTALL_PATH;
    std::error_code error;
    if (std::filesystem::exists(installed, error)) {
        return installed;
    }
    return CCCD_DEFAULT_CSCA_SOURCE_PATH;
}

} // namespace cccd::verify
