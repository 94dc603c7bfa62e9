// The control protocol of cccd-emulator, without sockets.

#include "emulator/tools/EmulatorController.h"

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <gtest/gtest.h>

#include "TestProfiles.h"
#include "emulator/tools/ControlCommand.h"

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
