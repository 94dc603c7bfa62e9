#pragma once

#include "emulator/card/CardProfile.h"
#include "emulator/profilegen/Persona.h"
#include "emulator/profilegen/TestPki.h"

namespace cccd::emulator {

/// The ATRs published for the CCCD (cccd.md §1.1): the contact ATR of the "Javelin-OS 1.0"
/// chip and the PC/SC pseudo-ATR of the contactless "MKjCOS-37" chip.
inline constexpr const char* VietnamContactAtr = "3B9F96C00A31FE45754A6176656C696E2D4F5320312E3051";
inline constexpr const char* VietnamContactlessAtr = "3B8980014D4B6A434F532D333712";

/// A complete signed card from a persona: DG1 (TD1 MRZ), DG2 (synthetic JPEG portrait), DG3
/// (placeholder), DG13, DG14 (Chip Authentication key), DG15 (Active Authentication key),
/// EF.COM, EF.SOD signed by the PKI's Document Signer, EF.CardAccess when the persona asks,
/// the BAC and PACE passwords, the private keys, ATR and flags.
[[nodiscard]] CardProfile buildPersonaProfile(const Persona& persona, const TestPki& pki);

} // namespace cccd::emulator
