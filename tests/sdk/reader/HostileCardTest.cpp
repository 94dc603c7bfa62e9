// FileReader over secure messaging against a card that answers whatever the test wants, with
// valid MACs (the card side of secure messaging is the emulator's): lengths that lie, endless
// status words, replays and unprotected answers. Each must end in a typed Error after a bounded
// number of commands, never in a hang, a crash or wrong data.
#include <functional>

#include <gtest/gtest.h>

#include "base/Error.h"
#include "emulator/card/CommandApdu.h"
#include "emulator/card/SecureMessagingSession.h"
#include "reader/FileReader.h"
#include "sm/SecureMessagingChannel.h"
#include "tlv/Tlv.h"

using namespace cccd;

namespace {

const Bytes KsEnc(16, 0x11);
const Bytes KsMac(16, 0x22);

struct Answer {
    enum class Mode { Wrap, Plain, ReplayPrevious } mode = Mode::Wrap;
    Bytes data;
    std::uint16_t sw = 0x9000;
};

// The plain READ BINARY (offset, Ne) the card receives, and the answer it gives. For the odd INS
// B1 the card takes the offset from DO'54', gives the script the bytes Ne leaves beside the
// DO'53' header, and wraps the script's bytes in DO'53' (ISO/IEC 7816-4 §11.2.3).
using Script = std::function<Answer(std::size_t offset, std::size_t ne)>;

std::size_t oddOffset(ByteView data) {
    std::size_t offset = 0;
    for (std::uint8_t b : tlv::parse(data, 0x54).value) {
        offset = offset << 8 | b;
    }
    return offset;
}

std::size_t oddPayload(std::size_t ne) {
    std::size_t payload = ne - 2;
    while (payload + 1 + tlv::encodeLength(payload).size() > ne) {
        --payload;
    }
    return payload;
}

class HostileCard : public transport::CardChannel {
public:
    explicit HostileCard(Script script)
        : m_script(std::move(script)),
          m_session(emulator::SessionKeys{emulator::SmCipher::Tdes, SecureBytes(KsEnc),
                                          SecureBytes(KsMac), Bytes(8, 0)}) {}

    Bytes transmit(ByteView raw) override {
        ++m_commands;
        if (m_commands > 100000) {
            ADD_FAILURE() << "the reader does not stop";
            throw Error(ErrorCode::Transport, "test card gives up");
        }
        auto outer = emulator::parseCommandApdu(raw);
        auto unwrapped = m_session.unwrapCommand(*outer);
        if (const auto* refused = std::get_if<emulator::StatusWord>(&unwrapped)) {
            return emulator::responseApdu({}, static_cast<std::uint16_t>(*refused));
        }
        const auto& plain = std::get<emulator::CommandApdu>(unwrapped);
        if (plain.ins == 0xA4) {
            return remember(m_session.wrapResponse({}, 0x9000));
        }
        bool odd = plain.ins == 0xB1;
        ++(odd ? m_oddReads : m_evenReads);
        Answer answer = odd ? m_script(oddOffset(plain.data), oddPayload(plain.ne.value_or(0)))
                            : m_script(std::size_t(plain.p1) << 8 | plain.p2, plain.ne.value_or(0));
        if (odd && !answer.data.empty()) {
            answer.data = tlv::encode(0x53, answer.data);
        }
        switch (answer.mode) {
        case Answer::Mode::Wrap:
            return remember(m_session.wrapResponse(answer.data, answer.sw, {}, odd));
        case Answer::Mode::Plain:
            return emulator::responseApdu(answer.data, answer.sw);
        case Answer::Mode::ReplayPrevious:
            return m_previous;
        }
        return {};
    }

    Bytes atr() const override { return {0x3B, 0x80, 0x80, 0x01, 0x01}; }

    transport::ChannelCapabilities capabilities() const override { return {}; }

    [[nodiscard]] int commands() const { return m_commands; }

    [[nodiscard]] int evenReads() const { return m_evenReads; }

