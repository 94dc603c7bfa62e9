#include "verify/Iso9796Signature.h"

#include <array>

#include "base/Error.h"
#include "crypto/RsaPublicOperation.h"

namespace cccd::verify {

namespace {

// ISO/IEC 9796-2: '01' then the more-data bit; 1 means M2 is not in F (partial recovery).
constexpr std::uint8_t HeaderMask = 0xE0;
constexpr std::uint8_t HeaderPartialRecovery = 0x60;
constexpr std::uint8_t PaddingNibble = 0x0B;
constexpr std::uint8_t BorderNibble = 0x0A;
constexpr std::uint8_t PaddingByte = 0xBB;
constexpr std::uint8_t BorderByte = 0xBA;
constexpr std::uint8_t ImplicitSha1Trailer = 0xBC;
constexpr std::uint8_t ExplicitTrailer = 0xCC;

struct HashIdentifier {
    std::uint8_t id;
    crypto::HashAlgorithm hash;
};

// ISO/IEC 10118-3 hash-function identifiers as ISO/IEC 9796-2 trailers carry them.
constexpr std::array<HashIdentifier, 5> HashIdentifiers = {{
    {0x33, crypto::HashAlgorithm::Sha1},
    {0x34, crypto::HashAlgorithm::Sha256},
    {0x35, crypto::HashAlgorithm::Sha512},
    {0x36, crypto::HashAlgorithm::Sha384},
    {0x38, crypto::HashAlgorithm::Sha224},
}};

// Where M1 starts: after the header byte when its low nibble is the border A, else after the
// run of BB padding bytes that ends in BA. nullopt for anything else.
std::optional<std::size_t> messageStart(ByteView f) {
    if (f.empty() || (f[0] & HeaderMask) != HeaderPartialRecovery) {
        return std::nullopt;
    }
    std::uint8_t nibble = f[0] & 0x0F;
    if (nibble == BorderNibble) {
        return 1;
    }
    if (nibble != PaddingNibble) {
        return std::nullopt;
    }
    for (std::size_t i = 1; i < f.size(); ++i) {
        if (f[i] == BorderByte) {
            return i + 1;
        }
        if (f[i] != PaddingByte) {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

} // namespace

Iso9796Recovery checkIso9796Representative(ByteView f, ByteView nonRecoverable) {
    Iso9796Recovery out;
    std::optional<std::size_t> start = messageStart(f);
    if (!start) {
        return out;
    }

    // The trailer names the hash and its own length t (1 or 2 bytes).
    std::size_t trailerSize = 1;
    if (f.back() == ImplicitSha1Trailer) {
        out.hash = crypto::HashAlgorithm::Sha1;
    } else if (f.back() == ExplicitTrailer && f.size() >= 2) {
        trailerSize = 2;
        out.explicitTrailer = true;
        for (const HashIdentifier& known : HashIdentifiers) {
            if (known.id == f[f.size() - 2]) {
                out.hash = known.hash;
            }
        }
    }
    if (!out.hash) {
        out.status = Iso9796Status::TrailerInvalid;
        return out;
    }
    std::size_t hashSize = crypto::digestSize(*out.hash);
    if (f.size() < *start + hashSize + trailerSize) {
        out.status = Iso9796Status::HeaderInvalid;
        out.hash.reset();
        return out;
    }

    // D = Hash(M1 || M2) sits between M1 and the trailer.
    std::size_t hashOffset = f.size() - trailerSize - hashSize;
    out.recoveredMessage.assign(f.begin() + static_cast<std::ptrdiff_t>(*start),
                                f.begin() + static_cast<std::ptrdiff_t>(hashOffset));
    Bytes computed = crypto::digest(*out.hash, concat(out.recoveredMessage, nonRecoverable));
    bool match = equalConstantTime(computed, f.subspan(hashOffset, hashSize));
    out.status = match ? Iso9796Status::Valid : Iso9796Status::HashMismatch;
    return out;
}

Iso9796Recovery verifyIso9796Signature(ByteView modulus, ByteView publicExponent,
                                       ByteView signature, ByteView nonRecoverable) {
    Bytes f;
    try {
        f = crypto::rsaPublicOperation(modulus, publicExponent, signature);
    } catch (const Error& e) {
        if (e.code() != ErrorCode::InvalidArgument) {
            throw;
        }
        Iso9796Recovery out;
        out.status = Iso9796Status::OutOfRange;
        return out;
    }
    return checkIso9796Representative(f, nonRecoverable);
}

std::string_view iso9796StatusName(Iso9796Status status) {
    switch (status) {
    case Iso9796Status::Valid:
        return "valid";
    case Iso9796Status::OutOfRange:
        return "out_of_range";
    case Iso9796Status::HeaderInvalid:
        return "header_invalid";
    case Iso9796Status::TrailerInvalid:
        return "trailer_invalid";
    case Iso9796Status::HashMismatch:
        return "hash_mismatch";
    }
    return "header_invalid";
}

} // namespace cccd::verify
