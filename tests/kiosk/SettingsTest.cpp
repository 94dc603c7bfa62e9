// The kiosk's one settings file: round trip, typed errors, validation, and the admin PIN kept
// only as a salted hash.
#include "kiosk/core/Settings.h"

#include <fstream>
#include <sstream>

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "support/TestData.h"

using namespace cccd;
using namespace cccd::kiosk;

namespace {

class SettingsTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("kiosk-settings-" + std::to_string(::getpid()));
        std::filesystem::create_directories(m_dir / "out");
        std::ofstream(m_dir / "csca.pem") << "placeholder\n";
    }

    void TearDown() override { std::filesystem::remove_all(m_dir); }

    Settings valid() const {
        Settings s;
        s.trustStorePaths = {(m_dir / "csca.pem").string()};
        s.formsFolder = (test::sourceDir() / "kiosk/forms").string();
        s.outputFolder = (m_dir / "out").string();
        s.endpointUrl = "https://one-stop.example/api/forms";
        s.counterId = "quay-03";
        s.clerkId = "cb.nguyen";
        s.adminPin = AdminPin::create("246810");
        return s;
    }

    void write(const std::string& text) const { std::ofstream(m_dir / "s.json") << text; }

    std::filesystem::path m_dir;
};

bool has(const std::vector<SettingsProblem>& problems, const std::string& key,
         SettingsProblemKind kind) {
    return std::find(problems.begin(), problems.end(), SettingsProblem{key, kind}) !=
           problems.end();
}

TEST_F(SettingsTest, RoundTripsThroughItsFileWithOwnerOnlyAccess) {
    Settings s = valid();
    s.language = Language::English;
    s.idleTimeout = std::chrono::seconds(90);
    s.cameraIndex = 2;
    s.auditKeyFile = (m_dir / "config" / "audit.key").string();
    std::filesystem::create_directories(m_dir / "config");
    EXPECT_TRUE(s.validate().empty());
    s.save(m_dir / "s.json");

    struct stat info {};

    ASSERT_EQ(::stat((m_dir / "s.json").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);

    Settings back = Settings::load(m_dir / "s.json");
    EXPECT_EQ(back.toJson(), s.toJson());
    EXPECT_EQ(back.language, Language::English);
    EXPECT_EQ(back.idleTimeout, std::chrono::seconds(90));
    EXPECT_EQ(back.auditKeyFile, s.auditKeyFile);
    EXPECT_TRUE(back.adminPin.matches("246810"));
    EXPECT_FALSE(back.adminPin.matches("246811"));
}

TEST_F(SettingsTest, PinIsStoredAsASaltedHashOnly) {
    Settings s = valid();
    s.save(m_dir / "s.json");
    std::ifstream in(m_dir / "s.json");
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str().find("246810"), std::string::npos);
    EXPECT_NE(AdminPin::create("246810").salt, AdminPin::create("246810").salt);
    EXPECT_THROW((void)AdminPin::create("12a4"), Error);
    EXPECT_THROW((void)AdminPin::create("123"), Error);
    EXPECT_FALSE(AdminPin{}.matches("246810"));
}

TEST_F(SettingsTest, DefaultsWhereTheFileIsSilent) {
    write("{}");
    Settings s = Settings::load(m_dir / "s.json");
    EXPECT_EQ(s.idleTimeout, std::chrono::seconds(60));
    EXPECT_EQ(s.language, Language::Vietnamese);
    EXPECT_EQ(s.auditKeyFile, "") << "the app's own config folder";
    EXPECT_TRUE(has(s.validate(), "admin_pin", SettingsProblemKind::NoAdminPin));
    EXPECT_TRUE(has(s.validate(), "counter_id", SettingsProblemKind::NotAnId));
}

TEST_F(SettingsTest, WrongTypesAreTypedErrorsNamingEachKey) {
    write(R"({"idle_timeout_s": "sixty", "camera_index": 1.5e99, "language": "fr",
              "admin_pin": {"salt": "00"}, "audit_key_file": 7})");
    try {
        (void)Settings::load(m_dir / "s.json");
        FAIL() << "expected a SettingsError";
    } catch (const SettingsError& e) {
        EXPECT_EQ(e.code(), ErrorCode::MalformedData);
        EXPECT_TRUE(has(e.problems(), "idle_timeout_s", SettingsProblemKind::WrongType));
        EXPECT_TRUE(has(e.problems(), "language", SettingsProblemKind::NotALanguage));
        EXPECT_TRUE(has(e.problems(), "admin_pin", SettingsProblemKind::WrongType));
        EXPECT_TRUE(has(e.problems(), "audit_key_file", SettingsProblemKind::WrongType));
    }
    write("{not json");
    EXPECT_THROW((void)Settings::load(m_dir / "s.json"), SettingsError);
    try {
        (void)Settings::load(m_dir / "absent.json");
        FAIL() << "expected an Error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Io);
    }
}

TEST_F(SettingsTest, ValidationNamesEveryProblem) {
    Settings s = valid();
    s.trustStorePaths = {(m_dir / "missing.pem").string()};
    s.outputFolder = (m_dir / "nowhere").string();
    s.endpointUrl = "http://one-stop.example/api"; // personal data in clear over the network
    s.clerkId = "cb nguyen";
    s.idleTimeout = std::chrono::seconds(5);
    s.readTimeout = std::chrono::seconds(0);
    s.cameraIndex = -1;
    s.auditKeyFile = (m_dir / "nowhere" / "audit.key").string();
    std::vector<SettingsProblem> p = s.validate();
    EXPECT_TRUE(has(p, "trust_store", SettingsProblemKind::FileNotFound));
    EXPECT_TRUE(has(p, "output_folder", SettingsProblemKind::NotAFolder));
    EXPECT_TRUE(has(p, "endpoint_url", SettingsProblemKind::NotAnEndpoint));
    EXPECT_TRUE(has(p, "clerk_id", SettingsProblemKind::NotAnId));
    EXPECT_TRUE(has(p, "idle_timeout_s", SettingsProblemKind::OutOfRange));
    EXPECT_TRUE(has(p, "read_timeout_s", SettingsProblemKind::OutOfRange));
    EXPECT_TRUE(has(p, "camera_index", SettingsProblemKind::OutOfRange));
    EXPECT_TRUE(has(p, "audit_key_file", SettingsProblemKind::NotAFolder));
    EXPECT_EQ(p.size(), 8u);

    s = valid();
    s.endpointUrl = "http://127.0.0.1:8080/forms";
    EXPECT_TRUE(s.validate().empty()) << "plain http only to this machine";
    s.auditKeyFile = (m_dir / "audit.key").string();
    EXPECT_TRUE(s.validate().empty()) << "the key file itself is created on first use";
    s.auditKeyFile = m_dir.string() + "/";
    EXPECT_TRUE(has(s.validate(), "audit_key_file", SettingsProblemKind::NotAFolder))
        << "a folder, not a file in it";
    EXPECT_EQ(settingsProblemName(SettingsProblemKind::NotAFolder), "not_a_folder");
}

} // namespace
