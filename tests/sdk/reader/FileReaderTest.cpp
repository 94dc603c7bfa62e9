// How reader::FileReader sizes its READ BINARY commands during a whole card session (DESIGN.md
// "Reading strategy"): one command per file with extended length, the largest short read that
// secure messaging fits otherwise, never a byte twice. A tap between reader and card decrypts the
// protected APDUs so the plain commands can be counted.
#include "reader/FileReader.h"

#include <algorithm>
#include <map>

#include <gtest/gtest.h>

#include "PlainTraceChannel.h"
#include "ReaderTestSupport.h"
#include "reader/CardReader.h"

using namespace cccd;
using namespace cccd::readertest;

namespace {

// BL-24: under 3DES secure messaging a short response of 256 bytes holds 231 plain bytes.
constexpr std::size_t SmShortMax = 231;

struct Session {
    reader::CardReadout readout;
    std::vector<PlainExchange> exchanges;
    std::vector<FileReads> files;
};

Session readTraced(emulator::EmulatorChannel& card, const std::string& name,
                   reader::ExtendedLengthMode mode, bool readerClaimsExtended = false) {
    std::string mrzInformation = accessKey(name).mrzInformation();
    PlainTraceChannel tap(card, mrzInformation);
    if (readerClaimsExtended) {
        transport::ChannelCapabilities caps;
        caps.extendedLength = true;
        caps.maxCommandDataSize = 65535;
        caps.maxResponseDataSize = 65536;
        tap.setCapabilities(caps);
    }
    reader::ReadOptions options;
    options.extendedLength = mode;
    options.random = seededRandom(5);
    options.accessPolicy = reader::AccessPolicy::BacOnly; // the tap decrypts BAC sessions only
    reader::CardReadout readout = reader::readCard(tap, accessKey(name), options);
    return {std::move(readout), tap.exchanges(), tap.fileReads()};
}

// Every byte of every file read arrives exactly once: offsets follow on, the last read ends at
// the file's size, and the reader's copy equals the card's file.
void expectEveryByteOnce(const Session& s, const emulator::CardProfile& card) {
    std::size_t total = 0;
    std::size_t expectedTotal = 0;
    for (const FileReads& f : s.files) {
        if (f.reads.empty()) {
            continue; // refused or absent (DG3 behind EAC)
        }
        SCOPED_TRACE(f.fid);
        std::size_t offset = 0;
        for (const PlainExchange& read : f.reads) {
            EXPECT_EQ(read.offset(), offset);
            offset += read.responseSize;
        }
        EXPECT_EQ(offset, fileOf(card, f.fid).size());
        total += offset;
        expectedTotal += fileOf(card, f.fid).size();
    }
    EXPECT_EQ(total, expectedTotal);
    for (const auto& [dg, content] : s.readout.dataGroups) {
        EXPECT_EQ(content, fileOf(card, static_cast<std::uint16_t>(0x0100 + dg))) << "DG" << dg;
    }
    EXPECT_EQ(s.readout.efSod, fileOf(card, 0x011D));
    EXPECT_EQ(s.readout.efCom, fileOf(card, 0x011E));
}

// Short APDUs of the largest size that fits: the first read of a file asks for a full short
// response (the size is not known yet), each later one for exactly what remains or fits.
void expectLargestShortReads(const Session& s) {
    EXPECT_FALSE(s.readout.extendedLength);
    for (const FileReads& f : s.files) {
        SCOPED_TRACE(f.fid);
        for (std::size_t i = 0; i < f.reads.size(); ++i) {
            const PlainExchange& read = f.reads[i];
            EXPECT_FALSE(read.extendedApdu);
            EXPECT_FALSE(read.extendedLe);
            EXPECT_EQ(read.ne, i == 0 ? SmShortMax : read.responseSize);
            if (i + 1 < f.reads.size()) {
                EXPECT_EQ(read.responseSize, SmShortMax);
            }
        }
    }
}

std::size_t filesRead(const Session& s) {
    std::size_t n = 0;
    for (const FileReads& f : s.files) {
        n += f.reads.empty() ? 0 : 1;
    }
    return n;
}

} // namespace

TEST(FileReaderTest, AutoReadsEachFileWithOneExtendedReadBinary) {
    for (const char* name : {"vn-basic", "vn-long-residence", "bsi-reference"}) {
        SCOPED_TRACE(name);
        emulator::EmulatorChannel card = cardOnReader(name);
        Session s = readTraced(card, name, reader::ExtendedLengthMode::Auto);

        EXPECT_TRUE(s.readout.extendedLength);
        for (const FileReads& f : s.files) {
            EXPECT_LE(f.reads.size(), 1u) << f.fid;
            for (const PlainExchange& read : f.reads) {
                EXPECT_TRUE(read.extendedLe) << f.fid;
            }
        }
        EXPECT_EQ(s.readout.readBinaryCommands, filesRead(s));
        expectEveryByteOnce(s, card.card().profile());
    }
}

