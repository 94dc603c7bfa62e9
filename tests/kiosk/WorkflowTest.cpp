// The counter session step by step against the emulated card, read in process: every path of
// the state machine, the badges, the audit record at the end, and nothing personal left after
// card removal, finish and the idle timeout.
#include "kiosk/core/Workflow.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "EmulatorCardService.h"

using namespace cccd;
using namespace cccd::kiosk;
using kiosktest::EmulatorCardService;

namespace {

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

class WorkflowTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("kiosk-workflow-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
        m_audit = std::make_unique<AuditLog>(m_dir / "audit.jsonl", SecureBytes(Bytes(32, 7)));
    }

    void TearDown() override { std::filesystem::remove_all(m_dir); }

    /// A workflow over `persona`'s card, trusting the build's test CSCA unless told otherwise.
    void open(const std::string& persona, bool trusted = true) {
        m_persona = readertest::persona(persona);
        m_service = std::make_unique<EmulatorCardService>(
            persona, trusted ? readertest::trustStore() : verify::TrustStore());
        m_workflow = std::make_unique<Workflow>(*m_service, m_catalog, m_clock, m_audit.get(),
                                                WorkflowConfig{"counter-1", "clerk-7"});
    }

    std::string id() const { return m_persona["personalIdNumber"].get<std::string>(); }

    void presentAndRead() {
        m_service->present();
        m_service->deliverTo(*m_workflow);
        ASSERT_EQ(m_workflow->step(), WorkflowStep::ObtainingKey);
        ASSERT_TRUE(m_workflow->provideIdNumber(id()));
        ASSERT_EQ(m_workflow->step(), WorkflowStep::Reading);
        m_service->deliverTo(*m_workflow);
    }

    /// Nothing of the citizen in the session, nor in the audit log.
    void expectNothingPersonal() {
        const SessionData& session = m_workflow->session();
        EXPECT_FALSE(session.holdsPersonalData());
        EXPECT_EQ(session.citizen.value("full_name"), "");
        EXPECT_TRUE(session.portrait.empty());
        EXPECT_FALSE(session.form);
        EXPECT_FALSE(session.qr);
        EXPECT_FALSE(session.document);
        std::string log = slurp(m_dir / "audit.jsonl");
        for (const char* key : {"personalIdNumber", "fullName", "placeOfResidence"}) {
            EXPECT_EQ(log.find(m_persona[key].get<std::string>()), std::string::npos) << key;
        }
    }

    std::vector<AuditRecord> auditRecords() const { return AuditLog::read(m_dir / "audit.jsonl"); }

    std::filesystem::path m_dir;
    FormCatalog m_catalog = kiosktest::shippedForms();
    kiosktest::ManualClock m_clock{kiosktest::utcDay("2026-12-04") + std::chrono::hours(3)};
    std::unique_ptr<AuditLog> m_audit;
    nlohmann::json m_persona;
    std::unique_ptr<EmulatorCardService> m_service;
    std::unique_ptr<Workflow> m_workflow;
};

