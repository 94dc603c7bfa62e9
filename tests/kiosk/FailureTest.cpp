// Every way a session can fail names its cause and its remedy, in Vietnamese and in English.
#include "kiosk/core/Failure.h"

#include <gtest/gtest.h>

using namespace cccd;
using namespace cccd::kiosk;

TEST(FailureTest, EveryReasonHasACauseAndARemedyInBothLanguages) {
    for (FailureReason reason :
         {FailureReason::WrongKey, FailureReason::UnknownCsca, FailureReason::NotVerified,
          FailureReason::NotGenuine, FailureReason::Expired, FailureReason::QrMismatch,
          FailureReason::CardRemovedDuringRead, FailureReason::ReaderUnplugged,
          FailureReason::Timeout, FailureReason::ReadError}) {
        EXPECT_FALSE(failureCause(reason).vi.empty()) << failureName(reason);
        EXPECT_FALSE(failureCause(reason).en.empty()) << failureName(reason);
        EXPECT_FALSE(failureRemedy(reason).vi.empty()) << failureName(reason);
        EXPECT_FALSE(failureRemedy(reason).en.empty()) << failureName(reason);
        EXPECT_NE(failureRemedy(reason).vi, failureRemedy(reason).en);
    }
    EXPECT_EQ(failureOf(ErrorCode::AccessDenied), FailureReason::WrongKey);
    EXPECT_EQ(failureOf(ErrorCode::Cancelled), std::nullopt);
}
