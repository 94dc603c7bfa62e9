// cccd-read against the emulated card through a real pcscd and vpcd: the whole path a clerk's
// reader takes, from SCardGetStatusChange to the JSON on standard output.
#include <algorithm>
#include <csignal>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include <unistd.h>

#include <gtest/gtest.h>

#include "PcscdEnvironment.h"
#include "base/Error.h"
#include "emulator/tools/ControlClient.h"
#include "pcsc/PcscChannel.h"
#include "pcsc/PcscContext.h"
#include "support/PersonaJson.h"
#include "support/Process.h"
#include "support/TestData.h"

#ifdef CCCD_HAVE_VISION
#include "emulator/profilegen/Persona.h"
#include "emulator/qr/CardPhoto.h"
#include "vision/ImageFile.h"
#endif

using namespace cccd;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

const auto* const g_environment = ::testing::AddGlobalTestEnvironment(new test::PcscdEnvironment);

// cccd-read's documented exit codes (cccd-read --help).
constexpr int ExitSuccess = 0;
constexpr int ExitNoReader = 3;
constexpr int ExitNoCard = 4;
constexpr int ExitAccessDenied = 5;
constexpr int ExitReadError = 6;
constexpr int ExitVerificationFailed = 7;
constexpr int ExitCancelled = 130;

std::filesystem::path bin(const char* name) {
    return test::binaryDir() / "bin" / name;
}

