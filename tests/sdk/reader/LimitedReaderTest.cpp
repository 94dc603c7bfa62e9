// Reads through readers with limits (short APDUs only, a small receive buffer), whether the
// reader reports them, the caller states them or the read finds out, give what a read through an
// unlimited reader gives; what a read finds out goes to the capability cache, so the next read of
// the same card type in that reader sends no APDU that fails (field cases BL-24, BL-26, BL-27).
#include <algorithm>
#include <optional>

#include <gtest/gtest.h>

#include "ReaderTestSupport.h"
#include "reader/CardReader.h"
#include "reader/FileReader.h"

using namespace cccd;
using namespace cccd::readertest;
using emulator::EmulatedReader;

namespace {

// ISO/IEC 7816-4 §5.1: 00 and two length bytes after the header mark an extended APDU.
bool isExtended(ByteView apdu) {
    return apdu.size() >= 7 && apdu[4] == 0x00;
}

/// Between the reader and the SDK: counts the exchanges refused for their length (a failed
/// exchange, or a plain 6700 to an extended APDU) and the largest response that came back.
class RecordingChannel : public transport::CardChannel {
public:
    explicit RecordingChannel(transport::CardChannel& inner) : m_inner(inner) {}

    [[nodiscard]] Bytes transmit(ByteView commandApdu) override {
        ++sent;
        try {
            Bytes response = m_inner.transmit(commandApdu);
            if (isExtended(commandApdu) && toHex(response) == "6700") {
                ++refused;
            }
            largestResponse = std::max(largestResponse, response.size());
            return response;
        } catch (const Error& e) {
            if (e.code() == ErrorCode::Transport) {
                ++refused;
            }
            throw;
        }
    }

    [[nodiscard]] Bytes atr() const override { return m_inner.atr(); }

    /// Claims extended length whatever the card's profile says, as a PC/SC reader that does not
    /// know the card would.
    [[nodiscard]] transport::ChannelCapabilities capabilities() const override {
        transport::ChannelCapabilities caps = m_inner.capabilities();
        if (claimExtendedLength) {
            caps.extendedLength = true;
            caps.maxCommandDataSize = 65535;
            caps.maxResponseDataSize = 65536;
        }
        return caps;
    }

    [[nodiscard]] std::string readerName() const override { return m_inner.readerName(); }

    void watchCancel(const std::atomic<bool>* flag) override { m_inner.watchCancel(flag); }