TEST_F(WorkflowTest, CardToPrintedFormAndWipedOnFinish) {
    open("vn-basic");
    EXPECT_EQ(m_workflow->step(), WorkflowStep::WaitingForCard);
    presentAndRead();
    ASSERT_EQ(m_workflow->step(), WorkflowStep::Verified);

    const SessionData& session = m_workflow->session();
    EXPECT_EQ(session.citizen.value("full_name"), m_persona["fullName"].get<std::string>());
    EXPECT_FALSE(session.portrait.empty());
    ASSERT_TRUE(session.badges);
    EXPECT_TRUE(session.badges->signedByIssuer);
    EXPECT_FALSE(session.badges->issuerUnknown);
    EXPECT_TRUE(session.badges->cardValid);
    EXPECT_NE(session.badges->chip, reader::ChipVerdict::PossibleClone);
    EXPECT_FALSE(session.badges->qrMatchesChip) << "no QR was scanned";

    m_workflow->proceed();
    ASSERT_EQ(m_workflow->step(), WorkflowStep::ChoosingProcedure);
    EXPECT_FALSE(m_workflow->choose("no-such-form"));
    ASSERT_TRUE(m_workflow->choose("ct01"));
    ASSERT_EQ(m_workflow->step(), WorkflowStep::FillingForm);
    m_workflow->proceed();
    EXPECT_EQ(m_workflow->step(), WorkflowStep::FillingForm) << "required fields are empty";
    for (const FieldProblem& p : session.form->problems()) {
        const FormField* field = session.form->definition().field(p.fieldId);
        std::string value = field->type == FieldType::Date    ? "01/12/2026"
                            : field->type == FieldType::Phone ? "0912345678"
                            : field->type == FieldType::Check ? "yes"
                            : field->type == FieldType::Choice
                                ? field->options.front()
                                : std::string(std::max<std::size_t>(field->minLength, 1), '1');
        EXPECT_FALSE(m_workflow->setField(p.fieldId, value)) << p.fieldId;
    }
    m_workflow->proceed();
    ASSERT_EQ(m_workflow->step(), WorkflowStep::Output);
    EXPECT_EQ(session.form->value("full_name"), m_persona["fullName"].get<std::string>());

    m_workflow->proceed();
    EXPECT_EQ(m_workflow->step(), WorkflowStep::Finished);
    expectNothingPersonal();
    std::vector<AuditRecord> records = auditRecords();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].outcome, "verified");
    EXPECT_EQ(records[0].procedure, "ct01");
    EXPECT_EQ(records[0].counterId, "counter-1");
    EXPECT_EQ(records[0].clerkId, "clerk-7");
    EXPECT_EQ(records[0].time, "2026-12-04T03:00:00Z");
    EXPECT_EQ(records[0].idHash, m_audit->idHash(id()));
    EXPECT_FALSE(records[0].fieldsUsed.empty());
    EXPECT_TRUE(AuditLog::verify(m_dir / "audit.jsonl").intact);

    m_service->push(CardRemoved{});
    m_service->deliverTo(*m_workflow);
    EXPECT_EQ(m_workflow->step(), WorkflowStep::WaitingForCard);
}

TEST_F(WorkflowTest, QrScannedBeforeTheCardOpensItAndMatches) {
    open("vn-basic");
    qr::QrPayload payload = qr::QrPayload::parse(kiosktest::qrTextOf(m_persona));
    ASSERT_TRUE(m_workflow->provideQr(payload));
    EXPECT_EQ(m_workflow->step(), WorkflowStep::WaitingForCard);
    m_service->present();
    m_service->deliverTo(*m_workflow);
    ASSERT_EQ(m_workflow->step(), WorkflowStep::Verified);
    EXPECT_EQ(m_workflow->session().badges->qrMatchesChip, true);
}

TEST_F(WorkflowTest, QrOfAnotherFaceIsRejected) {
    open("vn-basic");
    nlohmann::json forged = m_persona;
    forged["fullName"] = m_persona["father"];
    ASSERT_TRUE(m_workflow->provideQr(qr::QrPayload::parse(kiosktest::qrTextOf(forged))));
    m_service->present();
    m_service->deliverTo(*m_workflow);
    ASSERT_EQ(m_workflow->step(), WorkflowStep::Failed);
    EXPECT_EQ(m_workflow->failure(), FailureReason::QrMismatch);
    EXPECT_FALSE(m_workflow->session().document) << "the card's data is dropped at once";
}

TEST_F(WorkflowTest, WrongKeyThenTheRightOne) {
    open("vn-basic");
    m_service->present();
    m_service->deliverTo(*m_workflow);
    std::string wrong = id();
    wrong.back() = wrong.back() == '9' ? '0' : static_cast<char>(wrong.back() + 1);
    ASSERT_TRUE(m_workflow->provideIdNumber(wrong));
    m_service->deliverTo(*m_workflow);
    ASSERT_EQ(m_workflow->step(), WorkflowStep::Failed);
    EXPECT_EQ(m_workflow->failure(), FailureReason::WrongKey);
    EXPECT_THROW((void)m_workflow->provideIdNumber("12345"), Error);

    ASSERT_TRUE(m_workflow->provideIdNumber(id()));
    m_service->deliverTo(*m_workflow);
    EXPECT_EQ(m_workflow->step(), WorkflowStep::Verified);
}

