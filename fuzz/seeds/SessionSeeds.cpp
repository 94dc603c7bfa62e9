#include "SessionSeeds.h"

#include <memory>

#include "../harness/HostileCard.h"
#include "../harness/SecureMessagingResponse.h"
#include "base/Error.h"
#include "emulator/card/CardProfile.h"
#include "emulator/card/EmulatedCard.h"
#include "emulator/card/SecureMessagingSession.h"
#include "emulator/channel/EmulatorChannel.h"
#include "reader/CardReader.h"

namespace cccd::fuzz {

namespace {

namespace fs = std::filesystem;

// Forwards to the emulated card and keeps every response; shows the reader the ATR and
// capabilities the hostile card harness shows.
class RecordingChannel : public transport::CardChannel {
public:
    RecordingChannel(emulator::EmulatorChannel& card, std::uint8_t flags)
        : m_card(card), m_flags(flags) {}

    Bytes transmit(ByteView command) override {
        Bytes response = m_card.transmit(command);
        m_responses.push_back(response);
        return response;
    }

    Bytes atr() const override { return hostileCardAtr(); }

    transport::ChannelCapabilities capabilities() const override {
        return hostileCardCapabilities(m_flags);
    }

    [[nodiscard]] const std::vector<Bytes>& responses() const { return m_responses; }

private:
    emulator::EmulatorChannel& m_card;
    std::uint8_t m_flags;
    std::vector<Bytes> m_responses;
};

crypto::RandomSource cardRandom() {
    auto state = std::make_shared<std::uint32_t>(0xCA4D);
    return [state](std::size_t size) {
        Bytes out(size);
        for (std::uint8_t& b : out) {
            *state = *state * 22695477u + 1u;
            b = static_cast<std::uint8_t>(*state >> 16);
        }
        return out;
    };
}

std::optional<Bytes> recordSession(emulator::CardProfile profile, std::uint8_t flags) {
    reader::AccessKey key = hostileCardKey();
    profile.can = key.can;
    if (!profile.mrzInformation.empty()) {
        profile.mrzInformation = key.mrz->mrzInformationBytes();
    }
    profile.extendedLength = (flags & HostileCardExtendedLength) != 0;
    emulator::EmulatorChannel card(
        std::make_shared<emulator::EmulatedCard>(std::move(profile), cardRandom()));
    RecordingChannel recorder(card, flags);
    try {
        (void)reader::readCard(recorder, key, hostileCardOptions(flags));
    } catch (const Error&) {
        return std::nullopt; // a session the reader refuses is no better a seed than noise
    }
    for (const Bytes& response : recorder.responses()) {
        if (response.size() > 0xFFFF) {
            return std::nullopt;
        }
    }
    return encodeHostileCardSession(flags, recorder.responses());
}

emulator::SessionKeys emulatorKeys(sm::SmCipher cipher) {
    sm::SessionKeys keys = fuzzSessionKeys(cipher);
    return emulator::SessionKeys{cipher == sm::SmCipher::Aes ? emulator::SmCipher::Aes
                                                             : emulator::SmCipher::Tdes,
                                 keys.ksEnc, keys.ksMac, keys.ssc};
}

} // namespace

void addSecureMessagingSeeds(SeedCorpus& corpus) {
    struct Case {
        const char* name;
        Bytes data;
        std::uint16_t sw;
    };

    const std::vector<Case> cases{
        {"sw-only", {}, 0x9000},
        {"warning", {}, 0x6282},
        {"short-data", Bytes{0x61, 0x05, 0x5F, 0x1F, 0x02, 0x49, 0x44}, 0x9000},
        {"one-block", Bytes(16, 0x3C), 0x9000},
        {"read-binary", Bytes(223, 0x5A), 0x9000},
    };
    for (sm::SmCipher cipher : {sm::SmCipher::Tdes, sm::SmCipher::Aes}) {
        const char* harness = cipher == sm::SmCipher::Aes ? "sm-aes" : "sm-tdes";
        for (const Case& c : cases) {
            emulator::SecureMessagingSession card(emulatorKeys(cipher));
            Bytes response = card.wrapResponse(c.data, c.sw);
            for (int flag : {0, 1}) {
                Bytes input = response;
                input.insert(input.begin(), static_cast<std::uint8_t>(flag));
                corpus[harness].push_back(
                    {std::string(c.name) + "-flag" + std::to_string(flag), std::move(input)});
            }
        }
    }
}

void addHostileCardSeeds(SeedCorpus& corpus, const fs::path& profilesDir) {
    struct Session {
        const char* profile;
        std::uint8_t flags;
    };

    const std::vector<Session> sessions{
        {"vn-basic", HostileCardExtendedLength},
        {"vn-basic", 0},
        {"bac-only", HostileCardExtendedLength},
        {"pace-cam-p256", HostileCardExtendedLength},
        {"pace-aes256-ca-3des", 0},
        {"aa-ecdsa", HostileCardExtendedLength},
        {"pace-im-p256", HostileCardExtendedLength},
    };
    for (const Session& s : sessions) {
        fs::path path = profilesDir / (std::string(s.profile) + ".json");
        if (!fs::is_regular_file(path)) {
            continue;
        }
        if (std::optional<Bytes> seed = recordSession(emulator::loadProfile(path), s.flags)) {
            corpus["hostile-card"].push_back(
                {std::string("session-") + s.profile + "-flags" + std::to_string(s.flags),
                 std::move(*seed)});
        }
    }
    // Not a session: the card answers nothing useful from the first command on.
    corpus["hostile-card"].push_back({"mute-card", Bytes{0x00, 0x00, 0x02, 0x6F, 0x00}});
}

} // namespace cccd::fuzz
