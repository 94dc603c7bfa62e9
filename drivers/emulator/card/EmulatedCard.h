#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "base/Bytes.h"
#include "crypto/Random.h"
#include "emulator/card/ActiveAuthenticationResponder.h"
#include "emulator/card/BacResponder.h"
#include "emulator/card/CardProfile.h"
#include "emulator/card/ChipAuthenticationResponder.h"
#include "emulator/card/CommandApdu.h"
#include "emulator/card/FaultPlan.h"
#include "emulator/card/FileCommands.h"
#include "emulator/card/FileSystem.h"
#include "emulator/card/PaceResponder.h"
#include "emulator/card/SecureMessagingSession.h"
#include "emulator/card/SessionKeys.h"

namespace cccd::emulator {

/// Counters for benchmarks and tests; no content.
struct CardStatistics {
    std::size_t commands = 0;
    std::size_t commandBytes = 0;
    std::size_t responseBytes = 0;
};

/// A complete eMRTD chip (ICAO 9303-10/-11) built from a card profile: the file system with the
/// eMRTD application, BAC and PACE, 3DES and AES secure messaging, READ BINARY with short and
/// extended lengths, and the profile's quirks. It answers raw command APDUs with raw response
/// APDUs, so that any link (in-process channel, vpcd) can carry it. Not thread-safe: one caller
/// at a time.
class EmulatedCard {
public:
    /// random: RND.IC and K.IC of BAC, the nonce and private keys of PACE (in the order
    /// PaceResponder documents) come from it, so tests can replay the ICAO worked examples.
    /// Throws Error(InvalidArgument) or Error(NotSupported) for PACE options the card cannot
    /// serve, and Error(InvalidArgument) for a profile fault that does not parse or names no
    /// file byte.
    explicit EmulatedCard(CardProfile profile,
                          crypto::RandomSource random = crypto::systemRandom());

    [[nodiscard]] const Bytes& atr() const { return m_profile.atr; }

    [[nodiscard]] const CardProfile& profile() const { return m_profile; }

    /// Power off, power on and warm reset all end any session and reselect the MF.
    void reset();

    /// One command APDU in, one response APDU out. Throws Error(CardRemoved) once a removal
    /// fault (FaultPlan::removal, or a `remove` command fault) has fired: the card is gone, and
    /// the command that met the removal unanswered, until insert().
    [[nodiscard]] Bytes transmit(ByteView commandApdu);

    [[nodiscard]] bool removed() const { return m_removed; }

    /// Puts a removed card back on the reader (a fresh power-up).
    void insert();

    /// The reader switches the field off and on again, e.g. after it gave up waiting for an
    /// answer: a command in progress (a delay fault) ends at once without an answer, and the
    /// card starts its next command as after power-up (no session, MF selected). The only member
    /// that may be called from another thread while transmit runs.
    void cutPower();

    [[nodiscard]] bool secureMessagingActive() const { return m_session.has_value(); }

    /// The cipher of the current secure messaging session, if any.
    [[nodiscard]] std::optional<SmCipher> secureMessagingCipher() const;

    [[nodiscard]] FaultPlan& faults() { return m_faults; }

    /// The selected EF, named by the current DF and its FID.
    struct SelectedFile {
        FileSystem::Df df = FileSystem::Df::Master;
        std::uint16_t fid = 0;
    };

    /// nullopt when no EF is selected. Lets a test tell which file a READ BINARY under secure
    /// messaging reads, when it cannot decrypt the SELECT before it.
    [[nodiscard]] std::optional<SelectedFile> selectedFile() const;

    /// Arms a per-command fault (FaultPlan::commands); a file fault (TlvLength, OversizeLength)
    /// changes the file at once, for as long as the card lives. Throws Error(InvalidArgument)
    /// when that file or offset does not exist.
    void arm(CommandFault fault);

    /// Flips bits of one byte of a file: the file no longer matches its hash in EF.SOD.
    /// Throws Error(InvalidArgument) when the file or offset does not exist.
    void corruptFile(std::uint16_t fid, std::size_t offset, std::uint8_t xorMask = 0x01);

