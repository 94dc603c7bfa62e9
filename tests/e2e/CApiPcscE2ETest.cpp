// The C API through a real pcscd and vpcd: cccd_list_readers, cccd_session_open_pcsc with the
// reader's name, with NULL, with a name no reader has, and with no card in the reader; a read
// of the emulated card (vn-basic) that verifies against the build's test CSCA.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "EmulatedCardE2ETest.h"
#include "PcscdEnvironment.h"
#include "cccd/cccd.h"
#include "support/TestData.h"

using namespace cccd;

namespace {

const auto* const g_environment = ::testing::AddGlobalTestEnvironment(new test::PcscdEnvironment);

struct ReaderEntry {
    std::string name;
    bool hasCard = false;
};

std::vector<ReaderEntry> listReaders() {
    cccd_reader_list* list = nullptr;
    EXPECT_EQ(cccd_list_readers(&list), CCCD_OK) << cccd_last_error_message();
    std::vector<ReaderEntry> out;
    for (std::size_t i = 0; i < cccd_reader_list_count(list); ++i) {
        out.push_back({cccd_reader_list_name(list, i), cccd_reader_list_has_card(list, i) == 1});
    }
    EXPECT_EQ(cccd_reader_list_name(list, out.size()), nullptr);
    cccd_reader_list_free(list);
    return out;
}

/// A context that trusts the build's test CSCA.
class CApiContext {
public:
    CApiContext() {
        EXPECT_EQ(cccd_context_new(&m_context), CCCD_OK);
        const std::string csca = (test::binaryDir() / "profiles" / "csca.pem").string();
        EXPECT_EQ(cccd_context_add_trust_file(m_context, csca.c_str()), CCCD_OK);
    }

    ~CApiContext() { cccd_context_free(m_context); }

    CApiContext(const CApiContext&) = delete;
    CApiContext& operator=(const CApiContext&) = delete;

    [[nodiscard]] cccd_context* get() const { return m_context; }

private:
    cccd_context* m_context = nullptr;
};

class CApiPcscE2ETest : public test::EmulatedCardE2ETest {
protected:
    CApiPcscE2ETest() : EmulatedCardE2ETest("capi-control") {}

    /// Reads the card with the printed MRZ: the status, and whether the result is verified.
    std::pair<cccd_status, int> read(cccd_session* session) {
        const std::string mrz = toString(test::readFile(profiles() / (Persona + ".mrz")));
        EXPECT_EQ(cccd_session_set_mrz(session, mrz.c_str()), CCCD_OK);
        cccd_result* result = nullptr;
        const cccd_status status = cccd_session_read(session, &result);
        const int verified = cccd_result_verified(result);
        EXPECT_EQ(cccd_result_problem_count(result), 0u);
        cccd_result_free(result);
        return {status, verified};
    }

    CApiContext m_capi;
};

TEST_F(CApiPcscE2ETest, TheReaderListNamesTheReaderThatHoldsTheCard) {
    const std::vector<ReaderEntry> readers = listReaders();

    bool found = false;
    for (const ReaderEntry& reader : readers) {
        if (reader.name == m_reader) {
            found = true;
            EXPECT_TRUE(reader.hasCard);
        }
    }
    EXPECT_TRUE(found) << m_reader;
}

TEST_F(CApiPcscE2ETest, TheReaderNamedReadsAVerifiedCard) {
    cccd_session* session = nullptr;
    ASSERT_EQ(cccd_session_open_pcsc(m_capi.get(), m_reader.c_str(), &session), CCCD_OK)
        << cccd_last_error_message();

    EXPECT_EQ(read(session), std::make_pair(CCCD_OK, 1)) << cccd_last_error_message();
    cccd_session_free(session);
}

TEST_F(CApiPcscE2ETest, WithoutANameTheReaderHoldingACardIsTaken) {
    cccd_session* session = nullptr;
    ASSERT_EQ(cccd_session_open_pcsc(m_capi.get(), nullptr, &session), CCCD_OK)
        << cccd_last_error_message();

    EXPECT_EQ(read(session), std::make_pair(CCCD_OK, 1)) << cccd_last_error_message();
    cccd_session_free(session);
}

TEST_F(CApiPcscE2ETest, AReaderNameNoReaderHasIsNoReader) {
    cccd_session* session = nullptr;

    EXPECT_EQ(cccd_session_open_pcsc(m_capi.get(), "No Such Reader 00 00", &session),
              CCCD_E_NO_READER);

    EXPECT_EQ(session, nullptr);
    EXPECT_STRNE(cccd_last_error_message(), "");
}

/// pcscd with the vpcd reader and no card in it (no emulator runs).
class CApiPcscNoCardE2ETest : public ::testing::Test {
protected:
    CApiContext m_capi;
};

TEST_F(CApiPcscNoCardE2ETest, AnEmptyReaderIsNoCardWithItsNameAndWithout) {
    const std::vector<ReaderEntry> readers = listReaders();
    ASSERT_FALSE(readers.empty()) << "pcscd shows the vpcd reader";
    for (const ReaderEntry& reader : readers) {
        ASSERT_FALSE(reader.hasCard) << reader.name << ": another card is in the reader";
    }
    cccd_session* session = nullptr;

    EXPECT_EQ(cccd_session_open_pcsc(m_capi.get(), nullptr, &session), CCCD_E_NO_CARD);
    EXPECT_EQ(cccd_session_open_pcsc(m_capi.get(), readers.front().name.c_str(), &session),
              CCCD_E_NO_CARD)
        << cccd_last_error_message();

    EXPECT_EQ(session, nullptr);
    EXPECT_STREQ(cccd_status_name(CCCD_E_NO_CARD), "no_card");
}

} // namespace
