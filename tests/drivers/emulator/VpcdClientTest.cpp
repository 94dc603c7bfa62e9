// The vpcd client against a small loopback server the test runs itself (127.0.0.1, ephemeral
// port): framing, controls, APDUs, removal.

#include "emulator/vpcd/VpcdClient.h"

#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "FakeVpcd.h"
#include "TestProfiles.h"
#include "base/Error.h"
#include "emulator/vpcd/CardSlot.h"
#include "emulator/vpcd/VpcdFrame.h"

using namespace cccd;
using namespace cccd::emulator;

namespace {

struct RunningClient {
    VpcdClient client;
    std::thread thread;

    RunningClient(CardSlot& slot, std::uint16_t port)
        : client(slot, VpcdOptions{port, std::chrono::milliseconds(50), LinkModel::off()}),
          thread([this] { client.run(); }) {}

    ~RunningClient() {
        client.stop();
        thread.join();
    }
};

} // namespace

TEST(VpcdFrameTest, EncodesLengthBigEndianAndReassemblesPieces) {
    Bytes frame = encodeVpcdFrame(Bytes(0x0123, 0xAB));
    EXPECT_EQ(toHex(ByteView(frame).first(3)), "0123AB");
    VpcdFrameDecoder decoder;
    Bytes stream = concat(frame, encodeVpcdFrame(fromHex("04")));
    decoder.feed(ByteView(stream).first(1));
    EXPECT_FALSE(decoder.next());
    decoder.feed(ByteView(stream).subspan(1, 200));
    EXPECT_FALSE(decoder.next());
    decoder.feed(ByteView(stream).subspan(201));
    EXPECT_EQ(decoder.next()->size(), 0x0123u);
    EXPECT_EQ(toHex(*decoder.next()), "04");
    EXPECT_FALSE(decoder.next());
    EXPECT_THROW((void)encodeVpcdFrame(Bytes(65536)), Error);
}

TEST(VpcdClientTest, AnswersControlsAndApdus) {
    emutest::FakeVpcd vpcd;
    CardSlot slot;
    slot.present(std::make_shared<EmulatedCard>(emutest::sampleProfile()), "test-card");
    RunningClient running(slot, vpcd.port());
    ASSERT_TRUE(vpcd.accept());

    vpcd.send(fromHex("01")); // power on: no answer
    EXPECT_EQ(toHex(vpcd.exchange("04")), "3B80800101");
    EXPECT_EQ(toHex(vpcd.exchange("00A4040C07A0000002471001")), "9000");
    EXPECT_EQ(toHex(vpcd.exchange("00A4000C023F00")), "6D00");
    EXPECT_TRUE(running.client.connected());
    EXPECT_EQ(slot.status().statistics.commands, 2u);
}

TEST(VpcdClientTest, RemovingTheCardClosesTheConnectionAndPresentReconnects) {
    emutest::FakeVpcd vpcd;
    CardSlot slot;
    slot.present(std::make_shared<EmulatedCard>(emutest::sampleProfile()), "test-card");
    RunningClient running(slot, vpcd.port());
    ASSERT_TRUE(vpcd.accept());
    EXPECT_EQ(toHex(vpcd.exchange("04")), "3B80800101");

    slot.remove();
    EXPECT_FALSE(vpcd.receive(3000)); // the card hung up

    slot.present(std::make_shared<EmulatedCard>(emutest::sampleProfile()), "test-card");
    ASSERT_TRUE(vpcd.accept());
    EXPECT_EQ(toHex(vpcd.exchange("04")), "3B80800101");
}

TEST(VpcdClientTest, RemovalFaultHangsUpMidRead) {
    emutest::FakeVpcd vpcd;
    CardSlot slot;
    auto card = std::make_shared<EmulatedCard>(emutest::sampleProfile());
    card->faults().removal = FaultPlan::Removal{0x011C, 10};
    slot.present(card, "test-card");
    RunningClient running(slot, vpcd.port());
    ASSERT_TRUE(vpcd.accept());
    EXPECT_EQ(toHex(vpcd.exchange("00A4020C02011C")), "9000");
    EXPECT_EQ(toHex(vpcd.exchange("00B0000008")).size(), 20u); // 8 bytes + 9000
    vpcd.send(fromHex("00B0000808"));                          // would cross byte 10
    EXPECT_FALSE(vpcd.receive(3000));
    EXPECT_FALSE(slot.status().present);
}
