// The control protocol of cccd-emulator, without sockets.

#include "emulator/tools/EmulatorController.h"

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "TestProfiles.h"
#include "emulator/tools/ControlCommand.h"
#include "emulator/vpcd/VpcdSession.h"

using namespace cccd;
using namespace cccd::emulator;

namespace {

std::filesystem::path writeProfileDir() {
    auto dir = std::filesystem::temp_directory_path() /
               ("cccd-emulator-control-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "test-card.json") << profileToJson(emutest::sampleProfile());
    return dir;
}

} // namespace

TEST(ControlCommandTest, ParsesEveryCommand) {
    auto present = std::get<ControlCommand>(parseControlCommand("present vn-basic"));
    EXPECT_EQ(present.kind, ControlCommand::Kind::Present);
    EXPECT_EQ(present.profile, "vn-basic");
    auto fault = std::get<ControlCommand>(parseControlCommand("fault remove-after 0102 4096"));
    EXPECT_EQ(fault.fault.kind, FaultCommand::Kind::RemoveAfter);
    EXPECT_EQ(fault.fault.fid, 0x0102);
    EXPECT_EQ(fault.fault.number, 4096u);
    auto sw = std::get<ControlCommand>(parseControlCommand("fault sw 6987"));
    EXPECT_EQ(sw.fault.statusWord, 0x6987);
    auto drop = std::get<ControlCommand>(parseControlCommand("fault drop-do 8E"));
    EXPECT_EQ(drop.fault.tag, 0x8E);
    EXPECT_EQ(std::get<ControlCommand>(parseControlCommand("  status ")).kind,
              ControlCommand::Kind::Status);
    EXPECT_TRUE(std::holds_alternative<std::string>(parseControlCommand("fault remove-after 12")));
    EXPECT_TRUE(std::holds_alternative<std::string>(parseControlCommand("explode")));
    EXPECT_TRUE(std::holds_alternative<std::string>(parseControlCommand("")));
}

TEST(ControlCommandTest, ParsesPerCommandFaults) {
    auto chain = std::get<ControlCommand>(parseControlCommand("fault chain 10 ins=B0 always"));
    ASSERT_EQ(chain.fault.kind, FaultCommand::Kind::Command);
    EXPECT_EQ(chain.fault.command.kind, CommandFault::Kind::Chain);
    EXPECT_EQ(chain.fault.command.count, 10u);
    EXPECT_EQ(chain.fault.command.when.ins, 0xB0);
    EXPECT_TRUE(chain.fault.command.when.always);
    auto onFile =
        std::get<ControlCommand>(parseControlCommand("fault status-only 6A82 ins=A4 fid=0102"));
    EXPECT_EQ(onFile.fault.command.statusWord, 0x6A82);
    EXPECT_EQ(onFile.fault.command.when.fid, 0x0102);
    auto nth = std::get<ControlCommand>(parseControlCommand("fault delay 3000 at=7"));
    EXPECT_EQ(nth.fault.command.when.commandNumber, 7u);
    auto pull = std::get<ControlCommand>(parseControlCommand("fault remove at=12"));
    EXPECT_EQ(pull.fault.command.kind, CommandFault::Kind::Remove);
    EXPECT_EQ(pull.fault.command.when.commandNumber, 12u);
    // With an option the secure messaging faults hit that command, not the next answer.
    auto mac = std::get<ControlCommand>(parseControlCommand("fault corrupt-mac ins=B0"));
    ASSERT_EQ(mac.fault.kind, FaultCommand::Kind::Command);
    EXPECT_EQ(mac.fault.command.kind, CommandFault::Kind::CorruptMac);
    auto dropped = std::get<ControlCommand>(parseControlCommand("fault drop-do 87 fid=0101"));
    ASSERT_EQ(dropped.fault.kind, FaultCommand::Kind::Command);
    EXPECT_EQ(dropped.fault.command.tag, 0x87);
    for (const char* bad :
         {"fault truncate", "fault chain x", "fault delay 5 ins=B", "fault bogus",
          "fault status-only 6A8", "fault tlv-length 0101 1 0", "fault remove 12"}) {
        EXPECT_TRUE(std::holds_alternative<std::string>(parseControlCommand(bad))) << bad;
    }
    EXPECT_NE(controlHelp().find("fault wrong-le"), std::string_view::npos);
    EXPECT_NE(controlHelp().find("fault remove "), std::string_view::npos);
}

TEST(EmulatorControllerTest, PresentsRemovesAndArmsFaults) {
    auto dir = writeProfileDir();
    CardSlot slot;
    EmulatorController controller(slot, {dir, std::chrono::milliseconds(0)});
    EXPECT_EQ(controller.execute("status"), "ok absent");
    EXPECT_EQ(controller.execute("fault corrupt-mac"), "error no card present");
    EXPECT_EQ(controller.execute("present test-card"), "ok present test-card");
    EXPECT_EQ(controller.execute("status"), "ok present test-card commands=0");
    EXPECT_EQ(controller.execute("fault corrupt-file 0101 3"), "ok fault armed");
    EXPECT_EQ(controller.execute("fault corrupt-file 0101 999"),
              "error no such file byte to corrupt");
    EXPECT_EQ(controller.execute("swap " + (dir / "test-card.json").string()),
              "ok swapped test-card");
    EXPECT_EQ(controller.execute("remove"), "ok removed");
    EXPECT_EQ(controller.execute("status"), "ok absent");
    EXPECT_EQ(controller.execute("present missing-profile").rfind("error ", 0), 0u);
    EXPECT_FALSE(controller.quitRequested());
    EXPECT_EQ(controller.execute("quit"), "ok bye");
    EXPECT_TRUE(controller.quitRequested());
    std::filesystem::remove_all(dir);
}

// A card pulled at its Nth command leaves the slot, which the vpcd link sees as a hang-up;
// `present` puts a card back, powered up afresh.
TEST(EmulatorControllerTest, RemoveFaultEmptiesTheSlotUntilPresent) {
    auto dir = writeProfileDir();
    CardSlot slot;
    EmulatorController controller(slot, {dir, std::chrono::milliseconds(0)});
    ASSERT_EQ(controller.execute("present test-card"), "ok present test-card");
    EXPECT_EQ(controller.execute("fault remove at=2"), "ok fault armed");
    const Bytes selectApplication = fromHex("00A4040C07A0000002471001");
    VpcdReply first = handleVpcdMessage(slot, selectApplication);
    EXPECT_FALSE(first.cardGone);
    ASSERT_TRUE(first.payload);
    EXPECT_EQ(toHex(*first.payload), "9000");
    VpcdReply second = handleVpcdMessage(slot, selectApplication);
    EXPECT_TRUE(second.cardGone);
    EXPECT_FALSE(second.payload);
    EXPECT_EQ(controller.execute("status"), "ok absent");
    EXPECT_TRUE(handleVpcdMessage(slot, selectApplication).cardGone);

    EXPECT_EQ(controller.execute("present test-card"), "ok present test-card");
    VpcdReply back = handleVpcdMessage(slot, selectApplication);
    EXPECT_FALSE(back.cardGone);
    ASSERT_TRUE(back.payload);
    EXPECT_EQ(toHex(*back.payload), "9000");
    std::filesystem::remove_all(dir);
}
