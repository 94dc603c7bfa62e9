#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "base/Bytes.h"
#include "crypto/Certificate.h"
#include "crypto/Hash.h"
#include "verify/MasterList.h"
#include "verify/PassiveAuthentication.h"

namespace cccd::json {

/// Version of the verification report JSON described in docs/json-verification.md; bumped on any
/// incompatible change. Programs that print a report on its own (cccd-verify-sod) carry it.
constexpr int VerificationSchemaVersion = 1;

/// Passive Authentication as JSON (docs/json-verification.md): every check by its stable status
/// name, the verdict, the reference time, the certificates involved. Never any DG content.
/// The report does not carry the SOD's hash algorithm: pass it (sodHashAlgorithm()) to have it
/// named beside each data group, else those entries say null.
[[nodiscard]] nlohmann::json
toJson(const verify::PassiveAuthenticationReport& report,
       std::optional<crypto::HashAlgorithm> dgHashAlgorithm = std::nullopt);

/// The EF.CardSecurity signature checks as JSON.
[[nodiscard]] nlohmann::json toJson(const verify::CardSecurityReport& report);

/// What loading an ICAO master list found, as JSON, with a verdict derived like the others.
[[nodiscard]] nlohmann::json toJson(const verify::MasterListReport& report);

/// The Document Signer checks shared by the three reports (the "signer" object).
[[nodiscard]] nlohmann::json toJson(const verify::DocumentSignerReport& signer);

/// Subject, issuer, serial number, validity and key identifiers of a certificate; nothing
/// personal (CSCA and Document Signer certificates name authorities, not people).
[[nodiscard]] nlohmann::json certificateSummary(const crypto::Certificate& certificate);

/// The verdict a master list report implies: the rule of Passive Authentication applied to its
/// signer (any failed step is invalid; a signer chaining to no known CSCA is issuer unknown).
[[nodiscard]] verify::Verdict masterListVerdict(const verify::MasterListReport& report);

/// The data group hash algorithm of an EF.SOD; nullopt when it does not parse.
[[nodiscard]] std::optional<crypto::HashAlgorithm> sodHashAlgorithm(ByteView efSod);

} // namespace cccd::json
