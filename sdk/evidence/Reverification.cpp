#include "evidence/Reverification.h"

#include <algorithm>

#include "lds/Sod.h"
#include "tlv/Tlv.h"
#include "verify/ActiveAuthentication.h"

namespace cccd::evidence {

namespace {

constexpr std::uint32_t IntegerTag = 0x02;

Bytes withoutLeadingZeros(ByteView value) {
    auto first = std::find_if(value.begin(), value.end(), [](std::uint8_t b) { return b != 0; });
    return Bytes(first, value.end());
}

// Whether `key` (the chip's key as Chip Authentication used it: an uncompressed EC point, or
// the DH value without leading zeros) is the one a ChipAuthenticationPublicKeyInfo stores (ICAO
// 9303-11 §9.2.5: an EC point in either form, or a DH value as an INTEGER).
bool sameKey(const lds::ChipAuthenticationPublicKeyInfo& info, ByteView key) {
    const Bytes& stored = info.publicKey.publicKey;
    if (info.keyAgreement == lds::KeyAgreement::Dh) {
        try {
            tlv::Tlv integer = tlv::parse(stored, IntegerTag);
            return withoutLeadingZeros(integer.value) == withoutLeadingZeros(key);
        } catch (const Error&) {
            return false;
        }
    }
    if (std::equal(stored.begin(), stored.end(), key.begin(), key.end())) {
        return true;
    }
    // A compressed point (SEC 1 §2.3.3): 02 or 03 by the parity of y, then x.
    bool compressed = !stored.empty() && (stored[0] == 0x02 || stored[0] == 0x03);
    std::size_t coordinate = stored.empty() ? 0 : stored.size() - 1;
    if (!compressed || key.size() != 1 + 2 * coordinate || key[0] != 0x04) {
        return false;
    }
    bool sameX = std::equal(stored.begin() + 1, stored.end(), key.begin() + 1);
    return sameX && (key.back() & 1) == (stored[0] & 1);
}

// The keys of `infos` a recorded keyId names: that keyId's, or all when none was recorded.
bool holdsKey(const std::vector<lds::ChipAuthenticationPublicKeyInfo>& infos,
              std::optional<std::uint64_t> keyId, ByteView key) {
    return std::any_of(infos.begin(), infos.end(), [&](const auto& info) {
        return (!keyId || info.keyId == keyId) && sameKey(info, key);
    });
}

bool holdsKeyId(const std::vector<lds::ChipAuthenticationPublicKeyInfo>& infos,
                std::optional<std::uint64_t> keyId) {
    return std::any_of(infos.begin(), infos.end(),
                       [&](const auto& info) { return !keyId || info.keyId == keyId; });
}

// The signature checked again over the recorded challenge with DG15's key. A recorded refusal
// (no signature) stands: it can only count against the chip. A pass that cannot be checked
// again (DG15 left out of the bundle) does not count.
void reverifySignature(Reverification& out, std::optional<verify::ActiveAuthenticationResult>& aa) {
    const std::optional<lds::Dg15>& dg15 = out.document.dg15;
    if (aa->signature.empty() && !aa->passed()) {
        out.activeAuthentication = ReverificationMethod::Recorded;
        return;
    }
    if (!dg15) {
        out.activeAuthentication = ReverificationMethod::NotReverifiable;
        if (aa->passed()) {
            aa.reset();
        }
        return;
    }
    const lds::SecurityInfos* dg14 =
        out.document.dg14 ? &out.document.dg14->securityInfos : nullptr;
    verify::ActiveAuthenticationResult again;
    try {
        again = verify::verifyActiveAuthentication(*dg15, dg14, aa->challenge, aa->signature);
    } catch (const Error&) { // a signature OpenSSL cannot even process does not verify
        again.status = verify::ActiveAuthenticationStatus::Failed;
        again.reason = verify::ActiveAuthenticationReason::SignatureInvalid;
        again.challenge = aa->challenge;
        again.signature = aa->signature;
    }
    again.statusWord = aa->statusWord;
    *aa = std::move(again);
    out.activeAuthentication = ReverificationMethod::Recomputed;
}

// Active Authentication (ICAO 9303-11 §6.1), the one chip proof a bundle can replay: the
// signature is checked again, then bound to the server's challenge when one is expected.
void reverifyActiveAuthentication(Reverification& out, const ReverifyOptions& options) {
    std::optional<verify::ActiveAuthenticationResult>& aa =
        out.document.readout.activeAuthentication;
    if (!aa) {
        out.activeAuthentication = ReverificationMethod::NotRun;
    } else {
        out.recordedActiveAuthentication = aa->status;
        reverifySignature(out, aa);
    }
    if (options.expectedChallenge.empty()) {
        out.challenge = ChallengeCheck::NotGiven;
        return;
    }
    // Only a signature verified here binds the read to the challenge: next to a refusal, an
    // error or a signature without DG15, the recorded challenge is text the bundle's author
    // wrote. A failed Active Authentication has failed the chip already.
    bool signedHere =
        out.activeAuthentication == ReverificationMethod::Recomputed && aa && aa->passed();
    bool failed = aa && aa->status == verify::ActiveAuthenticationStatus::Failed;
    if (aa && aa->challenge == options.expectedChallenge && (signedHere || failed)) {
        out.challenge = ChallengeCheck::Matches;
        return;
    }
    // No signature over the server's challenge: nothing shows that this chip took part in this
    // read, so the chip check fails whatever else it proved.
    out.challenge = aa && aa->challenge != options.expectedChallenge ? ChallengeCheck::Mismatch
                                                                     : ChallengeCheck::NotRecorded;
    if (!aa) {
        aa.emplace();
    }
    aa->status = verify::ActiveAuthenticationStatus::Failed;
    aa->reason = verify::ActiveAuthenticationReason::ChallengeMismatch;
}

// Chip Authentication (ICAO 9303-11 §6.2) is a key agreement with the chip: its transcript
// cannot prove anything again. A recorded pass is kept only when the chip key it used is the
// one the signed DG14 holds; another key is what a clone shows.
void reviewChipAuthentication(Reverification& out) {
    std::optional<verify::ChipAuthenticationResult>& ca = out.document.readout.chipAuthentication;
    if (!ca) {
        out.chipAuthentication = ReverificationMethod::NotRun;
        return;
    }
    out.chipAuthentication = ReverificationMethod::Recorded;
    if (!ca->passed()) {
        out.chipAuthenticationKey = RecordedKeyCheck::NotNeeded;
        return;
    }
    const std::optional<lds::Dg14>& dg14 = out.document.dg14;
    if (!dg14) {
        out.chipAuthenticationKey = RecordedKeyCheck::NotCheckable;
        ca.reset();
        return;
    }
    if (holdsKey(dg14->securityInfos.chipAuthenticationPublicKeyInfos, ca->keyId,
                 ca->chipPublicKey)) {
        out.chipAuthenticationKey = RecordedKeyCheck::Consistent;
        return;
    }
    out.chipAuthenticationKey = RecordedKeyCheck::Inconsistent;
    ca->status = verify::ChipAuthenticationStatus::Failed;
}

// PACE-CAM (ICAO 9303-11 §4.4.3.5.2) is proved inside PACE: taken as recorded when
// EF.CardSecurity, whose signature interpret checks, publishes a key of the recorded keyId.
void reviewChipAuthenticationMapping(Reverification& out) {
    std::optional<reader::ChipAuthenticationMappingResult>& cam =
        out.document.readout.chipAuthenticationMapping;
    if (!cam) {
        out.chipAuthenticationMapping = ReverificationMethod::NotRun;
        return;
    }
    out.chipAuthenticationMapping = ReverificationMethod::Recorded;
    if (!cam->passed()) {
        out.chipAuthenticationMappingKey = RecordedKeyCheck::NotNeeded;
        return;
    }
    const Bytes& file = out.document.readout.efCardSecurity;
    if (file.empty()) {
        out.chipAuthenticationMappingKey = RecordedKeyCheck::Inconsistent;
        cam->status = reader::ChipAuthenticationMappingStatus::Failed;
        cam->reason = reader::ChipAuthenticationMappingReason::NoCardSecurity;
        return;
    }
    std::optional<lds::SecurityInfos> infos;
    try {
        infos = lds::SecurityInfos::parse(lds::CardSecurity::parse(file).securityInfos());
    } catch (const Error&) {
        out.chipAuthenticationMappingKey = RecordedKeyCheck::NotCheckable;
        cam->status = reader::ChipAuthenticationMappingStatus::NotCheckable;
        cam->reason = reader::ChipAuthenticationMappingReason::CardSecurityMalformed;
        return;
    }
    if (holdsKeyId(infos->chipAuthenticationPublicKeyInfos, cam->keyId)) {
        out.chipAuthenticationMappingKey = RecordedKeyCheck::Consistent;
        return;
    }
    out.chipAuthenticationMappingKey = RecordedKeyCheck::Inconsistent;
    cam->status = reader::ChipAuthenticationMappingStatus::Failed;
    cam->reason = reader::ChipAuthenticationMappingReason::NoPublicKey;
}

} // namespace

bool Reverification::verified() const {
    return document.verified();
}

Reverification reverify(const EvidenceBundle& bundle, const verify::TrustStore& trustStore,
                        const ReverifyOptions& options) {
    if (!options.expectedChallenge.empty() &&
        options.expectedChallenge.size() != verify::ActiveAuthenticationChallengeSize) {
        throw Error(ErrorCode::InvalidArgument, "the expected challenge has 8 bytes");
    }
    reader::CardReadout readout = bundle.readout;
    for (int dg : bundle.leftOut) {
        readout.skipped.push_back({dg, "not_requested"});
    }

    Reverification out;
    out.document = reader::interpret(std::move(readout), trustStore);
    out.readTime = bundle.readTime;
    out.sdkVersion = bundle.sdkVersion;
    out.notRequested = bundle.leftOut;
    reverifyActiveAuthentication(out, options);
    reviewChipAuthentication(out);
    reviewChipAuthenticationMapping(out);
    return out;
}

std::string_view reverificationMethodName(ReverificationMethod method) {
    switch (method) {
    case ReverificationMethod::Recomputed:
        return "recomputed";
    case ReverificationMethod::Recorded:
        return "recorded";
    case ReverificationMethod::NotReverifiable:
        return "not_reverifiable";
    case ReverificationMethod::NotRun:
        return "not_run";
    }
    return "not_run";
}

std::string_view recordedKeyCheckName(RecordedKeyCheck check) {
    switch (check) {
    case RecordedKeyCheck::Consistent:
        return "consistent";
    case RecordedKeyCheck::Inconsistent:
        return "inconsistent";
    case RecordedKeyCheck::NotCheckable:
        return "not_checkable";
    case RecordedKeyCheck::NotNeeded:
        return "not_needed";
    }
    return "not_checkable";
}

std::string_view challengeCheckName(ChallengeCheck check) {
    switch (check) {
    case ChallengeCheck::NotGiven:
        return "not_given";
    case ChallengeCheck::Matches:
        return "matches";
    case ChallengeCheck::Mismatch:
        return "mismatch";
    case ChallengeCheck::NotRecorded:
        return "not_recorded";
    }
    return "not_given";
}

} // namespace cccd::evidence
