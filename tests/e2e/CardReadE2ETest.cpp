// cccd-read against the emulated card through a real pcscd and vpcd: the whole path a clerk's
// reader takes, from SCardGetStatusChange to the JSON on standard output.
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "PcscdEnvironment.h"
#include "base/Error.h"
#include "pcsc/PcscContext.h"
#include "support/Process.h"
#include "support/TestData.h"

using namespace cccd;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

const auto* const g_environment = ::testing::AddGlobalTestEnvironment(new test::PcscdEnvironment);

// cccd-read's documented exit codes (cccd-read --help).
constexpr int ExitSuccess = 0;
constexpr int ExitNoCard = 4;
constexpr int ExitAccessDenied = 5;
constexpr int ExitReadError = 6;
constexpr int ExitVerificationFailed = 7;

std::filesystem::path bin(const char* name) {
    return test::binaryDir() / "bin" / name;
}

std::filesystem::path profiles() {
    return test::binaryDir() / "profiles";
}

json persona(const std::string& name) {
    std::ifstream in(test::sourceDir() / "drivers/emulator/personas" / (name + ".json"));
    return json::parse(in);
}

std::optional<std::string> readerWithCard() {
    pcsc::PcscContext context;
    auto names = context.readersWithCard();
    if (names.empty()) {
        return std::nullopt;
    }
    return names.front();
}

bool waitUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) {
            return true;
        }
        std::this_thread::sleep_for(50ms);
    }
    return condition();
}

/// One line to the emulator's control socket, its one-line answer back.
std::string control(const std::filesystem::path& socketPath, const std::string& line) {
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::snprintf(address.sun_path, sizeof address.sun_path, "%s", socketPath.c_str());
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        close(fd);
        return "error: cannot connect";
    }
    std::string request = line + "\n";
    (void)!write(fd, request.data(), request.size());
    std::string reply;
    char c = 0;
    while (read(fd, &c, 1) == 1 && c != '\n') {
        reply.push_back(c);
    }
    close(fd);
    return reply;
}

class CardReadE2ETest : public ::testing::Test {
protected:
    void TearDown() override {
        m_emulator.reset();
        // The next test starts with an empty reader.
        EXPECT_TRUE(waitUntil([] { return !readerWithCard(); }, 10s));
    }

    void presentCard(const std::string& profile) {
        m_control = test::binaryDir() / "e2e" / ("control-" + std::to_string(getpid()));
        std::filesystem::remove(m_control);
        m_emulator = std::make_unique<test::Process>(
            bin("cccd-emulator"),
            std::vector<std::string>{"--persona", profile, "--profiles-dir", profiles().string(),
                                     "--port", std::to_string(test::PcscdEnvironment::VpcdPort),
                                     "--control", m_control.string()},
            test::binaryDir() / "e2e");
        ASSERT_TRUE(waitUntil([] { return readerWithCard().has_value(); }, 15s))
            << "the emulated card never appeared in pcscd: " << m_emulator->errors();
    }

    test::RunResult readCard(const std::string& profile, std::vector<std::string> extra = {},
                             const std::string& wait = "10") {
        std::vector<std::string> args{"--mrz-file", (profiles() / (profile + ".mrz")).string(),
                                      "--trust",    (profiles() / "csca.pem").string(),
                                      "--wait",     wait};
        args.insert(args.end(), extra.begin(), extra.end());
        return test::run(bin("cccd-read"), args, 60s);
    }

    std::unique_ptr<test::Process> m_emulator;
    std::filesystem::path m_control;
};

void expectCitizenEquals(const json& citizen, const json& p) {
    EXPECT_EQ(citizen.at("personal_id_number"), p.at("personalIdNumber"));
    EXPECT_EQ(citizen.at("full_name"), p.at("fullName"));
    EXPECT_EQ(citizen.at("date_of_birth"), p.at("dateOfBirth"));
    EXPECT_EQ(citizen.at("sex"), p.at("sex") == "M" ? "Nam" : "Nữ");
    for (const auto& [out, in] : {std::pair{"nationality", "nationality"},
                                  {"ethnicity", "ethnicity"},
                                  {"religion", "religion"},
                                  {"place_of_origin", "placeOfOrigin"},
                                  {"place_of_residence", "placeOfResidence"},
                                  {"identifying_marks", "identifyingMarks"},
                                  {"date_of_issue", "dateOfIssue"},
                                  {"field_16", "field16"}}) {
        EXPECT_EQ(citizen.at(out), p.at(in)) << out;
    }
    if (p.at("dateOfExpiry").is_null()) {
        EXPECT_TRUE(citizen.at("no_expiry").get<bool>());
        EXPECT_TRUE(citizen.at("date_of_expiry").is_null());
    } else {
        EXPECT_EQ(citizen.at("date_of_expiry"), p.at("dateOfExpiry"));
        EXPECT_FALSE(citizen.at("no_expiry").get<bool>());
    }
    std::vector<std::string> parents;
    for (const auto& parent : citizen.at("parents")) {
        parents.push_back(parent.at("name"));
    }
    std::vector<std::string> expectedParents;
    for (const char* key : {"father", "mother"}) {
        if (!p.at(key).get<std::string>().empty()) {
            expectedParents.push_back(p.at(key));
        }
    }
    EXPECT_EQ(parents, expectedParents);
    if (expectedParents.size() == 2) {
        EXPECT_EQ(citizen.at("father_name"), p.at("father"));
        EXPECT_EQ(citizen.at("mother_name"), p.at("mother"));
    }
    std::string spouse = p.at("spouse");
    EXPECT_EQ(citizen.at("spouse_name"), spouse.empty() ? json(nullptr) : json(spouse));
    json old = p.value("oldIdNumber", json(nullptr));
    bool hasOld = old.is_string() && !old.get<std::string>().empty();
    EXPECT_EQ(citizen.at("old_id_number"), hasOld ? old : json(nullptr));
}

