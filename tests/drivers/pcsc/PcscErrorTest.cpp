// PC/SC return codes (pcsclite.h) become the SDK's typed errors; the same code means "no card"
// before a session and "card removed" during one.
#include "pcsc/PcscError.h"

#include <winscard.h>

#include <gtest/gtest.h>

using namespace cccd;

namespace {

ErrorCode codeOf(long rv, bool duringSession) {
    try {
        pcsc::throwPcscError(rv, "test", duringSession);
    } catch (const Error& e) {
        return e.code();
    }
    ADD_FAILURE() << "no error thrown";
    return ErrorCode::Transport;
}

} // namespace

TEST(PcscErrorTest, ReaderCodesAreNoReaderBeforeAndUnpluggedDuringASession) {
    EXPECT_EQ(codeOf(SCARD_E_NO_READERS_AVAILABLE, false), ErrorCode::NoReader);
    EXPECT_EQ(codeOf(SCARD_E_UNKNOWN_READER, false), ErrorCode::NoReader);
    EXPECT_EQ(codeOf(SCARD_E_NO_SERVICE, false), ErrorCode::NoReader);
    EXPECT_EQ(codeOf(SCARD_E_UNKNOWN_READER, true), ErrorCode::ReaderUnplugged);
    EXPECT_EQ(codeOf(SCARD_E_READER_UNAVAILABLE, true), ErrorCode::ReaderUnplugged);
}

TEST(PcscErrorTest, CardCodesAreNoCardBeforeAndCardRemovedDuringASession) {
    EXPECT_EQ(codeOf(SCARD_E_NO_SMARTCARD, false), ErrorCode::NoCard);
    EXPECT_EQ(codeOf(SCARD_W_REMOVED_CARD, false), ErrorCode::NoCard);
    EXPECT_EQ(codeOf(SCARD_W_REMOVED_CARD, true), ErrorCode::CardRemoved);
    EXPECT_EQ(codeOf(SCARD_W_RESET_CARD, true), ErrorCode::CardRemoved);
}

TEST(PcscErrorTest, OtherCodesKeepTheirMeaning) {
    EXPECT_EQ(codeOf(SCARD_E_SHARING_VIOLATION, false), ErrorCode::SharingViolation);
    EXPECT_EQ(codeOf(SCARD_E_TIMEOUT, false), ErrorCode::Timeout);
    EXPECT_EQ(codeOf(SCARD_E_CANCELLED, false), ErrorCode::Cancelled);
    EXPECT_EQ(codeOf(SCARD_F_COMM_ERROR, true), ErrorCode::Transport);
}

TEST(PcscErrorTest, MessageNamesTheOperationAndTheCode) {
    try {
        pcsc::throwPcscError(SCARD_E_NO_SERVICE, "SCardEstablishContext");
        FAIL();
    } catch (const Error& e) {
        std::string what = e.what();
        EXPECT_NE(what.find("SCardEstablishContext"), std::string::npos);
        EXPECT_NE(what.find("0x8010001D"), std::string::npos);
        EXPECT_NE(what.find("pcscd"), std::string::npos);
    }
}