    [[nodiscard]] int oddReads() const { return m_oddReads; }

private:
    Bytes remember(Bytes response) {
        m_previous = response;
        return response;
    }

    Script m_script;
    emulator::SecureMessagingSession m_session;
    Bytes m_previous;
    int m_commands = 0;
    int m_evenReads = 0;
    int m_oddReads = 0;
};

struct Outcome {
    std::optional<Error> error;
    Bytes content;
    int commands = 0;
    int evenReads = 0;
    int oddReads = 0;
};

Outcome readDg1(Script script) {
    HostileCard card(std::move(script));
    sm::SecureMessagingChannel secure(card, sm::SessionKeys{sm::SmCipher::Tdes, SecureBytes(KsEnc),
                                                            SecureBytes(KsMac), Bytes(8, 0)});
    reader::FileReader files(secure, false, nullptr, nullptr);
    Outcome out;
    try {
        out.content = files.read(0x0101, "DG1").content;
    } catch (const Error& e) {
        out.error = e;
    }
    out.commands = card.commands();
    out.evenReads = card.evenReads();
    out.oddReads = card.oddReads();
    return out;
}

// A file of `size` bytes whose header claims `claimed` value bytes (4-byte length field).
Bytes fileClaiming(std::size_t claimed, std::size_t size) {
    Bytes file{0x61,
               0x84,
               static_cast<std::uint8_t>(claimed >> 24),
               static_cast<std::uint8_t>(claimed >> 16),
               static_cast<std::uint8_t>(claimed >> 8),
               static_cast<std::uint8_t>(claimed)};
    file.resize(size, 0x3C);
    return file;
}

Answer serve(const Bytes& file, std::size_t offset, std::size_t ne) {
    if (offset >= file.size()) {
        return {Answer::Mode::Wrap, {}, 0x6B00};
    }
    std::size_t n = std::min(ne, file.size() - offset);
    return {Answer::Mode::Wrap,
            Bytes(file.begin() + static_cast<std::ptrdiff_t>(offset),
                  file.begin() + static_cast<std::ptrdiff_t>(offset + n)),
            0x9000};
}

} // namespace

TEST(HostileCardTest, HeaderClaiming2GiBIsRefusedBeforeReadingOn) {
    Bytes file = fileClaiming(0x7FFFFFF0, 40000);
    Outcome out =
        readDg1([&](std::size_t offset, std::size_t ne) { return serve(file, offset, ne); });
    ASSERT_TRUE(out.error);
    EXPECT_EQ(out.error->code(), ErrorCode::NotSupported) << out.error->what();
    EXPECT_LE(out.commands, 3);
}

// Past offset 32,767 the even INS cannot say where to read: the odd INS B1 carries the offset.
TEST(HostileCardTest, FileLargerThan32KilobytesIsReadOnWithTheOddIns) {
    Bytes file = fileClaiming(40000 - 6, 40000);
    Outcome out =
        readDg1([&](std::size_t offset, std::size_t ne) { return serve(file, offset, ne); });
    ASSERT_FALSE(out.error) << out.error->what();
    EXPECT_EQ(out.content, file);
    EXPECT_GT(out.oddReads, 0);
    EXPECT_EQ(out.evenReads + out.oddReads, out.commands - 1); // and one SELECT
}

// A header that claims a megabyte the card does not have: the read ends at the card's end of
// file with a typed error after a bounded number of commands.
TEST(HostileCardTest, HeaderClaimingAMegabyteEndsAtTheCardsEndOfFile) {
    Bytes file = fileClaiming(1000000, 40000);
    Outcome out =
        readDg1([&](std::size_t offset, std::size_t ne) { return serve(file, offset, ne); });
    ASSERT_TRUE(out.error);
    EXPECT_TRUE(out.error->code() == ErrorCode::CardStatus ||
                out.error->code() == ErrorCode::MalformedData)
        << out.error->what();
    EXPECT_LT(out.commands, 400);
}

