// A filled form out of the kiosk: the A4 PDF (its text, extracted with pdftotext, holds every
// prefilled value with its diacritics), the JSON export (only the form's fields, mode 0600) and
// the POST to the one-stop-shop endpoint (a loopback server started by the test).
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <fstream>
#include <regex>
#include <sstream>

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "KioskTestSupport.h"
#include "kiosk/core/CurrentAddress.h"
#include "kiosk/core/JsonExport.h"
#include "kiosk/core/output/JsonPoster.h"
#include "kiosk/core/output/PdfRenderer.h"
#include "support/Process.h"

using namespace cccd;
using namespace cccd::kiosk;

namespace {

// Fonts need a GUI application; "offscreen" needs no screen.
void ensureApplication() {
    static int argc = 1;
    static char name[] = "kiosk_OutputTest";
    static char* argv[] = {name, nullptr};
    static QGuiApplication* app = [] {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        return new QGuiApplication(argc, argv);
    }();
    (void)app;
}

std::string collapsed(const std::string& text) {
    return std::regex_replace(text, std::regex(R"(\s+)"), " ");
}

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

class OutputTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("kiosk-output-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
        static const reader::Document document = kiosktest::readPersona("vn-basic");
        m_citizen = CitizenRecord::fromDocument(document);
    }

    void TearDown() override { std::filesystem::remove_all(m_dir); }

    /// CT01 from the chip, its own fields filled as a clerk would, in Vietnamese.
    std::unique_ptr<FilledForm> ct01() {
        auto form = std::make_unique<FilledForm>(*m_catalog.find("ct01"), m_citizen);
        EXPECT_FALSE(form->set("authority", "Công an phường Hoàn Kiếm"));
        EXPECT_FALSE(form->set("request", "Đăng ký thường trú cho con"));
        return form;
    }

    std::filesystem::path m_dir;
    FormCatalog m_catalog = kiosktest::shippedForms();
    CitizenRecord m_citizen;
};

TEST_F(OutputTest, PdfHoldsEveryPrefilledValueWithDiacritics) {
    ensureApplication();
    for (const FormDefinition& definition : m_catalog.forms()) {
        FilledForm form(definition, m_citizen);
        std::filesystem::path pdf = m_dir / (definition.id + ".pdf");
        renderPdf(form, Language::Vietnamese, pdf);
        ASSERT_TRUE(std::filesystem::exists(pdf)) << definition.id;

        test::Process extract("/usr/bin/pdftotext", {"-enc", "UTF-8", pdf.string(), "-"}, m_dir);
        ASSERT_EQ(extract.wait(std::chrono::seconds(60)), 0) << extract.errors();
        std::string text = collapsed(extract.output());
        EXPECT_NE(text.find(definition.code), std::string::npos) << definition.id;
        EXPECT_NE(text.find(collapsed(definition.title.vi)), std::string::npos) << definition.id;
        EXPECT_NE(text.find(collapsed(definition.legalBasis.vi)), std::string::npos)
            << definition.id;
        EXPECT_NE(text.find("(từ chip)"), std::string::npos) << definition.id;
        for (const FormField* field : definition.fields()) {
            if (field->fromChip()) {
                std::string value = collapsed(form.value(field->id));
                ASSERT_FALSE(value.empty());
                EXPECT_NE(text.find(value), std::string::npos) << definition.id << "." << field->id;
            }
        }
    }
}

TEST_F(OutputTest, PdfIsA4AndTheClerksTextIsThereToo) {
    ensureApplication();
    auto form = ct01();
    std::filesystem::path pdf = m_dir / "ct01.pdf";
    renderPdf(*form, Language::English, pdf);
    test::Process info("/usr/bin/pdfinfo", {pdf.string()}, m_dir);
    ASSERT_EQ(info.wait(std::chrono::seconds(60)), 0);
    EXPECT_NE(info.output().find("(A4)"), std::string::npos) << info.output();
    test::Process extract("/usr/bin/pdftotext", {"-enc", "UTF-8", pdf.string(), "-"}, m_dir);
    ASSERT_EQ(extract.wait(std::chrono::seconds(60)), 0);
    std::string text = collapsed(extract.output());
    EXPECT_NE(text.find("Đăng ký thường trú cho con"), std::string::npos);
    EXPECT_NE(text.find("(from the chip)"), std::string::npos);
    EXPECT_NE(text.find(m_citizen.value("full_name")), std::string::npos);
}

