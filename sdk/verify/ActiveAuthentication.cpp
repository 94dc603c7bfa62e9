#include "verify/ActiveAuthentication.h"

#include "base/Error.h"
#include "base/Log.h"
#include "crypto/PublicKey.h"
#include "crypto/Signature.h"
#include "crypto/SignatureAlgorithm.h"
#include "transport/Send.h"
#include "verify/Iso9796Signature.h"

namespace cccd::verify {

namespace {

constexpr std::uint8_t InsInternalAuthenticate = 0x88;

using Status = ActiveAuthenticationStatus;
using Reason = ActiveAuthenticationReason;

void conclude(ActiveAuthenticationResult& result, Status status, Reason reason) {
    result.status = status;
    result.reason = reason;
}

// ICAO 9303-11 §6.1: without ActiveAuthenticationInfo the hash is not named; take the SHA-2
// function whose output matches the field size, as ECDSA truncates longer hashes anyway.
crypto::HashAlgorithm hashForFieldSize(int bits) {
    if (bits <= 224) {
        return crypto::HashAlgorithm::Sha224;
    }
    if (bits <= 256) {
        return crypto::HashAlgorithm::Sha256;
    }
    return bits <= 384 ? crypto::HashAlgorithm::Sha384 : crypto::HashAlgorithm::Sha512;
}

// ECDSA signature algorithm arcs: ANSI X9.62 ecdsa-with-* and BSI TR-03111
// ecdsa-plain-signatures.
constexpr std::string_view EcdsaWithArc = "1.2.840.10045.4.";
constexpr std::string_view EcdsaPlainArc = "0.4.0.127.0.7.1.1.4.1.";

// The ECDSA hash, or why there is none.
struct EcdsaHash {
    std::optional<crypto::HashAlgorithm> hash;
    Reason problem = Reason::None;
};

// The ECDSA hash: DG14's ActiveAuthenticationInfo (ICAO 9303-11 §9.2.8) when it names an
// algorithm, else by key size. An ECDSA variant this SDK lacks is unsupported; anything that is
// not ECDSA is invalid, as §9.2.8 allows ECDSA only.
EcdsaHash ecdsaHash(const lds::SecurityInfos* dg14, int fieldBits) {
    if (dg14 != nullptr) {
        for (const lds::ActiveAuthenticationInfo& info : dg14->activeAuthenticationInfos) {
            const std::string& oid = info.signatureAlgorithm;
            if (oid.empty()) {
                continue;
            }
            auto named = crypto::signatureAlgorithmFromIdentifier({oid, {}});
            if (named && (named->scheme == crypto::SignatureScheme::Ecdsa ||
                          named->scheme == crypto::SignatureScheme::EcdsaPlain)) {
                return {named->hash, Reason::None};
            }
            bool ecdsa =
                !named && (oid.starts_with(EcdsaWithArc) || oid.starts_with(EcdsaPlainArc));
            return {std::nullopt, ecdsa ? Reason::UnsupportedAlgorithm : Reason::InvalidAlgorithm};
        }
    }
    return {hashForFieldSize(fieldBits), Reason::None};
}

void verifyRsa(const lds::SubjectPublicKeyInfo& key, ByteView challenge, ByteView signature,
               ActiveAuthenticationResult& result) {
    result.algorithm = ActiveAuthenticationAlgorithm::RsaIso9796_2;
    Iso9796Recovery recovery =
        verifyIso9796Signature(key.rsaModulus, key.rsaPublicExponent, signature, challenge);
    result.hash = recovery.hash;
    if (recovery.status != Iso9796Status::Valid) {
        conclude(result, Status::Failed, Reason::SignatureInvalid);
        return;
    }
    conclude(result, Status::Passed, Reason::None);
}

// ICAO 9303-11 §6.1 asks for the plain format (BSI TR-03111 §5.2.1); some chips send DER.
void verifyEcdsa(const lds::SubjectPublicKeyInfo& key, const lds::SecurityInfos* dg14,
                 ByteView challenge, ByteView signature, ActiveAuthenticationResult& result) {
    result.algorithm = ActiveAuthenticationAlgorithm::Ecdsa;
    crypto::PublicKey publicKey = crypto::PublicKey::fromSubjectPublicKeyInfo(key.encoded);
    EcdsaHash named = ecdsaHash(dg14, publicKey.bits());
    if (!named.hash) {
        conclude(result, Status::Error, named.problem);
        return;
    }
    crypto::HashAlgorithm hash = *named.hash;
    result.hash = hash;
    using crypto::SignatureScheme;
    if (crypto::verifySignature(publicKey, {SignatureScheme::EcdsaPlain, hash, std::nullopt},
                                challenge, signature)) {
        result.plainEcdsaSignature = true;
        conclude(result, Status::Passed, Reason::None);
        return;
    }
    bool der = crypto::verifySignature(publicKey, {SignatureScheme::Ecdsa, hash, std::nullopt},
                                       challenge, signature);
    conclude(result, der ? Status::Passed : Status::Failed,
             der ? Reason::None : Reason::SignatureInvalid);
}

// Le: the whole signature must come back. An RSA signature under secure messaging needs more
// than 256 response bytes from 2048 bits on, which only an extended Le can ask for.
apdu::CommandApdu internalAuthenticate(const transport::CardChannel& channel,
                                       const lds::SubjectPublicKeyInfo& key, ByteView challenge) {
    apdu::CommandApdu command{0x00,
                              InsInternalAuthenticate,
                              0x00,
                              0x00,
                              Bytes(challenge.begin(), challenge.end()),
                              apdu::ShortNeMax,
                              false};
    std::size_t rsaSize = key.rsaModulus.size();
    if (key.type == lds::PublicKeyType::Rsa && channel.capabilities().extendedLength &&
        rsaSize <= apdu::ExtendedNeMax) {
        command.ne = rsaSize;
        command.forceExtended = true;
    }
    return command;
}

} // namespace

ActiveAuthenticationResult verifyActiveAuthentication(const lds::Dg15& dg15,
                                                      const lds::SecurityInfos* dg14,
                                                      ByteView challenge, ByteView signature) {
    ActiveAuthenticationResult result;
    result.challenge.assign(challenge.begin(), challenge.end());
    result.signature.assign(signature.begin(), signature.end());
    const lds::SubjectPublicKeyInfo& key = dg15.publicKey;
    try {
        switch (key.type) {
        case lds::PublicKeyType::Rsa:
            verifyRsa(key, challenge, signature, result);
            break;
        case lds::PublicKeyType::Ec:
            verifyEcdsa(key, dg14, challenge, signature, result);
            break;
        case lds::PublicKeyType::Dh:
        case lds::PublicKeyType::Unknown:
            conclude(result, Status::Error, Reason::UnsupportedKey);
            break;
        }
    } catch (const Error& e) {
        if (e.code() != ErrorCode::MalformedData) {
            throw;
        }
        conclude(result, Status::Error, Reason::UnsupportedKey); // OpenSSL refused the key
    }
    return result;
}

ActiveAuthenticationResult performActiveAuthentication(transport::CardChannel& channel,
                                                       const lds::Dg15* dg15,
                                                       const lds::SecurityInfos* dg14,
                                                       ByteView challenge) {
    if (challenge.size() != ActiveAuthenticationChallengeSize) {
        throw Error(ErrorCode::InvalidArgument, "Active Authentication needs an 8-byte challenge");
    }
    ActiveAuthenticationResult result;
    result.challenge.assign(challenge.begin(), challenge.end());
    if (dg15 == nullptr) {
        conclude(result, Status::NotOffered, Reason::None);
        return result;
    }

    apdu::ResponseApdu answer;
    try {
        answer =
            transport::send(channel, internalAuthenticate(channel, dg15->publicKey, challenge));
    } catch (const Error& e) {
        if (e.code() != ErrorCode::SecureMessaging) {
            throw;
        }
        conclude(result, Status::Failed, Reason::AnswerNotVerified);
        return result;
    }
    if (!answer.isSuccess()) {
        log(LogLevel::Info, "verify", "Active Authentication refused by the chip");
        result.statusWord = answer.sw;
        conclude(result, Status::Failed, Reason::ChipRefused);
        return result;
    }

    result = verifyActiveAuthentication(*dg15, dg14, challenge, answer.data);
    result.statusWord = answer.sw;
    log(LogLevel::Info, "verify",
        std::string("Active Authentication ") +
            std::string(activeAuthenticationStatusName(result.status)));
    return result;
}

ActiveAuthenticationResult performActiveAuthentication(transport::CardChannel& channel,
                                                       const lds::Dg15* dg15,
                                                       const lds::SecurityInfos* dg14,
                                                       const crypto::RandomSource& random) {
    return performActiveAuthentication(channel, dg15, dg14,
                                       random(ActiveAuthenticationChallengeSize));
}

} // namespace cccd::verify