TEST(HostileCardTest, OneByteAtATimeStillGivesTheRightFile) {
    Bytes file = fileClaiming(60, 66);
    Outcome out = readDg1([&](std::size_t offset, std::size_t ne) {
        return serve(file, offset, std::min<std::size_t>(ne, offset == 0 ? 8 : 1));
    });
    ASSERT_FALSE(out.error) << out.error->what();
    EXPECT_EQ(out.content, file);
}

TEST(HostileCardTest, MoreBytesThanAskedIsMalformed) {
    Bytes file = fileClaiming(600, 606);
    Outcome out = readDg1([&](std::size_t offset, std::size_t ne) {
        Answer a = serve(file, offset, ne);
        a.data.push_back(0x00);
        return a;
    });
    ASSERT_TRUE(out.error);
    EXPECT_EQ(out.error->code(), ErrorCode::MalformedData) << out.error->what();
}

TEST(HostileCardTest, Endless61XXUnderSecureMessagingIsBounded) {
    // The status word in clear repeats DO99, so the 61XX is seen outside the protection first.
    Outcome out = readDg1([](std::size_t, std::size_t) { return Answer{{}, {}, 0x6110}; });
    ASSERT_TRUE(out.error);
    EXPECT_TRUE(out.error->code() == ErrorCode::CardStatus ||
                out.error->code() == ErrorCode::SecureMessaging)
        << out.error->what();
    EXPECT_LT(out.commands, 1000);
}

TEST(HostileCardTest, Endless6282WithoutDataIsMalformed) {
    Bytes file = fileClaiming(600, 606);
    Outcome out = readDg1([&](std::size_t offset, std::size_t ne) {
        if (offset == 0) {
            return serve(file, offset, ne);
        }
        return Answer{{}, {}, 0x6282};
    });
    ASSERT_TRUE(out.error);
    EXPECT_EQ(out.error->code(), ErrorCode::MalformedData) << out.error->what();
    EXPECT_LT(out.commands, 10);
}

TEST(HostileCardTest, ReplayedResponseFailsTheMac) {
    Bytes file = fileClaiming(600, 606);
    Outcome out = readDg1([&](std::size_t offset, std::size_t ne) {
        if (offset == 0) {
            return serve(file, offset, ne);
        }
        return Answer{Answer::Mode::ReplayPrevious, {}, 0};
    });
    ASSERT_TRUE(out.error);
    EXPECT_EQ(out.error->code(), ErrorCode::SecureMessaging) << out.error->what();
}

TEST(HostileCardTest, SuccessWithoutMacIsRefused) {
    Bytes file = fileClaiming(20, 26);
    Outcome out = readDg1([&](std::size_t offset, std::size_t ne) {
        Answer a = serve(file, offset, ne);
        a.mode = Answer::Mode::Plain;
        return a;
    });
    ASSERT_TRUE(out.error);
    EXPECT_EQ(out.error->code(), ErrorCode::SecureMessaging) << out.error->what();
}

TEST(HostileCardTest, EmptyResponseIsMalformed) {
    Outcome out = readDg1([](std::size_t, std::size_t) {
        return Answer{Answer::Mode::Plain, {}, 0};
    });
    ASSERT_TRUE(out.error);
    // Two bytes of "status word" are needed; an empty answer has none.
    EXPECT_NE(out.error->code(), ErrorCode::Cancelled) << out.error->what();
}

namespace {

// A card whose buffer holds at most `limit` bytes and answers 6700 to any larger Le.
Outcome readWithLeLimit(const Bytes& file, std::size_t limit, std::vector<std::size_t>& asked) {
    return readDg1([&](std::size_t offset, std::size_t ne) {
        asked.push_back(ne);
        if (ne > limit) {
            return Answer{Answer::Mode::Wrap, {}, 0x6700};
        }
        return serve(file, offset, ne);
    });
}

} // namespace

