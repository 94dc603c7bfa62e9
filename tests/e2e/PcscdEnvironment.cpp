#include "PcscdEnvironment.h"

#include <fstream>
#include <thread>

#include "base/Error.h"
#include "pcsc/PcscContext.h"
#include "support/TestData.h"

namespace cccd::test {

namespace {

bool pcscdAnswers() {
    try {
        pcsc::PcscContext context;
        return !context.readers().empty();
    } catch (const Error&) {
        return false;
    }
}

} // namespace

void PcscdEnvironment::SetUp() {
    if (pcscdAnswers()) {
        return;
    }
    auto confDir = binaryDir() / "e2e" / "reader.conf.d";
    std::filesystem::create_directories(confDir);
    std::ofstream(confDir / "vpcd") << "FRIENDLYNAME \"Virtual PCD\"\n"
                                    << "DEVICENAME /dev/null:0x8C7B\n"
                                    << "LIBPATH /usr/lib/pcsc/drivers/serial/libifdvpcd.so\n"
                                    << "CHANNELID 0x8C7B\n"; // 35963
    m_pcscd = std::make_unique<Process>(
        "/usr/sbin/pcscd", std::vector<std::string>{"--foreground", "--config", confDir.string()},
        binaryDir() / "e2e");
    for (int i = 0; i < 100 && !pcscdAnswers(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_TRUE(pcscdAnswers()) << "pcscd with vpcd did not start: " << m_pcscd->errors();
}

void PcscdEnvironment::TearDown() {
    m_pcscd.reset();
}

} // namespace cccd::test
