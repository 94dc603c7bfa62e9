#pragma once

#include <cstdint>
#include <optional>

#include "base/Bytes.h"
#include "emulator/card/CardResponse.h"
#include "emulator/card/PaceGroup.h"
#include "emulator/card/PaceResponder.h"

namespace cccd::emulator {

/// Ways the chip's side of PACE misbehaves, for the reader tests of BSI TR-03105-5.1 ISO7816_G
/// (conformance.md §2.4). The card still computes the protocol correctly; only what it answers
/// changes, so that the terminal has to notice. Faults hold for every PACE run until cleared.
struct PaceFaults {
    /// MSE:Set AT answers this status word and no run starts.
    std::optional<std::uint16_t> setAuthenticationTemplateStatus;

    /// One GENERAL AUTHENTICATE step answers a status word without data; the run ends.
    struct StepStatus {
        PaceStep step = PaceStep::EncryptedNonce;
        std::uint16_t statusWord = 0x6A80;
    };

    std::optional<StepStatus> stepStatus;

    /// What happens to the dynamic authentication data 7C of one step's answer (status 9000).
    enum class AnswerChange {
        WrongTag,  ///< the chip's object comes as 90, 92, 94 or 96 instead of 80, 82, 84 or 86
        Empty,     ///< 7C 00: the chip's object is missing
        Truncated, ///< the 7C announces one byte more than follows
    };

    struct AnswerFault {
        PaceStep step = PaceStep::EncryptedNonce;
        AnswerChange change = AnswerChange::WrongTag;
    };

    std::optional<AnswerFault> answer;

    /// What the chip sends instead of its public key (ICAO 9303-11 §4.4.3.3.1 PK_map,IC at
    /// step 2, §4.4.3.4 PK_IC at step 3). The ECDH changes need an uncompressed point, the DH
    /// ones a DH value (else the card throws Error(InvalidArgument)).
    enum class PublicKeyChange {
        XPlusOne,      ///< ECDH: x + 1, a point off the curve
        YPlusOne,      ///< ECDH: y + 1, a point off the curve
        XIsPrime,      ///< ECDH: x = p, a coordinate outside the field
        Zero,          ///< DH: 0
        One,           ///< DH: 1
        PrimeMinusOne, ///< DH: p - 1 (order 2)
        Prime,         ///< DH: p, outside the group
        TerminalKey,   ///< the terminal's own key of that step, sent back
    };

    struct PublicKeyFault {
        PaceStep step = PaceStep::KeyAgreement; ///< MapNonce (GM, CAM) or KeyAgreement
        PublicKeyChange change = PublicKeyChange::TerminalKey;
    };

    std::optional<PublicKeyFault> publicKey;

    /// Step 1 sends z with its last bit flipped: the nonce the terminal decrypts is not the one
    /// the chip maps, so the tokens of step 4 cannot match.
    bool changeEncryptedNonce = false;

    /// Step 4 sends T_IC with its last bit flipped.
    bool wrongToken = false;

    /// What happens to the encrypted chip authentication data of step 4 (DO 8A, §4.4.3.5).
    enum class ChipAuthenticationDataChange {
        Omitted,     ///< CAM: no 8A
        OctetString, ///< CAM: A_IC wrapped in an ASN.1 OCTET STRING (04 L A_IC) inside the 8A
        WrongValue,  ///< CAM: first bit of A_IC flipped; it decrypts with valid padding to
                     ///< another CA_IC (the padding block is untouched: A_IC has 2+ blocks)
        Tag8B,       ///< CAM: 8B instead of 8A around a correct A_IC
        Empty,       ///< CAM: 8A with no value
        Added,       ///< GM or IM: an 8A of one zero block after the token
    };
    std::optional<ChipAuthenticationDataChange> chipAuthenticationData;
};

/// Whether a GENERAL AUTHENTICATE of this step is to be answered with a status word, and which.
[[nodiscard]] std::optional<std::uint16_t> statusWordFault(const PaceFaults& faults, PaceStep step);

/// The chip's answer to step `step` after the faults that concern it; a refusal passes
/// unchanged. group: the run's group once the step is done (its prime), nullptr when the run
/// has ended; command: the terminal's command data (for the key it sent). Throws
/// Error(InvalidArgument) for a public key change that does not suit the group.
[[nodiscard]] CardResponse applyPaceFaults(const PaceFaults& faults, PaceStep step,
                                           const PaceGroup* group, ByteView command,
                                           CardResponse answer);

} // namespace cccd::emulator