    [[nodiscard]] const CardStatistics& statistics() const { return m_statistics; }

private:
    /// Which protocol the last MSE:Set AT gave GENERAL AUTHENTICATE to.
    enum class Authentication { None, Pace, ChipAuthentication };

    [[nodiscard]] CardResponse execute(const CommandApdu& command, bool secureMessaging);
    [[nodiscard]] CardResponse getChallenge(const CommandApdu& command);
    [[nodiscard]] CardResponse externalAuthenticate(const CommandApdu& command,
                                                    bool secureMessaging);
    [[nodiscard]] CardResponse manageSecurityEnvironment(const CommandApdu& command,
                                                         bool secureMessaging);
    [[nodiscard]] CardResponse generalAuthenticate(const CommandApdu& command,
                                                   bool secureMessaging);
    [[nodiscard]] CardResponse paceStep(const CommandApdu& command);
    [[nodiscard]] CardResponse chipAuthentication(const CommandApdu& command, bool secureMessaging);
    [[nodiscard]] std::optional<std::size_t> chipAuthenticationKeyFor(ByteView mseData) const;
    [[nodiscard]] CardResponse activeAuthentication(const CommandApdu& command,
                                                    bool secureMessaging);
    [[nodiscard]] Bytes answer(ByteView commandApdu);
    [[nodiscard]] Bytes answerProtected(const CommandApdu& outer);
    /// The first pending fault whose trigger matches; a one-shot fault leaves the plan.
    [[nodiscard]] std::optional<CommandFault> takeFault(const CommandApdu& command);
    [[nodiscard]] std::optional<std::uint16_t> commandFid(const CommandApdu& command) const;
    /// Delay, and Extend's larger Le for READ BINARY: what happens before the command runs.
    /// False when the power was cut during the delay: the command is lost.
    [[nodiscard]] bool beforeExecute(const std::optional<CommandFault>& fault,
                                     CommandApdu& command);
    /// Resets the card if cutPower() was called since the last check; true if so.
    bool powerWasCut();
    /// Faults of the plain answer, before secure messaging wraps it.
    static void faultAnswer(const std::optional<CommandFault>& fault, const CommandApdu& command,
                            CardResponse& response);
    /// Per-command faults of the protection itself (SSC, MAC, cryptogram, dropped objects).
    static void protectionFaults(const CommandFault& fault, ResponseFaults& faults);
    /// Faults of the response APDU as it leaves the card (truncated, garbage, 61XX chain).
    [[nodiscard]] Bytes faultResponse(const std::optional<CommandFault>& fault, Bytes response);
    [[nodiscard]] Bytes nextChainPiece(std::optional<std::size_t> le);

    CardProfile m_profile;
    crypto::RandomSource m_random;
    FileSystem m_files;
    std::optional<BacResponder> m_bac;
    std::optional<PaceResponder> m_pace;
    /// The Chip Authentication keys: the profile's first key, then the additional ones.
    std::vector<ChipAuthenticationResponder> m_chipAuthentication;
    /// The key the last MSE:Set AT of Chip Authentication chose, for GENERAL AUTHENTICATE.
    std::size_t m_chipAuthenticationKey = 0;
    std::optional<ActiveAuthenticationResponder> m_activeAuthentication;
    Authentication m_authentication = Authentication::None;
    std::optional<SecureMessagingSession> m_session;
    /// Keys a protocol just agreed: the session switches to them once the response that
    /// finished the protocol has gone out (under the old keys, if any).
    std::optional<SessionKeys> m_nextSessionKeys;
    FaultPlan m_faults;
    CardStatistics m_statistics;
    bool m_removed = false;

    /// cutPower()'s signal; behind a pointer so that the card stays movable.
    struct PowerSwitch {
        std::mutex mutex;
        std::condition_variable changed;
        bool cut = false;
    };

    std::unique_ptr<PowerSwitch> m_power = std::make_unique<PowerSwitch>();
    /// Commands since the last reset, the current one included (FaultTrigger::commandNumber).
    std::size_t m_commandNumber = 0;
    /// A response a Chain fault hands out through GET RESPONSE, how much of its data went out,
    /// and the piece size.
    std::optional<Bytes> m_chain;
    std::size_t m_chainSent = 0;
    std::size_t m_chainPiece = 0;
};

} // namespace cccd::emulator