TEST(FileReaderTest, NeverReadsInSecureMessagingShortChunks) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    Session s = readTraced(card, "vn-basic", reader::ExtendedLengthMode::Never);

    expectLargestShortReads(s);
    expectEveryByteOnce(s, card.card().profile());
    // DG2 (16 kB) cannot come in one short read.
    EXPECT_GT(s.readout.readBinaryCommands, filesRead(s));
}

// A card without extended length behind a reader that does not offer it: no probe, short reads.
TEST(FileReaderTest, ShortOnlyCardIsReadInShortChunks) {
    emulator::EmulatorChannel card = cardOnReader("vn-no-expiry");
    Session s = readTraced(card, "vn-no-expiry", reader::ExtendedLengthMode::Auto);

    for (const PlainExchange& e : s.exchanges) {
        EXPECT_FALSE(e.extendedApdu);
    }

    expectLargestShortReads(s);
    expectEveryByteOnce(s, card.card().profile());
}

// The reader offers extended length, the card refuses it: the extended SELECT probe gets 6700
// and the session continues with short APDUs.
TEST(FileReaderTest, ProbeRefusedWith6700FallsBackToShortReads) {
    emulator::EmulatorChannel card = cardOnReader("vn-no-expiry");
    Session s = readTraced(card, "vn-no-expiry", reader::ExtendedLengthMode::Auto, true);

    // The application SELECT (P1 04) comes after the MF's files (EF.ATR/INFO).
    auto probe = std::find_if(s.exchanges.begin(), s.exchanges.end(),
                              [](const PlainExchange& e) { return e.ins == 0xA4 && e.p1 == 0x04; });
    ASSERT_GE(std::distance(probe, s.exchanges.end()), 2);
    EXPECT_TRUE(probe[0].extendedApdu);
    EXPECT_EQ(probe[0].sw, 0x6700);
    EXPECT_FALSE(probe[1].extendedApdu);
    EXPECT_EQ(probe[1].sw, 0x9000);

    expectLargestShortReads(s);
    expectEveryByteOnce(s, card.card().profile());
}

TEST(FileReaderTest, ProgressRisesPerFileAndEndsAtTheFileSize) {
    for (auto mode : {reader::ExtendedLengthMode::Auto, reader::ExtendedLengthMode::Never}) {
        SCOPED_TRACE(static_cast<int>(mode));
        emulator::EmulatorChannel card = cardOnReader("vn-basic");
        std::map<std::string, std::vector<reader::ReadProgress>> events;
        reader::ReadOptions options;
        options.extendedLength = mode;
        options.onProgress = [&](const reader::ReadProgress& p) { events[p.file].push_back(p); };
        reader::CardReadout readout = reader::readCard(card, accessKey("vn-basic"), options);

        std::map<std::string, std::size_t> sizes{{"EF.COM", readout.efCom.size()},
                                                 {"EF.SOD", readout.efSod.size()}};
        for (const auto& [dg, content] : readout.dataGroups) {
            sizes["DG" + std::to_string(dg)] = content.size();
        }
        ASSERT_EQ(events.size(), sizes.size());
        for (const auto& [file, list] : events) {
            SCOPED_TRACE(file);
            ASSERT_TRUE(sizes.contains(file));
            for (std::size_t i = 0; i < list.size(); ++i) {
                EXPECT_EQ(list[i].totalBytes, sizes[file]);
                if (i > 0) {
                    EXPECT_GT(list[i].bytesRead, list[i - 1].bytesRead);
                }
            }
            EXPECT_EQ(list.back().bytesRead, sizes[file]);
        }
        EXPECT_GT(events["DG2"].size(), mode == reader::ExtendedLengthMode::Never ? 1u : 0u);
    }
}

// The flag is set from the progress callback with DG2 part read: the next APDU never goes out.
TEST(FileReaderTest, CancelInTheMiddleOfDg2StopsBeforeTheNextApdu) {
    emulator::EmulatorChannel card = cardOnReader("vn-basic");
    reader::CancelFlag cancel{false};
    std::size_t commandsAtCancel = 0;
    std::size_t progressAfterCancel = 0;
    reader::ReadOptions options;
    options.extendedLength = reader::ExtendedLengthMode::Never;
    options.cancel = &cancel;
    options.onProgress = [&](const reader::ReadProgress& p) {
        if (cancel) {
            ++progressAfterCancel;
        } else if (p.file == "DG2" && p.bytesRead < p.totalBytes) {
            cancel = true;
            commandsAtCancel = card.card().statistics().commands;
        }
    };

    Error e = errorOf([&] { (void)reader::readCard(card, accessKey("vn-basic"), options); });
    EXPECT_EQ(e.code(), ErrorCode::Cancelled) << e.what();
    EXPECT_TRUE(cancel);
    EXPECT_EQ(card.card().statistics().commands, commandsAtCancel);
    EXPECT_EQ(progressAfterCancel, 0u);
}
