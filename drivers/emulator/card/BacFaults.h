#pragma once

namespace cccd::emulator {

/// How the chip's answer to EXTERNAL AUTHENTICATE (MUTUAL AUTHENTICATE) of BAC misbehaves, for
/// the reader cases BSI TR-03105-5.1 ISO7816_B_01 and B_02 (conformance.md §2.2). The chip still
/// checks the terminal and derives its keys; only its answer changes. The faults last until
/// cleared.
struct BacFaults {
    /// M.IC, the MAC over the chip's cryptogram, has a bit flipped.
    bool wrongMac = false;
    /// E.IC encrypts RND.IC || RND.IFD || K.IC with a bit of RND.IFD flipped, under a valid
    /// M.IC: the cryptogram does not echo the terminal's nonce.
    bool wrongCryptogram = false;
};

} // namespace cccd::emulator