    bool claimExtendedLength = false;
    std::size_t sent = 0;
    std::size_t refused = 0;
    std::size_t largestResponse = 0;

private:
    transport::CardChannel& m_inner;
};

struct Read {
    std::optional<reader::CardReadout> readout;
    std::optional<Error> error;
    std::size_t refused = 0;
    std::size_t largestResponse = 0;
};

emulator::EmulatorChannel onReader(const std::string& card, EmulatedReader reader) {
    return emulator::EmulatorChannel(
        std::make_shared<emulator::EmulatedCard>(profile(card), seededRandom(7)),
        emulator::LinkModel::off(), false, std::move(reader));
}

reader::ReadOptions optionsFor(reader::AccessPolicy policy) {
    reader::ReadOptions options;
    options.accessPolicy = policy;
    options.random = seededRandom(5);
    return options;
}

Read readOn(emulator::EmulatorChannel& channel, const std::string& card,
            const reader::ReadOptions& options, bool claimExtendedLength = false) {
    RecordingChannel recorder(channel);
    recorder.claimExtendedLength = claimExtendedLength;
    Read out;
    try {
        out.readout = reader::readCard(recorder, accessKey(card), options);
    } catch (const Error& e) {
        out.error = e;
    }
    out.refused = recorder.refused;
    out.largestResponse = recorder.largestResponse;
    return out;
}

void expectSameRead(const reader::CardReadout& read, const reader::CardReadout& unlimited) {
    EXPECT_EQ(read.access.protocol, unlimited.access.protocol);
    EXPECT_EQ(read.efCardAccess, unlimited.efCardAccess);
    EXPECT_EQ(read.efCom, unlimited.efCom);
    EXPECT_EQ(read.efSod, unlimited.efSod);
    EXPECT_EQ(read.dataGroups, unlimited.dataGroups);
    ASSERT_EQ(read.chipAuthentication.has_value(), unlimited.chipAuthentication.has_value());
    if (read.chipAuthentication) {
        EXPECT_EQ(read.chipAuthentication->status, unlimited.chipAuthentication->status);
    }
}

EmulatedReader shortOnly(bool reports, EmulatedReader::Refusal refusal) {
    EmulatedReader reader;
    reader.name = "Short-only reader";
    reader.limits.shortApdusOnly = true;
    reader.limits.maxResponseSize = 261; // a CCID message of 271 bytes less its header
    reader.reportsLimits = reports;
    reader.refusal = refusal;
    return reader;
}

EmulatedReader smallBuffer(bool reports) {
    EmulatedReader reader;
    reader.name = "Small-buffer reader";
    reader.limits.maxResponseSize = 130;
    reader.reportsLimits = reports;
    return reader;
}

struct Case {
    const char* name;
    EmulatedReader reader;
    transport::ReaderLimits stated;
};

std::vector<Case> limitedReaders() {
    transport::ReaderLimits smallBufferStated;
    smallBufferStated.maxResponseSize = 130;
    return {
        {"short-only, reported", shortOnly(true, EmulatedReader::Refusal::LinkError), {}},
        {"short-only, silent, link error",
         shortOnly(false, EmulatedReader::Refusal::LinkError),
         {}},
        {"short-only, silent, 6700", shortOnly(false, EmulatedReader::Refusal::WrongLength), {}},
        {"130-byte buffer, reported", smallBuffer(true), {}},
        {"130-byte buffer, stated by the caller", smallBuffer(false), smallBufferStated},
    };
}

} // namespace

// BL-26: each limited reader gives the unlimited read, under 3DES (BAC) and AES (PACE) secure
// messaging, and no response ever exceeds the reader's buffer.
TEST(LimitedReaderTest, LimitedReadersReadWhatAnUnlimitedReaderReads) {
    for (reader::AccessPolicy policy :
         {reader::AccessPolicy::BacOnly, reader::AccessPolicy::Auto}) {
        SCOPED_TRACE(policy == reader::AccessPolicy::BacOnly ? "BAC" : "PACE");
        emulator::EmulatorChannel unlimitedReader = onReader("vn-basic", {});
        Read unlimited = readOn(unlimitedReader, "vn-basic", optionsFor(policy));
        ASSERT_TRUE(unlimited.readout) << unlimited.error->what();
        EXPECT_TRUE(unlimited.readout->extendedLength);

        for (const Case& c : limitedReaders()) {
            SCOPED_TRACE(c.name);
            emulator::EmulatorChannel channel = onReader("vn-basic", c.reader);
            reader::ReadOptions options = optionsFor(policy);
            options.readerLimits = c.stated;
            Read limited = readOn(channel, "vn-basic", options);
            ASSERT_TRUE(limited.readout) << limited.error->what();
            expectSameRead(*limited.readout, *unlimited.readout);
            EXPECT_LE(limited.largestResponse, *c.reader.limits.maxResponseSize);
            EXPECT_GT(limited.readout->readBinaryCommands, unlimited.readout->readBinaryCommands);
        }
    }
}

