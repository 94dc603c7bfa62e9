#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Error.h"
#include "lds/AtrInfo.h"
#include "lds/Dg1.h"
#include "lds/Dg13.h"
#include "lds/Dg14.h"
#include "lds/Dg15.h"
#include "lds/Dg2.h"
#include "lds/EfCom.h"
#include "reader/CardReader.h"
#include "reader/ContentChecks.h"
#include "verify/PassiveAuthentication.h"
#include "verify/TrustStore.h"

namespace cccd::reader {

/// A file that was read but does not parse: named, with the parser's reason (no personal data).
struct ParseIssue {
    std::string file;
    ErrorCode code = ErrorCode::MalformedData;
    std::string reason;
    /// False for DG13, whose content the issuer defines (ICAO 9303-10 §4.7.13): a DG13 the
    /// Vietnamese decoder cannot read is still hashed whole by Passive Authentication and kept
    /// raw in the readout, so it does not make the document unverified.
    bool blocksVerification = true;
};

/// Whether the chip proved it is the issuer's and not a copy of its files (ICAO 9303-11 §6,
/// §4.4.3.5).
enum class ChipVerdict {
    /// PACE-CAM's chip key passed with EF.CardSecurity verified, or Chip or Active
    /// Authentication passed, and no check failed
    Genuine,
    PossibleClone, ///< one failed: the files may be genuine, the chip that served them is not
    NotChecked,    ///< the card offers none, the caller skipped them, or the SDK cannot run it
};

/// "genuine", "possible_clone", "not_checked" for JSON output.
[[nodiscard]] std::string_view chipVerdictName(ChipVerdict verdict);

/// EF.CardAccess is not signed; DG14 carries its PACEInfos under the issuer's signature (ICAO
/// 9303-11 §9.2, cccd.md §1.5). Whether the PACEInfo that opened the chip is among them.
enum class PaceInfoCheck {
    Signed,     ///< DG14 lists the protocol and parameter ID PACE ran with
    Differs,    ///< DG14 lists PACEInfos, none of them this one: EF.CardAccess was changed
    NotInDg14,  ///< DG14 lists no PACEInfo (allowed: some issuers leave it out)
    NotChecked, ///< BAC opened the chip, or DG14 was not read
};

/// "signed", "differs", "not_in_dg14", "not_checked" for JSON output.
[[nodiscard]] std::string_view paceInfoCheckName(PaceInfoCheck check);

/// EF.CardAccess is not signed; EF.CardSecurity repeats its SecurityInfos under the Document
/// Signer's signature and may add more (BSI TR-03110-3 §A.1.2; TR-03105-5.1 LDS_J).
enum class CardAccessCheck {
    Signed,     ///< EF.CardSecurity holds every SecurityInfo of EF.CardAccess, byte for byte
    Differs,    ///< it lacks one, or holds a changed one: one of the two files was changed
    NotChecked, ///< EF.CardSecurity was not read (only PACE-CAM reads it), or does not parse
};

/// "signed", "differs", "not_checked" for JSON output.
[[nodiscard]] std::string_view cardAccessCheckName(CardAccessCheck check);

/// EF.COM is not signed; EF.SOD hashes the data groups the issuer put on the chip. Both lists
/// name the same data groups on a sound document (ICAO 9303-10 §4.6.1, §4.6.2; BSI
/// TR-03105-5.1 LDS_H_90-92).
enum class DataGroupListCheck {
    Same,       ///< EF.COM lists exactly the data groups EF.SOD hashes
    Differs,    ///< one of them names a data group the other does not
    NotChecked, ///< EF.COM or EF.SOD does not parse (a parse issue or PA says so)
};

/// "same", "differs", "not_checked" for JSON output.
[[nodiscard]] std::string_view dataGroupListCheckName(DataGroupListCheck check);

/// Everything one card session produced: the raw files, each parsed into its typed record, and
/// the Passive Authentication report. Holds personal data: never log it; destroy it when done.
struct Document {
    CardReadout readout;
    std::optional<lds::AtrInfo> atrInfo; ///< when the card has EF.ATR/INFO and it parses
    std::optional<lds::EfCom> efCom;
    std::optional<lds::Dg1> dg1;
    std::optional<lds::Dg2> dg2;
    std::optional<lds::Dg13> dg13;
    std::optional<lds::Dg14> dg14;
    std::optional<lds::Dg15> dg15;
    std::vector<ParseIssue> parseIssues;
    /// Files that parse but break a rule of their standard or disagree with EF.SOD or the MRZ
    /// key (ContentChecks.h): EF.COM's versions and list, DG1's MRZ, DG2's face records.
    std::vector<ContentIssue> contentIssues;
    verify::PassiveAuthenticationReport passiveAuthentication;
    /// The signature checks of EF.CardSecurity (ICAO 9303-11 §9.2.1) when it was read.
    std::optional<verify::CardSecurityReport> cardSecurity;

    /// Data groups EF.SOD hashes that the read should have brought and did not: everything but
    /// DG3/DG4 (behind EAC) and groups the caller did not ask for. A card, or someone between
    /// reader and card, that withholds a signed data group makes the document unverified
    /// (TR-03105-5.1 ISO7816_C_01).
    std::vector<int> missingDataGroups;

    /// The first face image of DG2, if any.
    [[nodiscard]] const lds::FaceImage* portrait() const;

    /// From the outcomes in the readout: PACE-CAM's chip key (which proves the chip only with
    /// EF.CardSecurity verified up to a trusted CSCA), Chip and Active Authentication. Any
    /// failure makes a possible clone; else any proof makes the chip genuine.
    [[nodiscard]] ChipVerdict chipVerdict() const;

    /// The PACEInfo used against DG14's signed copy of EF.CardAccess.
    [[nodiscard]] PaceInfoCheck paceInfoCheck() const;

    /// EF.CardAccess's SecurityInfos against EF.CardSecurity's.
    [[nodiscard]] CardAccessCheck cardAccessCheck() const;

    /// EF.COM's data group list against EF.SOD's.
    [[nodiscard]] DataGroupListCheck dataGroupListCheck() const;

    /// Every file parsed (DG13 aside, see ParseIssue) and without content issues, at least one
    /// data group read, none missing, EF.COM and EF.SOD naming the same data groups, Passive
    /// Authentication of EF.SOD and, when read, of EF.CardSecurity verified up to a trusted
    /// CSCA, EF.CardSecurity holding EF.CardAccess's SecurityInfos, and the chip not a possible
    /// clone.
    [[nodiscard]] bool verified() const;
};

/// Parses every file of a readout, checks their content, and runs Passive Authentication
/// against the trust store, of EF.SOD with the data groups and of EF.CardSecurity when it was
/// read. DG13 is decoded with the Vietnamese decoder (cccd.md §3.4) only when DG1 names the
/// issuing state VNM or could not be read; another state's DG13 stays raw bytes in the readout.
/// Bad card data becomes parse issues and failed checks, never an exception.
[[nodiscard]] Document interpret(CardReadout readout, const verify::TrustStore& trustStore);

} // namespace cccd::reader
