// Document::chipVerdict from the Chip and Active Authentication outcomes: which errors count
// against the chip (BSI TR-03105-5.1 expects "failed" for a DG14 that announces a proof no chip
// can give: LDS_F_04-07, ISO7816_D_07/D_08/D_11-D_13, ISO7816_F_09) and which say nothing about
// it (this SDK cannot run the offer).
#include <gtest/gtest.h>

#include "reader/Document.h"

using namespace cccd;
using reader::ChipVerdict;

namespace {

ChipVerdict afterChipAuthentication(verify::ChipAuthenticationStatus status,
                                    verify::ChipAuthenticationReason reason) {
    reader::Document d;
    d.readout.chipAuthentication = verify::ChipAuthenticationResult{};
    d.readout.chipAuthentication->status = status;
    d.readout.chipAuthentication->reason = reason;
    return d.chipVerdict();
}

ChipVerdict afterActiveAuthentication(verify::ActiveAuthenticationStatus status,
                                      verify::ActiveAuthenticationReason reason) {
    reader::Document d;
    d.readout.activeAuthentication = verify::ActiveAuthenticationResult{};
    d.readout.activeAuthentication->status = status;
    d.readout.activeAuthentication->reason = reason;
    return d.chipVerdict();
}

} // namespace

TEST(ChipVerdictTest, ChipAuthenticationErrorsOfTheDocumentOrChipCountAgainstIt) {
    using Status = verify::ChipAuthenticationStatus;
    using Reason = verify::ChipAuthenticationReason;
    EXPECT_EQ(afterChipAuthentication(Status::Passed, Reason::None), ChipVerdict::Genuine);
    EXPECT_EQ(afterChipAuthentication(Status::Failed, Reason::KeyAgreementRefused),
              ChipVerdict::PossibleClone);
    EXPECT_EQ(afterChipAuthentication(Status::NotOffered, Reason::None), ChipVerdict::NotChecked);
    for (Reason reason :
         {Reason::InconsistentSecurityInfos, Reason::InvalidPublicKey, Reason::MalformedAnswer}) {
        SCOPED_TRACE(verify::chipAuthenticationReasonName(reason));
        EXPECT_EQ(afterChipAuthentication(Status::Error, reason), ChipVerdict::PossibleClone);
    }
    EXPECT_EQ(afterChipAuthentication(Status::Error, Reason::UnsupportedProtocol),
              ChipVerdict::NotChecked);
}

TEST(ChipVerdictTest, ActiveAuthenticationWithAnInvalidAlgorithmCountsAgainstTheChip) {
    using Status = verify::ActiveAuthenticationStatus;
    using Reason = verify::ActiveAuthenticationReason;
    EXPECT_EQ(afterActiveAuthentication(Status::Passed, Reason::None), ChipVerdict::Genuine);
    EXPECT_EQ(afterActiveAuthentication(Status::Failed, Reason::SignatureInvalid),
              ChipVerdict::PossibleClone);
    EXPECT_EQ(afterActiveAuthentication(Status::Error, Reason::InvalidAlgorithm),
              ChipVerdict::PossibleClone);
    EXPECT_EQ(afterActiveAuthentication(Status::Error, Reason::UnsupportedAlgorithm),
              ChipVerdict::NotChecked);
    EXPECT_EQ(afterActiveAuthentication(Status::Error, Reason::UnsupportedKey),
              ChipVerdict::NotChecked);
    EXPECT_EQ(afterActiveAuthentication(Status::NotOffered, Reason::None), ChipVerdict::NotChecked);
}
