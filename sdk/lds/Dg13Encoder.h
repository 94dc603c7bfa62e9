#pragma once

#include "base/Bytes.h"
#include "lds/Dg13.h"

namespace cccd::lds {

/// Encodes DG13 the way the 2021 card does (cccd.md §3.4): 6D { SEQUENCE { INTEGER 1,
/// OID 1.0.10646.1.0.8, SET { fields in number order } } }, minimal definite lengths,
/// PrintableString for fields 1, 3, 11, 15 and 16, UTF8String for the others, parents and
/// spouse as nested SEQUENCEs. Used by the emulator's profile generator.
///
/// Fields 1-12 and 16 are written when set. Field 13 is always written with one nested
/// SEQUENCE per parent, in the order given. Field 14 and field 15 are always written, in their
/// empty form `30 03 02 01 NN` when unset (as cards without spouse or old ID carry them).
/// Fields numbered outside 1..16 in `dg13.fields` follow, by number, as encoded.
/// Throws Error(InvalidArgument) when a PrintableString field holds other characters or a text
/// is not valid UTF-8 (the message names the field number only).
[[nodiscard]] Bytes encodeDg13(const Dg13& dg13);

} // namespace cccd::lds