// The Le of every READ BINARY is the largest whose protected answer fits the 130-byte buffer:
// the largest response is within one cipher block of the limit (AES: 115 bytes for Le 95).
TEST(LimitedReaderTest, ReadsUseTheLargestLeThatFitsTheBuffer) {
    for (reader::AccessPolicy policy :
         {reader::AccessPolicy::BacOnly, reader::AccessPolicy::Auto}) {
        std::size_t block = policy == reader::AccessPolicy::BacOnly ? 8 : 16;
        emulator::EmulatorChannel channel = onReader("vn-basic", smallBuffer(true));
        Read read = readOn(channel, "vn-basic", optionsFor(policy));
        ASSERT_TRUE(read.readout) << read.error->what();
        EXPECT_LE(read.largestResponse, 130u);
        EXPECT_GT(read.largestResponse, 130u - block);
        EXPECT_EQ(read.refused, 0u);
    }
}

// BL-26, a reader that says nothing: the first read's extended SELECT fails (at the link or with
// the reader's 6700) and the read goes on in short APDUs; the cache keeps that, and the next read
// of this card type in this reader sends no APDU that fails.
TEST(LimitedReaderTest, WarmCacheSendsNoRefusedApdu) {
    for (EmulatedReader::Refusal refusal :
         {EmulatedReader::Refusal::LinkError, EmulatedReader::Refusal::WrongLength}) {
        emulator::EmulatorChannel channel = onReader("vn-basic", shortOnly(false, refusal));
        reader::CapabilityCache cache;
        reader::ReadOptions options = optionsFor(reader::AccessPolicy::Auto);
        options.capabilityCache = &cache;

        Read first = readOn(channel, "vn-basic", options);
        ASSERT_TRUE(first.readout) << first.error->what();
        EXPECT_GE(first.refused, 1u);
        ASSERT_EQ(cache.size(), 1u);

        Read second = readOn(channel, "vn-basic", options);
        ASSERT_TRUE(second.readout) << second.error->what();
        EXPECT_EQ(second.refused, 0u);
        expectSameRead(*second.readout, *first.readout);
        std::optional<reader::CardCapabilities> known =
            cache.find(reader::CapabilityCache::keyOf(channel));
        ASSERT_TRUE(known);
        EXPECT_TRUE(known->extendedLengthRefused);
    }
}

// A card without extended length behind a reader that offers it: the card answers the probe
// with 6700 once, then the cache spares it.
TEST(LimitedReaderTest, CardThatRefusesExtendedLengthIsProbedOnce) {
    emulator::EmulatorChannel channel = onReader("vn-no-expiry", {});
    reader::CapabilityCache cache;
    reader::ReadOptions options = optionsFor(reader::AccessPolicy::BacOnly);
    options.capabilityCache = &cache;
    Read first = readOn(channel, "vn-no-expiry", options, true);
    ASSERT_TRUE(first.readout) << first.error->what();
    EXPECT_EQ(first.refused, 1u);
    Read second = readOn(channel, "vn-no-expiry", options, true);
    ASSERT_TRUE(second.readout) << second.error->what();
    EXPECT_EQ(second.refused, 0u);
    expectSameRead(*second.readout, *first.readout);
}

// BL-27: a reader that passes extended commands but drops any response over 256 + 2 bytes and
// says nothing. The first read learns it the hard way: its first long answer is lost, which ends
// the secure messaging session, and the read fails with a typed error. The cache keeps "no
// extended length" for this card in this reader, and the retry reads everything in short APDUs
// sized so that each protected answer fits.
TEST(LimitedReaderTest, SilentResponseLimitIsLearnedFromTheFailedRead) {
    EmulatedReader reader;
    reader.name = "ACR122U-like";
    reader.limits.maxResponseSize = 258;
    reader.reportsLimits = false;
    emulator::EmulatorChannel channel = onReader("vn-basic", reader);
    reader::CapabilityCache cache;
    reader::ReadOptions options = optionsFor(reader::AccessPolicy::Auto);
    options.capabilityCache = &cache;

    Read first = readOn(channel, "vn-basic", options);
    ASSERT_TRUE(first.error);
    EXPECT_EQ(first.error->code(), ErrorCode::Transport) << first.error->what();

    Read second = readOn(channel, "vn-basic", options);
    ASSERT_TRUE(second.readout) << second.error->what();
    EXPECT_EQ(second.refused, 0u);
    EXPECT_FALSE(second.readout->extendedLength);
    EXPECT_LE(second.largestResponse, 258u);
    emulator::EmulatorChannel unlimitedReader = onReader("vn-basic", {});
    Read unlimited = readOn(unlimitedReader, "vn-basic", optionsFor(reader::AccessPolicy::Auto));
    ASSERT_TRUE(unlimited.readout);
    expectSameRead(*second.readout, *unlimited.readout);
}