// The last resort typed at the counter: the dates' first reading is wrong (a no-expiry guess),
// the alternative given with it opens a BAC-only chip within the same tap.
TEST_F(WorkflowTest, MrzKeyAlternativeOpensABacOnlyCard) {
    open("bac-only");
    auto yymmdd = [this](const char* key) {
        std::string iso = m_persona[key].get<std::string>();
        return iso.substr(2, 2) + iso.substr(5, 2) + iso.substr(8, 2);
    };
    std::string number = id().substr(3);
    m_service->present();
    m_service->deliverTo(*m_workflow);
    ASSERT_EQ(m_workflow->step(), WorkflowStep::ObtainingKey);
    ASSERT_TRUE(m_workflow->provideMrz(
        mrz::MrzKey(number, yymmdd("dateOfBirth"), "991231"),
        {mrz::MrzKey(number, yymmdd("dateOfBirth"), yymmdd("dateOfExpiry"))}));
    m_service->deliverTo(*m_workflow);
    EXPECT_EQ(m_workflow->step(), WorkflowStep::Verified);
}

TEST_F(WorkflowTest, UnknownCscaIsRejected) {
    open("vn-basic", false);
    presentAndRead();
    ASSERT_EQ(m_workflow->step(), WorkflowStep::Failed);
    EXPECT_EQ(m_workflow->failure(), FailureReason::UnknownCsca);
    m_workflow->acknowledge();
    EXPECT_EQ(m_workflow->step(), WorkflowStep::ObtainingKey) << "the card is still there";
    m_service->push(CardRemoved{});
    m_service->deliverTo(*m_workflow);
    EXPECT_EQ(auditRecords().at(0).outcome, "unknown_csca");
    EXPECT_EQ(auditRecords().at(1).outcome, "card_removed");
    expectNothingPersonal();
}

TEST_F(WorkflowTest, ChipThatFailsChipAuthenticationIsNotGenuine) {
    open("ca-mismatch");
    presentAndRead();
    ASSERT_EQ(m_workflow->step(), WorkflowStep::Failed);
    EXPECT_EQ(m_workflow->failure(), FailureReason::NotGenuine);
}

TEST_F(WorkflowTest, ExpiredCardIsRejected) {
    open("vn-basic");
    std::string expiry = m_persona["dateOfExpiry"].get<std::string>();
    m_clock.advance(std::chrono::duration_cast<std::chrono::seconds>(
        kiosktest::utcDay(expiry) + std::chrono::days(1) - m_clock.now()));
    presentAndRead();
    ASSERT_EQ(m_workflow->step(), WorkflowStep::Failed);
    EXPECT_EQ(m_workflow->failure(), FailureReason::Expired);
}

TEST_F(WorkflowTest, CardWithoutExpiryIsValid) {
    open("vn-no-expiry");
    presentAndRead();
    ASSERT_EQ(m_workflow->step(), WorkflowStep::Verified);
    EXPECT_TRUE(m_workflow->session().badges->cardValid);
}

TEST_F(WorkflowTest, CardRemovedMidReadResumesWhenPutBack) {
    open("vn-basic");
    m_service->card().faults().removal = emulator::FaultPlan::Removal{0x0102, 200}; // DG2
    presentAndRead();
    ASSERT_EQ(m_workflow->step(), WorkflowStep::ReadInterrupted);
    EXPECT_FALSE(m_workflow->session().document);
    EXPECT_TRUE(m_workflow->session().key) << "kept to read again";

    m_service->present();
    m_service->deliverTo(*m_workflow);
    EXPECT_EQ(m_service->reads, 2);
    ASSERT_EQ(m_workflow->step(), WorkflowStep::Verified);
    EXPECT_EQ(m_workflow->session().document->readout.sessions, 2u) << "continued, not redone";
    EXPECT_EQ(m_service->forgets, 0) << "a removal mid-read does not end the session";
    m_service->push(CardRemoved{});
    m_service->deliverTo(*m_workflow);
    EXPECT_EQ(m_service->forgets, 1) << "the session's end reaches the card service";
}

