#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/Error.h"
#include "lds/Dg1.h"
#include "lds/Dg13.h"
#include "lds/Dg14.h"
#include "lds/Dg15.h"
#include "lds/Dg2.h"
#include "lds/EfCom.h"
#include "reader/CardReader.h"
#include "verify/PassiveAuthentication.h"
#include "verify/TrustStore.h"

namespace cccd::reader {

/// A file that was read but does not parse: named, with the parser's reason (no personal data).
struct ParseIssue {
    std::string file;
    ErrorCode code = ErrorCode::MalformedData;
    std::string reason;
};

/// Everything one card session produced: the raw files, each parsed into its typed record, and
/// the Passive Authentication report. Holds personal data: never log it; destroy it when done.
struct Document {
    CardReadout readout;
    std::optional<lds::EfCom> efCom;
    std::optional<lds::Dg1> dg1;
    std::optional<lds::Dg2> dg2;
    std::optional<lds::Dg13> dg13;
    std::optional<lds::Dg14> dg14;
    std::optional<lds::Dg15> dg15;
    std::vector<ParseIssue> parseIssues;
    verify::PassiveAuthenticationReport passiveAuthentication;

    /// Data groups EF.SOD hashes that the read should have brought and did not: everything but
    /// DG3/DG4 (behind EAC) and groups the caller did not ask for. A card, or someone between
    /// reader and card, that withholds a signed data group makes the document unverified
    /// (TR-03105-5.1 ISO7816_C_01).
    std::vector<int> missingDataGroups;

    /// The first face image of DG2, if any.
    [[nodiscard]] const lds::FaceImage* portrait() const;

    /// Every file parsed, at least one data group read, none missing, and Passive
    /// Authentication verified up to a trusted CSCA.
    [[nodiscard]] bool verified() const;
};

/// Parses every file of a readout and runs Passive Authentication against the trust store.
/// Bad card data becomes parse issues and failed checks, never an exception.
[[nodiscard]] Document interpret(CardReadout readout, const verify::TrustStore& trustStore);

} // namespace cccd::reader
