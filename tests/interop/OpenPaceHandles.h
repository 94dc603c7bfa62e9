#pragma once

// OpenPACE (libeac) objects in std::unique_ptr, and byte conversions to and from its BUF_MEM.
// Test-only: the SDK itself never links libeac.

#include <cstdint>
#include <string>

#include <eac/eac.h>
#include <eac/pace.h>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/OpenSslPtr.h"

namespace cccd::test {

using EacCtxPtr = crypto::OpenSslPtr<EAC_CTX, EAC_CTX_clear_free>;
using PaceSecPtr = crypto::OpenSslPtr<PACE_SEC, PACE_SEC_clear_free>;
using BufMemPtr = crypto::OpenSslPtr<BUF_MEM, BUF_MEM_clear_free>; ///< wiped: may hold keys

/// EAC_init() once per process, before the first libeac call.
void initOpenPace();

/// Whether this libeac can run PACE with a protocol OID and standardized domain parameters.
/// Debian's libeac 1.1.2 knows no PACE-CAM OID and refuses to set up Integrated Mapping.
[[nodiscard]] bool openPaceSupports(const std::string& dottedOid, std::uint64_t parameterId);

/// Whether a libeac PACE protocol NID uses Integrated Mapping (ICAO 9303-11 §4.4).
[[nodiscard]] bool isIntegratedMapping(int protocol);

/// EF.CardAccess with one PACEInfo (ICAO 9303-11 §9.2.1): SecurityInfos, a SET OF, holding
/// SEQUENCE { protocol, version 2, parameterId }. libeac reads its PACE setup from this.
[[nodiscard]] Bytes paceCardAccess(const std::string& protocol, std::uint64_t parameterId);

/// A new BUF_MEM holding a copy of bytes; throws Error(Crypto) when libeac cannot allocate.
[[nodiscard]] BufMemPtr toBufMem(ByteView bytes);

/// The bytes of a BUF_MEM (none for a null pointer).
[[nodiscard]] Bytes toBytes(const BUF_MEM* buffer);

/// The same, for keys: in wiped memory.
[[nodiscard]] SecureBytes toSecureBytes(const BUF_MEM* buffer);

/// A libeac result that must not be null; throws Error(Crypto) naming the step otherwise.
[[nodiscard]] BufMemPtr required(BUF_MEM* buffer, const char* step);

} // namespace cccd::test
