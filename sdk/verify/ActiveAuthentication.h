#pragma once

#include "base/Bytes.h"
#include "crypto/Random.h"
#include "lds/Dg15.h"
#include "lds/SecurityInfos.h"
#include "transport/CardChannel.h"
#include "verify/ActiveAuthenticationResult.h"

namespace cccd::verify {

/// The challenge length of ICAO 9303-11 §6.1 (RND.IFD).
inline constexpr std::size_t ActiveAuthenticationChallengeSize = 8;

/// Checks a signature over a challenge with the DG15 key, without the card: RSA with ISO/IEC
/// 9796-2 scheme 1, or ECDSA in the plain (r || s) or DER format with the hash named by DG14's
/// ActiveAuthenticationInfo (dg14 may be nullptr), else SHA-224/256/384/512 by the field size.
[[nodiscard]] ActiveAuthenticationResult verifyActiveAuthentication(const lds::Dg15& dg15,
                                                                    const lds::SecurityInfos* dg14,
                                                                    ByteView challenge,
                                                                    ByteView signature);

/// INTERNAL AUTHENTICATE (00 88 00 00, the challenge, ICAO 9303-11 §6.1) on a channel that is
/// normally the secure messaging session, then verifyActiveAuthentication. Le is 00 (256); an
/// RSA signature is asked for with its exact length in an extended APDU when the channel
/// supports extended length, so that its protected answer is never cut. Without DG15 nothing is
/// sent and the result is NotOffered. Throws Error(InvalidArgument) unless the challenge has 8
/// bytes; transport errors and a removed card throw.
[[nodiscard]] ActiveAuthenticationResult
performActiveAuthentication(transport::CardChannel& channel, const lds::Dg15* dg15,
                            const lds::SecurityInfos* dg14, ByteView challenge);

/// The same with a challenge drawn from random.
[[nodiscard]] ActiveAuthenticationResult
performActiveAuthentication(transport::CardChannel& channel, const lds::Dg15* dg15,
                            const lds::SecurityInfos* dg14, const crypto::RandomSource& random);

} // namespace cccd::verify
