#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Bytes.h"
#include "lds/Dg1.h"
#include "lds/Dg2.h"
#include "lds/EfCom.h"
#include "mrz/MrzKey.h"

namespace cccd::reader {

/// The rule a file that parses still breaks.
enum class ContentCheck {
    LdsVersion,    ///< EF.COM without the LDS 1 or Unicode 4 version ICAO 9303-10 §4.6.1 sets
    DataGroupList, ///< EF.COM lists other data groups than EF.SOD hashes
    MrzField,      ///< a DG1 field breaks the MRZ rules of ICAO 9303-3 (mrz::fieldProblems)
    MrzCheckDigit, ///< a DG1 check digit is wrong
    MrzAccessKey,  ///< DG1's document number or dates are not those of the MRZ key
    FaceRecord,    ///< DG2 departs from ICAO 9303-10 §4.7.2 or ISO/IEC 19794-5:2005
};

/// "lds_version", "data_group_list", "mrz_field", "mrz_check_digit", "mrz_access_key",
/// "face_record" for JSON output.
[[nodiscard]] std::string_view contentCheckName(ContentCheck check);

/// A file that parses but breaks a rule of its standard, or disagrees with another file or with
/// the key that opened the chip: its record is shown, the document is not verified. A file that
/// does not parse at all is a ParseIssue instead.
struct ContentIssue {
    std::string file; ///< "EF.COM", "DG1", "DG2"
    ContentCheck check = ContentCheck::FaceRecord;
    std::string reason; ///< English, without personal data
};

/// EF.COM: its versions (ICAO 9303-10 §4.6.1: LDS 1.x, Unicode 4.0.0), and its data group list
/// against EF.SOD's hash list when EF.SOD parses (the unsigned list must name what the signed
/// one does: BSI TR-03105-5.1 LDS_A_08, LDS_H_90-92).
[[nodiscard]] std::vector<ContentIssue> checkEfCom(const lds::EfCom& com, ByteView efSod);

/// DG1: the MRZ's fields and check digits (ICAO 9303-3), and its document number, birth and
/// expiry dates against the MRZ key the reader had, when it had one.
[[nodiscard]] std::vector<ContentIssue> checkDg1(const lds::Dg1& dg1,
                                                 const std::optional<mrz::MrzKey>& key);

/// DG2: the problems its parser found (lds::Dg2::problems).
[[nodiscard]] std::vector<ContentIssue> checkDg2(const lds::Dg2& dg2);

} // namespace cccd::reader