// The bars of the files finished before the card left stay full while the read continues; a
// read the service started afresh (another card or key) shows only its own files.
TEST_F(WorkflowTest, ResumedReadKeepsTheProgressOfTheFilesFinishedBefore) {
    open("vn-basic");
    m_service->present();
    m_service->deliverTo(*m_workflow);
    ASSERT_TRUE(m_workflow->provideIdNumber(id())); // the read's events wait in the queue
    m_workflow->handle(ReadProgressed{{"EF.COM", 20, 20}});
    m_workflow->handle(ReadProgressed{{"DG2", 300, 9000}});
    m_workflow->handle(ReadFailed{ErrorCode::CardRemoved});
    ASSERT_EQ(m_workflow->step(), WorkflowStep::ReadInterrupted);
    m_workflow->handle(CardRemoved{});
    m_workflow->handle(CardPresent{"emulated"});
    ASSERT_EQ(m_workflow->step(), WorkflowStep::Reading);
    EXPECT_EQ(m_workflow->progress().at("DG2").bytesRead, 300u);

    m_workflow->handle(ReadProgressed{{"DG2", 600, 9000}, true});
    auto progress = m_workflow->progress();
    EXPECT_EQ(progress.at("EF.COM").bytesRead, 20u) << "finished before, not reported again";
    EXPECT_EQ(progress.at("DG2").bytesRead, 600u);

    m_workflow->handle(ReadFailed{ErrorCode::CardRemoved});
    m_workflow->handle(CardPresent{"emulated"});
    m_workflow->handle(ReadProgressed{{"EF.COM", 10, 30}, false});
    progress = m_workflow->progress();
    EXPECT_EQ(progress.size(), 1u);
    EXPECT_EQ(progress.at("EF.COM").totalBytes, 30u);
    EXPECT_EQ(m_service->forgets, 0);
}

// The session's end (here the idle timeout while the card is away) tells the card service to
// forget the card; the next citizen's read starts afresh.
TEST_F(WorkflowTest, SessionEndMakesTheCardServiceForgetTheBrokenOffRead) {
    open("vn-basic");
    m_service->card().faults().removal = emulator::FaultPlan::Removal{0x0102, 200}; // DG2
    presentAndRead();
    ASSERT_EQ(m_workflow->step(), WorkflowStep::ReadInterrupted);
    m_clock.advance(std::chrono::seconds(60));
    m_workflow->tick();
    ASSERT_EQ(m_workflow->step(), WorkflowStep::WaitingForCard);
    EXPECT_EQ(m_service->forgets, 1);
    expectNothingPersonal();

    presentAndRead();
    ASSERT_EQ(m_workflow->step(), WorkflowStep::Verified);
    EXPECT_EQ(m_workflow->session().document->readout.sessions, 1u);
}

TEST_F(WorkflowTest, ReaderUnpluggedNamesTheRemedyAndAReaderWithACardStartsAgain) {
    open("vn-basic");
    m_service->present();
    m_service->deliverTo(*m_workflow);
    m_service->push(ReaderUnplugged{});
    m_service->deliverTo(*m_workflow);
    ASSERT_EQ(m_workflow->failure(), FailureReason::ReaderUnplugged);
    EXPECT_FALSE(m_workflow->cardPresent());
    EXPECT_FALSE(m_workflow->session().holdsPersonalData());

    m_service->present();
    m_service->deliverTo(*m_workflow);
    EXPECT_EQ(m_workflow->step(), WorkflowStep::ObtainingKey);
    EXPECT_EQ(auditRecords().at(0).outcome, "reader_unplugged");
}

TEST_F(WorkflowTest, ReaderUnpluggedAfterTheReadWipesTheCitizenAndAuditsOnce) {
    open("vn-basic");
    presentAndRead();
    ASSERT_EQ(m_workflow->step(), WorkflowStep::Verified);
    ASSERT_TRUE(m_workflow->session().holdsPersonalData());
    m_service->push(ReaderUnplugged{});
    m_service->deliverTo(*m_workflow);
    ASSERT_EQ(m_workflow->failure(), FailureReason::ReaderUnplugged);
    expectNothingPersonal();
    m_workflow->acknowledge();
    EXPECT_EQ(m_workflow->step(), WorkflowStep::WaitingForCard);
    ASSERT_EQ(auditRecords().size(), 1u);
    EXPECT_EQ(auditRecords().at(0).outcome, "reader_unplugged");
}