TEST(HostileCardTest, CardRefusingLongLeIsReadWithSmallerReads) {
    Bytes file = fileClaiming(1000, 1006);
    std::vector<std::size_t> asked;
    Outcome out = readWithLeLimit(file, 160, asked);
    ASSERT_FALSE(out.error) << out.error->what();
    EXPECT_EQ(out.content, file);
    // 231 and 224, 192 refused; 160 works and is kept for every later read.
    ASSERT_GE(asked.size(), 4u);
    EXPECT_EQ(std::vector<std::size_t>(asked.begin(), asked.begin() + 4),
              (std::vector<std::size_t>{231, 224, 192, 160}));
    for (std::size_t i = 4; i < asked.size(); ++i) {
        EXPECT_LE(asked[i], 160u);
    }
}

TEST(HostileCardTest, CardRefusingEveryLeIsACardStatusError) {
    std::vector<std::size_t> asked;
    Outcome out = readWithLeLimit(fileClaiming(100, 106), 0, asked);
    ASSERT_TRUE(out.error);
    EXPECT_EQ(out.error->code(), ErrorCode::CardStatus);
    EXPECT_EQ(out.error->statusWord(), 0x6700);
    EXPECT_LT(out.commands, 12);
}

TEST(HostileCardTest, WrongLeAtTheFirstReadIsAskedAgainExactly) {
    Bytes file = fileClaiming(100, 106);
    std::vector<std::size_t> asked;
    Outcome out = readDg1([&](std::size_t offset, std::size_t ne) {
        asked.push_back(ne);
        if (ne != file.size() - offset) {
            return Answer{Answer::Mode::Wrap, {}, static_cast<std::uint16_t>(0x6C00 | 106)};
        }
        return serve(file, offset, ne);
    });
    ASSERT_FALSE(out.error) << out.error->what();
    EXPECT_EQ(out.content, file);
    EXPECT_EQ(asked, (std::vector<std::size_t>{231, 106}));
}

namespace {

// FileReader::resume on a new secure messaging session, as after the card came back.
Outcome resumeDg1(Script script, Bytes& content) {
    HostileCard card(std::move(script));
    sm::SecureMessagingChannel secure(card, sm::SessionKeys{sm::SmCipher::Tdes, SecureBytes(KsEnc),
                                                            SecureBytes(KsMac), Bytes(8, 0)});
    reader::FileReader files(secure, false, nullptr, nullptr);
    Outcome out;
    try {
        out.content = files.resume(0x0101, "DG1", content).content;
    } catch (const Error& e) {
        out.error = e;
    }
    out.commands = card.commands();
    return out;
}

} // namespace

// The card leaves in the middle of a file: the bytes that came in stay with the caller, and the
// next session asks only for the rest.
TEST(HostileCardTest, ResumeAsksOnlyForTheBytesTheLastSessionLacked) {
    Bytes file = fileClaiming(1000, 1006);
    Bytes content;
    Outcome cut = resumeDg1(
        [&](std::size_t offset, std::size_t ne) {
            if (offset >= 400) {
                throw Error(ErrorCode::CardRemoved, "the card left");
            }
            return serve(file, offset, ne);
        },
        content);
    ASSERT_TRUE(cut.error);
    EXPECT_EQ(cut.error->code(), ErrorCode::CardRemoved);
    ASSERT_GE(content.size(), 400u);
    ASSERT_LT(content.size(), file.size());
    EXPECT_EQ(content,
              Bytes(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(content.size())));

    const std::size_t resumedAt = content.size();
    std::vector<std::size_t> offsets;
    Outcome rest = resumeDg1(
        [&](std::size_t offset, std::size_t ne) {
            offsets.push_back(offset);
            return serve(file, offset, ne);
        },
        content);
    ASSERT_FALSE(rest.error) << rest.error->what();
    EXPECT_EQ(rest.content, file);
    EXPECT_TRUE(content.empty()) << "the whole file moved to the result";
    ASSERT_FALSE(offsets.empty());
    EXPECT_EQ(offsets.front(), resumedAt);
    EXPECT_EQ(offsets.size(), (file.size() - resumedAt + 230) / 231);
}