void expectMrzEquals(const json& mrz, const json& p) {
    std::string id = p.at("personalIdNumber");
    EXPECT_EQ(mrz.at("document_number"), id.substr(3));
    EXPECT_EQ(mrz.at("personal_id_number"), id);
    EXPECT_EQ(mrz.at("date_of_birth"), p.at("dateOfBirth"));
    EXPECT_EQ(mrz.at("sex"), p.at("sex"));
    EXPECT_EQ(mrz.at("primary_identifier"), p.at("mrzSurname"));
    EXPECT_EQ(mrz.at("secondary_identifier"), p.at("mrzGivenNames"));
    EXPECT_TRUE(mrz.at("all_check_digits_valid").get<bool>());
    EXPECT_EQ(mrz.at("check_digits").size(), 5u);
}

class PersonaReadE2ETest : public CardReadE2ETest,
                           public ::testing::WithParamInterface<const char*> {};

TEST_P(PersonaReadE2ETest, ReadsEveryFieldAndVerifies) {
    std::string name = GetParam();
    presentCard(name);
    auto portrait = test::binaryDir() / "e2e" / (name + ".jpg");
    test::RunResult r = readCard(name, {"--portrait", portrait.string()});
    ASSERT_EQ(r.exitCode, ExitSuccess) << r.errors;

    json out = json::parse(r.output);
    json p = persona(name);
    expectCitizenEquals(out.at("citizen"), p);
    expectMrzEquals(out.at("mrz"), p);
    EXPECT_EQ(out.at("card").at("access_protocol"), "BAC");
    EXPECT_EQ(out.at("card").at("files_skipped"),
              json::parse(R"([{"file": "DG3", "reason": "access_denied"}])"));
    EXPECT_EQ(out.at("card").at("extended_length"), p.at("card").at("extendedLength"));
    EXPECT_EQ(out.at("verification").at("passive_authentication").at("verdict"), "valid");
    EXPECT_TRUE(out.at("verified").get<bool>());
    EXPECT_EQ(out.at("portrait").at("format"), "jpeg");
    EXPECT_EQ(test::readFile(portrait).size(), out.at("portrait").at("size_bytes").get<size_t>());
}

INSTANTIATE_TEST_SUITE_P(Personas, PersonaReadE2ETest,
                         ::testing::Values("vn-basic", "vn-long-residence", "vn-no-expiry"),
                         [](const auto& param) {
                             std::string n = param.param;
                             std::replace(n.begin(), n.end(), '-', '_');
                             return n;
                         });

TEST_F(CardReadE2ETest, WrongKeyGivesTheAccessDeniedExitCode) {
    presentCard("vn-basic");
    test::RunResult r = test::run(bin("cccd-read"),
                                  {"--doc-number", "090012345", "--birth-date", "900514",
                                   "--expiry", "300515", "--wait", "10"},
                                  60s);
    EXPECT_EQ(r.exitCode, ExitAccessDenied) << r.errors;
    EXPECT_NE(r.errors.find("access_denied"), std::string::npos);
    EXPECT_TRUE(r.output.empty());
}

TEST_F(CardReadE2ETest, CardPulledDuringDg2IsATypedErrorWithoutHang) {
    presentCard("vn-basic");
    ASSERT_EQ(control(m_control, "fault remove-after 0102 4000").rfind("ok", 0), 0u);
    auto started = std::chrono::steady_clock::now();
    // Short reads, so that progress shows DG2 was under way when the card left.
    test::RunResult r = readCard("vn-basic", {"--progress", "--extended-length", "off"});
    ASSERT_TRUE(r.exitCode.has_value()) << "cccd-read hung after the card was pulled";
    EXPECT_EQ(*r.exitCode, ExitReadError) << r.errors;
    EXPECT_NE(r.errors.find("card_removed"), std::string::npos) << r.errors;
    EXPECT_NE(r.errors.find("reading DG2"), std::string::npos) << "pulled before DG2";
    EXPECT_LT(std::chrono::steady_clock::now() - started, 30s);
}

TEST_F(CardReadE2ETest, NoCardGivesTheNoCardExitCodeAfterTheWait) {
    test::RunResult r = readCard("vn-basic", {}, "1");
    EXPECT_EQ(r.exitCode, ExitNoCard) << r.errors;
}

TEST_F(CardReadE2ETest, BsiReferenceFilesVerifyTheirHashesButNotTheirIssuer) {
    presentCard("bsi-reference");
    test::RunResult r = readCard("bsi-reference", {"--no-default-trust"});
    EXPECT_EQ(r.exitCode, ExitVerificationFailed) << r.errors;
    json pa = json::parse(r.output).at("verification").at("passive_authentication");
    std::map<int, std::string> status;
    for (const auto& dg : pa.at("data_groups")) {
        status[dg.at("dg").get<int>()] = dg.at("status");
    }
    // DG15 exists on this card but neither EF.COM nor EF.SOD names it: a reader has no
    // authenticated reason to look for it (see the sample's README).
    EXPECT_EQ(status, (std::map<int, std::string>{{1, "match"}, {14, "match"}}));
    EXPECT_EQ(pa.at("not_read"), json::parse("[2, 3, 4]"));
    EXPECT_EQ(pa.at("signer").at("signature"), "valid");
    EXPECT_EQ(pa.at("signer").at("chain"), "issuer_unknown");
}

} // namespace