TEST_F(WorkflowTest, ProgressPerFileThenReadTimeoutAndLateEventsIgnored) {
    open("vn-basic");
    m_service->present();
    m_service->deliverTo(*m_workflow);
    ASSERT_TRUE(m_workflow->provideIdNumber(id())); // the read's events wait in the queue
    m_workflow->handle(ReadProgressed{{"EF.COM", 10, 20}});
    m_workflow->handle(ReadProgressed{{"DG2", 300, 9000}});
    m_workflow->handle(ReadProgressed{{"EF.COM", 20, 20}});
    auto progress = m_workflow->progress();
    EXPECT_EQ(progress.at("EF.COM").bytesRead, 20u);
    EXPECT_EQ(progress.at("DG2").totalBytes, 9000u);
    m_workflow->handle(ReadFailed{ErrorCode::Timeout});
    ASSERT_EQ(m_workflow->failure(), FailureReason::Timeout);
    m_service->deliverTo(*m_workflow); // the late result of the timed-out read
    EXPECT_EQ(m_workflow->failure(), FailureReason::Timeout);
    EXPECT_FALSE(m_workflow->session().document);
}

TEST_F(WorkflowTest, SplitResidenceIsPickedBeforeOutput) {
    open("vn-basic");
    WorkflowConfig config{"counter-1", "clerk-7"};
    config.addressUnits = address::AdministrativeUnits::loadDefault();
    m_workflow = std::make_unique<Workflow>(*m_service, m_catalog, m_clock, m_audit.get(), config);
    presentAndRead();
    m_workflow->proceed();
    ASSERT_TRUE(m_workflow->choose("ct01"));
    const SessionData& session = m_workflow->session();
    ASSERT_EQ(session.addresses.size(), 1u);
    const CurrentAddress& residence = session.addresses[0];
    EXPECT_EQ(residence.asOnCard, m_persona["placeOfResidence"].get<std::string>());
    ASSERT_TRUE(residence.mustPick()) << "Phường Hàng Trống went to two wards";
    EXPECT_EQ(session.form->value("current_residence_today"), "");

    EXPECT_FALSE(m_workflow->setField("authority", "Công an phường Hoàn Kiếm"));
    EXPECT_FALSE(m_workflow->setField("request", "Đăng ký thường trú"));
    m_workflow->proceed();
    EXPECT_EQ(m_workflow->step(), WorkflowStep::FillingForm) << "no ward picked yet";
    EXPECT_EQ(m_workflow->setField("current_residence_today", "Hà Nội")->kind,
              FieldProblemKind::NotAnOption);
    EXPECT_FALSE(m_workflow->setField("current_residence_today", residence.candidates.at(1)));
    m_workflow->proceed();
    ASSERT_EQ(m_workflow->step(), WorkflowStep::Output);

    m_workflow->proceed();
    EXPECT_EQ(m_workflow->step(), WorkflowStep::Finished);
    EXPECT_TRUE(session.addresses.empty());
    expectNothingPersonal();
}

TEST_F(WorkflowTest, IdleTimeoutWipesTheSession) {
    open("vn-basic");
    presentAndRead();
    m_workflow->proceed();
    ASSERT_TRUE(m_workflow->choose("bank-kyc"));
    m_clock.advance(std::chrono::seconds(59));
    m_workflow->tick();
    EXPECT_EQ(m_workflow->step(), WorkflowStep::FillingForm);
    m_clock.advance(std::chrono::seconds(1));
    m_workflow->tick();
    EXPECT_EQ(m_workflow->step(), WorkflowStep::WaitingForCard);
    expectNothingPersonal();
    ASSERT_EQ(auditRecords().size(), 1u);
    EXPECT_EQ(auditRecords()[0].outcome, "verified");
    EXPECT_EQ(auditRecords()[0].procedure, "bank-kyc");
}

TEST_F(WorkflowTest, IdleTimeoutAlsoForgetsAQrScannedWithoutACard) {
    open("vn-basic");
    ASSERT_TRUE(m_workflow->provideQr(qr::QrPayload::parse(kiosktest::qrTextOf(m_persona))));
    EXPECT_TRUE(m_workflow->session().holdsPersonalData());
    m_clock.advance(std::chrono::seconds(60));
    m_workflow->tick();
    expectNothingPersonal();
    EXPECT_EQ(auditRecords().at(0).outcome, "timeout");
}

TEST_F(WorkflowTest, CardRemovalWhileFillingWipesTheSession) {
    open("vn-basic");
    presentAndRead();
    m_workflow->proceed();
    ASSERT_TRUE(m_workflow->choose("ct01"));
    m_service->push(CardRemoved{});
    m_service->deliverTo(*m_workflow);
    EXPECT_EQ(m_workflow->step(), WorkflowStep::WaitingForCard);
    expectNothingPersonal();
    EXPECT_THROW((void)m_workflow->setField("request", "x"), Error);
}

} // namespace