// The cache is per reader: the same card in another reader starts from nothing.
TEST(LimitedReaderTest, CacheEntriesArePerReader) {
    reader::CapabilityCache cache;
    reader::ReadOptions options = optionsFor(reader::AccessPolicy::BacOnly);
    options.capabilityCache = &cache;
    emulator::EmulatorChannel limited =
        onReader("vn-basic", shortOnly(false, EmulatedReader::Refusal::LinkError));
    ASSERT_TRUE(readOn(limited, "vn-basic", options).readout);

    emulator::EmulatorChannel unlimitedReader = onReader("vn-basic", {});
    Read other = readOn(unlimitedReader, "vn-basic", options);
    ASSERT_TRUE(other.readout);
    EXPECT_TRUE(other.readout->extendedLength);
    EXPECT_EQ(cache.size(), 1u);
}

namespace {

/// A card (plain, no secure messaging) whose READ BINARY refuses any Le above 160 with 6700, as
/// the Spanish ID card of field case BL-24 does with 256.
class Le160Card : public transport::CardChannel {
public:
    explicit Le160Card(Bytes file) : m_file(std::move(file)) {}

    [[nodiscard]] Bytes transmit(ByteView apdu) override {
        if (apdu[1] == 0xA4) {
            return {0x90, 0x00};
        }
        std::size_t offset = static_cast<std::size_t>(apdu[2] << 8 | apdu[3]);
        std::size_t le = apdu[4] == 0 ? 256 : apdu[4];
        if (le > 160) {
            ++refused;
            return {0x67, 0x00};
        }
        std::size_t end = std::min(m_file.size(), offset + le);
        Bytes out(m_file.begin() + static_cast<std::ptrdiff_t>(offset),
                  m_file.begin() + static_cast<std::ptrdiff_t>(end));
        bool endsEarly = end - offset < le; // 6282: end of file before Le bytes
        out.push_back(static_cast<std::uint8_t>(endsEarly ? 0x62 : 0x90));
        out.push_back(static_cast<std::uint8_t>(endsEarly ? 0x82 : 0x00));
        return out;
    }

    [[nodiscard]] Bytes atr() const override { return {0x3B, 0x00}; }

    [[nodiscard]] transport::ChannelCapabilities capabilities() const override { return {}; }

    std::size_t refused = 0;

private:
    Bytes m_file;
};

Bytes fileOfSize(std::size_t total) {
    Bytes file{0x75, 0x82, static_cast<std::uint8_t>((total - 4) >> 8),
               static_cast<std::uint8_t>((total - 4) & 0xFF)};
    while (file.size() < total) {
        file.push_back(static_cast<std::uint8_t>(file.size()));
    }
    return file;
}

} // namespace

// BL-24: Le steps down to 160 once; the learned length starts the next read there.
TEST(LimitedReaderTest, LearnedReadLengthStartsTheNextRead) {
    Bytes file = fileOfSize(1000);
    reader::CardCapabilities learned;
    Le160Card card(file);
    reader::FileReader first(card, false, {}, nullptr, &learned);
    EXPECT_EQ(first.read(0x0101, "DG1").content, file);
    EXPECT_GE(card.refused, 1u);
    EXPECT_EQ(learned.maxReadLength, 160u);

    Le160Card again(file);
    reader::FileReader second(again, false, {}, nullptr, &learned);
    EXPECT_EQ(second.read(0x0101, "DG1").content, file);
    EXPECT_EQ(again.refused, 0u);
}
