#include "access/Bac.h"

#include "base/Error.h"
#include "base/Log.h"
#include "crypto/Cipher.h"
#include "crypto/Hash.h"
#include "crypto/Kdf.h"
#include "crypto/Mac.h"
#include "crypto/Padding.h"
#include "transport/Send.h"

namespace cccd::access {

namespace {

constexpr std::size_t NonceSize = 8;     // RND.IC, RND.IFD
constexpr std::size_t KeyShareSize = 16; // K.IFD, K.IC
constexpr std::size_t CryptogramSize = 32;
constexpr std::size_t MacSize = 8;
constexpr std::uint8_t InsGetChallenge = 0x84;
constexpr std::uint8_t InsExternalAuthenticate = 0x82;

Bytes zeroIv() {
    return Bytes(8, 0);
}

// ISO/IEC 7816-4 §5.6 table 6: 6D00 "instruction not supported" and 6A81 "function not
// supported". A card that answers GET CHALLENGE or EXTERNAL AUTHENTICATE so has no BAC (a
// PACE-only card, ICAO 9303-11 §4.2), which no key can change.
constexpr std::uint16_t FunctionNotSupported = 0x6A81;

void refuseUnlessBacOffered(const apdu::ResponseApdu& answer) {
    if (answer.is(apdu::StatusWord::InsNotSupported) || answer.sw == FunctionNotSupported) {
        log(LogLevel::Info, "access", "the card does not implement BAC");
        throw Error(ErrorCode::NotSupported, "the card offers no BAC", answer.sw);
    }
}

} // namespace

BacKeys deriveBacKeys(ByteView mrzInformation) {
    SecureBytes hash(crypto::sha1(mrzInformation));
    ByteView seed = hash.view().first(16);
    return {crypto::deriveKey(seed, crypto::KdfCounter::Enc, crypto::KeyType::Tdes),
            crypto::deriveKey(seed, crypto::KdfCounter::Mac, crypto::KeyType::Tdes)};
}

sm::SessionKeys performBac(transport::CardChannel& channel, ByteView mrzInformation,
                           const crypto::RandomSource& random) {
    BacKeys keys = deriveBacKeys(mrzInformation);

    // §4.3.4.1 step 1: the chip's nonce.
    apdu::ResponseApdu challenge =
        transport::send(channel, {0x00, InsGetChallenge, 0x00, 0x00, {}, NonceSize, false});
    refuseUnlessBacOffered(challenge);
    if (!challenge.isSuccess() || challenge.data.size() != NonceSize) {
        throw Error(ErrorCode::CardStatus, "GET CHALLENGE failed", challenge.sw);
    }
    Bytes rndIc = challenge.data;

    // Step 2: S = RND.IFD || RND.IC || K.IFD, encrypted and MACed with the basic access keys.
    Bytes rndIfd = random(NonceSize);
    SecureBytes kIfd(random(KeyShareSize));
    SecureBytes s(concat(concat(rndIfd, rndIc), kIfd));
    Bytes eIfd = crypto::tdesCbcEncrypt(keys.kEnc, zeroIv(), s);
    Bytes cmdData = concat(eIfd, crypto::retailMac(keys.kMac, crypto::pad(eIfd, 8)));

    // Le = 0x28, the exact answer size: some chips reject Le = 00 here.
    apdu::ResponseApdu answer =
        transport::send(channel, {0x00, InsExternalAuthenticate, 0x00, 0x00, cmdData,
                                  CryptogramSize + MacSize, false});
    refuseUnlessBacOffered(answer);
    if (answer.is(apdu::StatusWord::VerificationFailed) ||
        answer.is(apdu::StatusWord::SecurityStatusNotSatisfied) ||
        answer.is(apdu::StatusWord::ConditionsNotSatisfied)) {
        log(LogLevel::Info, "access", "BAC refused by the card");
        throw Error(ErrorCode::AccessDenied, "the access key does not open this card (BAC)",
                    answer.sw);
    }
    if (!answer.isSuccess() || answer.data.size() != CryptogramSize + MacSize) {
        throw Error(ErrorCode::CardStatus, "EXTERNAL AUTHENTICATE failed", answer.sw);
    }

    // Step 3: check the chip's MAC, then that it echoes our nonce.
    ByteView eIc = ByteView(answer.data).first(CryptogramSize);
    ByteView mIc = ByteView(answer.data).subspan(CryptogramSize);
    if (!equalConstantTime(crypto::retailMac(keys.kMac, crypto::pad(eIc, 8)), mIc)) {
        throw Error(ErrorCode::SecureMessaging, "BAC: chip cryptogram MAC does not verify");
    }
    SecureBytes r(crypto::tdesCbcDecrypt(keys.kEnc, zeroIv(), eIc));
    ByteView rv = r.view();
    if (!equalConstantTime(rv.subspan(0, NonceSize), rndIc) ||
        !equalConstantTime(rv.subspan(NonceSize, NonceSize), rndIfd)) {
        throw Error(ErrorCode::SecureMessaging, "BAC: chip did not echo the nonces");
    }

    // §9.7.1 / §9.8.6.3: session keys from K.IFD xor K.IC; SSC from the nonces' low halves.
    SecureBytes seed(kIfd.view());
    for (std::size_t i = 0; i < KeyShareSize; ++i) {
        seed[i] ^= rv[2 * NonceSize + i];
    }
    sm::SessionKeys session;
    session.cipher = sm::SmCipher::Tdes;
    session.ksEnc = crypto::deriveKey(seed, crypto::KdfCounter::Enc, crypto::KeyType::Tdes);
    session.ksMac = crypto::deriveKey(seed, crypto::KdfCounter::Mac, crypto::KeyType::Tdes);
    session.ssc = concat(ByteView(rndIc).subspan(4), ByteView(rndIfd).subspan(4));
    return session;
}

} // namespace cccd::access
