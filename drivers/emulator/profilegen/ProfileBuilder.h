#pragma once

#include "emulator/card/CardProfile.h"
#include "emulator/profilegen/CardFeatures.h"
#include "emulator/profilegen/Persona.h"
#include "emulator/profilegen/TestPki.h"

namespace cccd::emulator {

/// The ATRs published for the CCCD (cccd.md §1.1): the contact ATR of the "Javelin-OS 1.0"
/// chip and the PC/SC pseudo-ATR of the contactless "MKjCOS-37" chip.
inline constexpr const char* VietnamContactAtr = "3B9F96C00A31FE45754A6176656C696E2D4F5320312E3051";
inline constexpr const char* VietnamContactlessAtr = "3B8980014D4B6A434F532D333712";

/// A generated card: the profile (which carries what the card offers: BAC, PACE, Chip and Active
/// Authentication) and the features it was built from.
struct PersonaCard {
    CardProfile profile;
    CardFeatures features;
};

/// A complete signed card from a persona: DG1 (TD1 MRZ), DG2 (synthetic JPEG portrait), DG3
/// (placeholder), DG13, DG14 (SecurityInfos and the Chip Authentication key), DG15 (Active
/// Authentication key), EF.COM, EF.SOD signed by the PKI's Document Signer, EF.CardAccess when
/// the persona asks, EF.CardSecurity when a PACE option uses Chip Authentication Mapping, the
/// BAC and PACE passwords, the private keys, ATR and flags. A persona asking for a key mismatch
/// gets a DG14 or DG15 naming another key than the one the card holds. Throws
/// Error(InvalidArgument) for features that contradict each other.
[[nodiscard]] PersonaCard buildPersonaCard(const Persona& persona, const TestPki& pki);

/// buildPersonaCard without the features.
[[nodiscard]] CardProfile buildPersonaProfile(const Persona& persona, const TestPki& pki);

} // namespace cccd::emulator