TEST_F(OutputTest, PdfAndJsonHoldTheAddressAsOnTheCardAndToday) {
    ensureApplication();
    auto form = ct01();
    std::vector<CurrentAddress> addresses =
        currentAddresses(*form, address::AdministrativeUnits::loadDefault(), {"2026-12-04"});
    ASSERT_EQ(addresses.size(), 1u);
    ASSERT_TRUE(addresses[0].mustPick()) << "Phường Hàng Trống was split";
    applyCurrentAddresses(*form, addresses);
    std::string picked = addresses[0].candidates.at(0);
    EXPECT_FALSE(form->set("current_residence_today", picked));
    EXPECT_TRUE(form->problems().empty());

    std::filesystem::path pdf = m_dir / "ct01.pdf";
    renderPdf(*form, Language::Vietnamese, pdf);
    test::Process extract("/usr/bin/pdftotext", {"-enc", "UTF-8", pdf.string(), "-"}, m_dir);
    ASSERT_EQ(extract.wait(std::chrono::seconds(60)), 0);
    std::string text = collapsed(extract.output());
    std::string onCard = collapsed(m_citizen.value("place_of_residence"));
    EXPECT_NE(text.find("Nơi cư trú hiện tại (theo thẻ) (từ chip) " + onCard), std::string::npos)
        << "the card's address, marked";
    EXPECT_NE(text.find("Nơi cư trú hiện tại (đơn vị hành chính mới) " + collapsed(picked)),
              std::string::npos)
        << "today's address under it";

    std::string json = exportJson(*form, m_dir, "20261204T031500Z-counter-1").string();
    nlohmann::json written = nlohmann::json::parse(slurp(json));
    std::string dumped = written.dump();
    EXPECT_NE(dumped.find(m_citizen.value("place_of_residence")), std::string::npos);
    EXPECT_NE(dumped.find(picked), std::string::npos);
}

TEST_F(OutputTest, JsonExportHoldsOnlyTheFormsFieldsForItsOwnerOnly) {
    auto form = ct01();
    std::filesystem::path file = exportJson(*form, m_dir, "20261204T031500Z-counter-1");
    EXPECT_EQ(file.filename(), "ct01-20261204T031500Z-counter-1.json");

    struct stat info {};

    ASSERT_EQ(::stat(file.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    nlohmann::json written = nlohmann::json::parse(slurp(file));
    EXPECT_EQ(written, form->toJson());
    std::string text = written.dump();
    for (const char* unused : {"father_name", "mother_name", "identifying_marks"}) {
        EXPECT_EQ(text.find(m_citizen.value(unused)), std::string::npos) << unused;
    }
    EXPECT_THROW((void)exportJson(*form, m_dir, "20261204T031500Z-counter-1"), Error)
        << "never overwrites";
    EXPECT_THROW((void)exportJson(*form, m_dir, "../escape"), Error);
}

// A one-request HTTP server on 127.0.0.1 that answers `status` and keeps what it received.
class LoopbackEndpoint {
public:
    explicit LoopbackEndpoint(int status) {
        EXPECT_TRUE(m_server.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&m_server, &QTcpServer::newConnection, [this, status] {
            QTcpSocket* socket = m_server.nextPendingConnection();
            QObject::connect(socket, &QTcpSocket::readyRead, [this, socket, status] {
                m_request += socket->readAll().toStdString();
                std::size_t headerEnd = m_request.find("\r\n\r\n");
                std::smatch length;
                if (headerEnd == std::string::npos ||
                    !std::regex_search(m_request, length,
                                       std::regex("Content-Length: (\\d+)", std::regex::icase)) ||
                    m_request.size() < headerEnd + 4 + std::stoul(length[1].str())) {
                    return;
                }
                std::string answer = "HTTP/1.1 " + std::to_string(status) +
                                     " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                socket->write(answer.data(), static_cast<qint64>(answer.size()));
                socket->disconnectFromHost();
            });
        });
    }

    [[nodiscard]] std::string url() const {
        return "http://127.0.0.1:" + std::to_string(m_server.serverPort()) + "/forms";
    }

    [[nodiscard]] const std::string& request() const { return m_request; }

private:
    QTcpServer m_server;
    std::string m_request;
};

PostResult postAndWait(JsonPoster& poster, const nlohmann::json& body) {
    std::optional<PostResult> result;
    poster.post(body, [&result](PostResult r) { result = std::move(r); });
    QElapsedTimer timer;
    timer.start();
    while (!result && timer.elapsed() < 20000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return result.value_or(PostResult{false, 0, "no answer within 20 s"});
}

TEST_F(OutputTest, PostsTheFormsJsonToTheEndpoint) {
    ensureApplication();
    auto form = ct01();
    LoopbackEndpoint endpoint(201);
    JsonPoster poster(endpoint.url(), std::chrono::seconds(10));
    PostResult result = postAndWait(poster, form->toJson());
    EXPECT_TRUE(result.ok) << result.problem;
    EXPECT_EQ(result.httpStatus, 201);
    const std::string& request = endpoint.request();
    ASSERT_TRUE(request.starts_with("POST /forms HTTP/1.1\r\n")) << request.substr(0, 40);
    EXPECT_NE(request.find("application/json"), std::string::npos);
    std::string body = request.substr(request.find("\r\n\r\n") + 4);
    EXPECT_EQ(nlohmann::json::parse(body), form->toJson());
}

TEST_F(OutputTest, PostReportsARefusal) {
    ensureApplication();
    LoopbackEndpoint endpoint(500);
    JsonPoster poster(endpoint.url(), std::chrono::seconds(10));
    PostResult result = postAndWait(poster, ct01()->toJson());
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.httpStatus, 500);
    EXPECT_FALSE(result.problem.empty());
    EXPECT_THROW(JsonPoster("ftp://127.0.0.1/x", std::chrono::seconds(1)), Error);
}

} // namespace