std::filesystem::path profiles() {
    return test::binaryDir() / "profiles";
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

/// One line to the emulator's control socket, its one-line answer back ("error: ..." when the
/// socket does not answer, so that a test's `rfind("ok", 0)` check fails with the reason).
std::string control(const std::filesystem::path& socketPath, const std::string& line) {
    try {
        return emulator::sendControlLine(socketPath, line);
    } catch (const Error& e) {
        return std::string("error: ") + e.what();
    }
}

class CardReadE2ETest : public ::testing::Test {
protected:
    void TearDown() override {
        m_emulator.reset();
        // The next test starts with an empty reader.
        EXPECT_TRUE(waitUntil([] { return !readerWithCard(); }, 10s));
    }

    void presentCard(const std::string& profile, bool verbose = false) {
        m_control = test::binaryDir() / "e2e" / ("control-" + std::to_string(getpid()));
        std::filesystem::remove(m_control);
        std::vector<std::string> args{
            "--persona",      profile,
            "--profiles-dir", profiles().string(),
            "--port",         std::to_string(test::PcscdEnvironment::VpcdPort),
            "--control",      m_control.string()};
        if (verbose) {
            args.emplace_back("--verbose");
        }
        m_emulator =
            std::make_unique<test::Process>(bin("cccd-emulator"), args, test::binaryDir() / "e2e");
        ASSERT_TRUE(waitUntil([] { return readerWithCard().has_value(); }, 15s))
            << "the emulated card never appeared in pcscd: " << m_emulator->errors();
    }

    // The CAN as a clerk would take it: the last 6 digits of the ID number (cccd.md §1.3).
    static std::string canOf(const std::string& profile) {
        std::string id = test::loadPersona(profile).at("personalIdNumber").get<std::string>();
        return id.substr(6);
    }

    test::RunResult readWithCan(const std::string& can, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"--can",  can, "--trust", (profiles() / "csca.pem").string(),
                                      "--wait", "10"};
        args.insert(args.end(), extra.begin(), extra.end());
        return test::run(bin("cccd-read"), args, 60s);
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

class PersonaReadE2ETest : public CardReadE2ETest,
                           public ::testing::WithParamInterface<const char*> {};

TEST_P(PersonaReadE2ETest, ReadsEveryFieldAndVerifies) {
    std::string name = GetParam();
    presentCard(name);
    auto portrait = test::binaryDir() / "e2e" / (name + ".jpg");
    test::RunResult r = readCard(name, {"--portrait", portrait.string()});
    ASSERT_EQ(r.exitCode, ExitSuccess) << r.errors;

    json out = json::parse(r.output);
    json p = test::loadPersona(name);
    test::expectDocumentJsonIsPersona(out, p);
    EXPECT_EQ(out.at("card").at("access_protocol"), "PACE"); // the MRZ key as PACE password
    EXPECT_EQ(out.at("card").at("access_password"), "MRZ");
    EXPECT_EQ(out.at("verification").at("chip_verdict"), "genuine");
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

// Issue "hostile cards", point 8: at the most verbose level, neither the reader (protocol steps
// and the APDU trace) nor the emulated card says anything personal or secret, for every card.
class PersonaLogE2ETest : public CardReadE2ETest,
                          public ::testing::WithParamInterface<std::string> {};

TEST_P(PersonaLogE2ETest, VerboseReadLogsNothingPersonal) {
    const std::string name = GetParam();
    presentCard(name, /*verbose=*/true);
    test::RunResult r = readCard(name, {"--verbose"});
    ASSERT_TRUE(r.exitCode == ExitSuccess || r.exitCode == ExitVerificationFailed) << r.errors;
    EXPECT_NE(r.errors.find("[apdu]"), std::string::npos) << "no APDU trace: " << r.errors;
    m_emulator->sendSignal(SIGTERM); // its log is complete once it has stopped
    (void)m_emulator->wait(10s);
    std::string cardLog = m_emulator->errors();
    EXPECT_NE(cardLog.find("serving vpcd"), std::string::npos) << "no log from the card";
    std::vector<std::string> secrets = test::personaSecrets(name);
    ASSERT_GE(secrets.size(), 3u) << "MRZ lines and key seed at least";
    for (const std::string& secret : secrets) {
        EXPECT_EQ(r.errors.find(secret), std::string::npos) << "the reader logs a value";
        EXPECT_EQ(cardLog.find(secret), std::string::npos) << "the emulated card logs a value";
    }
}

std::vector<std::string> everyProfile() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(profiles())) {
        if (entry.path().extension() == ".mrz") {
            names.push_back(entry.path().stem().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

INSTANTIATE_TEST_SUITE_P(Profiles, PersonaLogE2ETest, ::testing::ValuesIn(everyProfile()),
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
    // Short reads, so that progress shows DG2 was under way when the card left; --no-resume, so
    // that cccd-read fails at once instead of asking for the card back (CccdReadResumeE2ETest).
    test::RunResult r =
        readCard("vn-basic", {"--progress", "--extended-length", "off", "--no-resume"});
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

TEST_F(CardReadE2ETest, SwappedCardIsReadAsTheNewCard) {
    presentCard("vn-basic");
    ASSERT_EQ(readCard("vn-basic").exitCode, ExitSuccess);
    ASSERT_EQ(control(m_control, "swap vn-long-residence").rfind("ok", 0), 0u);
    test::RunResult r = readCard("vn-long-residence");
    ASSERT_EQ(r.exitCode, ExitSuccess) << r.errors;
    test::expectDocumentJsonIsPersona(json::parse(r.output),
                                      test::loadPersona("vn-long-residence"));
}

TEST_F(CardReadE2ETest, CtrlCWhileWaitingForACardEndsAtOnce) {
    test::Process reader(bin("cccd-read"),
                         {"--doc-number", "090012345", "--birth-date", "900514", "--expiry",
                          "300514", "--wait", "60"},
                         test::binaryDir() / "e2e");
    std::this_thread::sleep_for(1s);
    reader.sendSignal(SIGINT);
    EXPECT_EQ(reader.wait(5s), ExitCancelled) << reader.errors();
}

TEST_F(CardReadE2ETest, PcscContextSeesTheCardArriveAndLeave) {
    pcsc::PcscContext context;
    std::thread insert([this] { presentCard("vn-basic"); });
    std::string reader = context.waitForCard(std::nullopt, 20s);
    insert.join();
    EXPECT_EQ(readerWithCard(), reader);
    EXPECT_FALSE(context.waitForRemoval(reader, 300ms)); // still there

    std::thread remove([this] { EXPECT_EQ(control(m_control, "remove").rfind("ok", 0), 0u); });
    EXPECT_TRUE(context.waitForRemoval(reader, 10s));
    remove.join();
    EXPECT_THROW((void)context.waitForCard(reader, 500ms), Error);
}

TEST_F(CardReadE2ETest, UnknownReaderGivesTheNoReaderExitCode) {
    test::RunResult r = readCard("vn-basic", {"--reader", "No Such Reader 00 00"}, "1");
    EXPECT_EQ(r.exitCode, ExitNoReader) << r.errors;
}

TEST_F(CardReadE2ETest, CardHeldByAnotherApplicationIsASharingViolation) {
    presentCard("vn-basic");
    pcsc::PcscContext context;
    auto holder = context.connect(*readerWithCard()); // exclusive, like a second reader app
    test::RunResult r = readCard("vn-basic");
    EXPECT_EQ(r.exitCode, ExitReadError) << r.errors;
    EXPECT_NE(r.errors.find("sharing_violation"), std::string::npos) << r.errors;
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

// The Vietnamese card's preferred path (cccd.md §2.6): PACE-GM with CAN = ID[6..11], then Chip
// Authentication with the DG14 key, all through pcscd and vpcd.
TEST_F(CardReadE2ETest, VietnameseCardOpensWithTheCanAndProvesItsChip) {
    presentCard("vn-basic");
    std::string id = test::loadPersona("vn-basic").at("personalIdNumber").get<std::string>();
    test::RunResult r = test::run(
        bin("cccd-read"),
        {"--id-number", id, "--trust", (profiles() / "csca.pem").string(), "--wait", "10"}, 60s);
    ASSERT_EQ(r.exitCode, ExitSuccess) << r.errors;
    json out = json::parse(r.output);
    EXPECT_EQ(out.at("card").at("access_protocol"), "PACE");
    EXPECT_EQ(out.at("card").at("access_password"), "CAN");
    EXPECT_EQ(out.at("card").at("pace_protocol"), "0.4.0.127.0.7.2.2.4.2.2");
    EXPECT_EQ(out.at("card").at("pace_parameter_id"), 13);
    EXPECT_EQ(out.at("verification").at("chip_authentication").at("status"), "passed");
    EXPECT_EQ(out.at("verification").at("chip_verdict"), "genuine");
    EXPECT_TRUE(out.at("verified").get<bool>());
}

// A wrong CAN: the card answers 6300 at step 4; one attempt, exit 5, no BAC behind the caller's
// back.
TEST_F(CardReadE2ETest, WrongCanIsAccessDenied) {
    presentCard("vn-basic");
    test::RunResult r = readWithCan("999999");
    EXPECT_EQ(r.exitCode, ExitAccessDenied) << r.errors;
    EXPECT_NE(r.errors.find("access_denied"), std::string::npos) << r.errors;
    EXPECT_TRUE(r.output.empty());
}

TEST_F(CardReadE2ETest, PaceOnlyCardOpensWithPace) {
    presentCard("pace-only");
    test::RunResult r = readWithCan(canOf("pace-only"));
    ASSERT_EQ(r.exitCode, ExitSuccess) << r.errors;
    EXPECT_EQ(json::parse(r.output).at("card").at("access_protocol"), "PACE");
    EXPECT_NE(readCard("pace-only", {"--protocol", "bac"}).exitCode, ExitSuccess);
}

TEST_F(CardReadE2ETest, BacOnlyCardOpensWithBac) {
    presentCard("bac-only");
    test::RunResult r = readCard("bac-only");
    ASSERT_EQ(r.exitCode, ExitSuccess) << r.errors;
    json out = json::parse(r.output);
    EXPECT_EQ(out.at("card").at("access_protocol"), "BAC");
    EXPECT_EQ(out.at("card").at("pace_protocol"), nullptr);
}

// A copy of a real card's files on another chip: Passive Authentication is valid, the chip
// cannot prove the key of DG14 (Chip Authentication) or DG15 (Active Authentication).
class CloneE2ETest : public CardReadE2ETest, public ::testing::WithParamInterface<const char*> {};

TEST_P(CloneE2ETest, SignedFilesOnTheWrongChipArePossibleClones) {
    std::string name = GetParam();
    presentCard(name);
    test::RunResult r = readCard(name);
    EXPECT_EQ(r.exitCode, ExitVerificationFailed) << r.errors;
    json verification = json::parse(r.output).at("verification");
    EXPECT_EQ(verification.at("passive_authentication").at("verdict"), "valid");
    EXPECT_EQ(verification.at("chip_verdict"), "possible_clone");
    const char* check = name == "ca-mismatch" ? "chip_authentication" : "active_authentication";
    EXPECT_EQ(verification.at(check).at("status"), "failed");
}

INSTANTIATE_TEST_SUITE_P(Profiles, CloneE2ETest, ::testing::Values("ca-mismatch", "aa-mismatch"),
                         [](const auto& param) {
                             std::string name = param.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

} // namespace

#ifdef CCCD_HAVE_VISION
namespace {

constexpr int ExitQrUnusable = 8;

// A photo of the card's face as a phone or counter camera takes it (the ratchet's generator,
// category "clean"): its QR carries the persona's payload.
std::filesystem::path cardPhoto(const std::string& profile) {
    emulator::Persona persona = emulator::loadPersona(
        test::sourceDir() / "drivers/emulator/personas" / (profile + ".json"));
    emulator::CardPhotoSpec spec;
    spec.persona = profile;
    spec.seed = 7;
    spec.modulePixels = 5.0;
    spec.rotationDegrees = 12.0;
    spec.payload = emulator::cardQrPayload(persona, emulator::CardQrLayout::Cccd2021);
    emulator::CardPhoto photo = emulator::renderCardPhoto(spec);
    std::filesystem::path file = test::binaryDir() / "e2e" / (profile + "-front.jpg");
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary)
        .write(reinterpret_cast<const char*>(photo.jpeg.data()),
               static_cast<std::streamsize>(photo.jpeg.size()));
    return file;
}

} // namespace

// Issue "QR": a photo of the card's face and the card on the reader, nothing typed: the QR's ID
// gives the CAN, PACE opens the chip, and the QR agrees with what the chip signed.
TEST_F(CardReadE2ETest, QrPhotoOpensTheCardWithNothingTyped) {
    presentCard("vn-basic");
    test::RunResult r = test::run(bin("cccd-read"),
                                  {"--qr-image", cardPhoto("vn-basic").string(), "--trust",
                                   (profiles() / "csca.pem").string(), "--wait", "10"},
                                  60s);
    ASSERT_EQ(r.exitCode, ExitSuccess) << r.errors;
    json out = json::parse(r.output);
    std::string id = test::loadPersona("vn-basic").at("personalIdNumber").get<std::string>();
    EXPECT_EQ(out.at("card").at("access_protocol"), "PACE");
    EXPECT_EQ(out.at("card").at("access_password"), "CAN");
    EXPECT_EQ(out.at("qr").at("personal_id_number"), id);
    EXPECT_TRUE(out.at("verification").at("qr_cross_check").at("consistent").get<bool>());
    EXPECT_TRUE(out.at("verified").get<bool>());
}

// A card that offers only BAC: the QR's birth and issue dates give the expiry by the rule of
// cccd.md §2.5, and BAC opens the chip within the three attempts of one tap.
TEST_F(CardReadE2ETest, QrPhotoOpensABacOnlyCardWithTheExpiryRule) {
    presentCard("bac-only");
    test::RunResult r = test::run(bin("cccd-read"),
                                  {"--qr-image", cardPhoto("bac-only").string(), "--trust",
                                   (profiles() / "csca.pem").string(), "--wait", "10"},
                                  60s);
    ASSERT_EQ(r.exitCode, ExitSuccess) << r.errors;
    json out = json::parse(r.output);
    EXPECT_EQ(out.at("card").at("access_protocol"), "BAC");
    EXPECT_GE(out.at("card").at("bac_attempts").get<int>(), 1);
    EXPECT_LE(out.at("card").at("bac_attempts").get<int>(), 3);
}

// The QR of another card whose ID ends in the same 6 digits: the chip opens, but the printed
// card and its chip disagree, and the cross-check says on which field.
TEST_F(CardReadE2ETest, QrOfAnotherCardIsFlaggedByTheCrossCheck) {
    presentCard("vn-basic");
    emulator::Persona persona =
        emulator::loadPersona(test::sourceDir() / "drivers/emulator/personas/vn-basic.json");
    persona.personalIdNumber.replace(0, 3, "079"); // born in another province
    std::string payload = emulator::cardQrPayload(persona, emulator::CardQrLayout::Cccd2021);
    // As a USB scanner types it, on standard input (off the command line), with no Enter.
    auto quoted = [](const std::string& s) {
        std::string out = "'";
        for (char ch : s) {
            out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
        }
        return out + "'";
    };
    std::string script = "printf '%s' " + quoted(payload) + " | " +
                         quoted(bin("cccd-read").string()) + " --qr - --trust " +
                         quoted((profiles() / "csca.pem").string()) + " --wait 10";
    test::RunResult r = test::run("/bin/sh", {"-c", script}, 60s);
    EXPECT_EQ(r.exitCode, ExitVerificationFailed) << r.errors;
    json out = json::parse(r.output);
    EXPECT_TRUE(out.at("verified").get<bool>()) << "the chip's own data is fine";
    json check = out.at("verification").at("qr_cross_check");
    EXPECT_FALSE(check.at("consistent").get<bool>());
    EXPECT_NE(std::find(check.at("mismatches").begin(), check.at("mismatches").end(),
                        "personal_id_number (DG13)"),
              check.at("mismatches").end())
        << check.dump();
}

TEST_F(CardReadE2ETest, PhotoWithoutQrIsItsOwnExitCode) {
    std::filesystem::path blank = test::binaryDir() / "e2e" / "blank.png";
    std::filesystem::create_directories(blank.parent_path());
    vision::GrayImage image;
    image.width = 640;
    image.height = 480;
    image.pixels.assign(image.size(), 200);
    vision::writeImageFile(blank, image);
    test::RunResult r = test::run(bin("cccd-read"), {"--qr-image", blank.string()}, 60s);
    EXPECT_EQ(r.exitCode, ExitQrUnusable) << r.errors;
    EXPECT_NE(r.errors.find("no readable QR code"), std::string::npos) << r.errors;
}
#endif
