#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "emulator/card/EmulatedCard.h"
#include "emulator/card/LinkModel.h"
#include "transport/CardChannel.h"
#include "transport/ReaderLimits.h"
#include "transport/TransmitWorker.h"

namespace cccd::emulator {

/// The reader in front of the in-process card, as limited as real ones are.
struct EmulatedReader {
    /// How the reader refuses an extended APDU when it passes short ones only.
    enum class Refusal {
        /// The driver fails the exchange and nothing reaches the card: libccid answers a command
        /// longer than a short-APDU reader's message with IFD_COMMUNICATION_ERROR, which pcscd
        /// returns as SCARD_E_NOT_TRANSACTED (Error(Transport) here).
        LinkError,
        /// The reader's firmware answers 6700 (wrong length) itself, as readers that check
        /// the APDU before they pass it on do.
        WrongLength,
    };

    std::string name = "Emulated reader";
    /// Short APDUs only, and the largest response APDU (data and SW1 SW2) it delivers. A longer
    /// answer fails the exchange after the card sent it (libccid: IFD_ERROR_INSUFFICIENT_BUFFER,
    /// SCARD_E_INSUFFICIENT_BUFFER from pcscd): Error(Transport), the card's state moved on.
    transport::ReaderLimits limits;
    /// The reader reports its limits in capabilities() (as a CCID reader's SCARD_ATTR_MAXINPUT
    /// does); false: it says nothing (as vpcd and many contactless readers), the SDK finds out.
    bool reportsLimits = true;
    Refusal refusal = Refusal::LinkError;
    /// How long the reader waits for the card's answer before it gives up with Error(Timeout)
    /// and cuts the card's power; nullopt: as long as the card takes.
    std::optional<std::chrono::milliseconds> responseTimeout;
};

/// A CardChannel straight into an emulated card in the same process: the terminal side can be
/// tested without pcscd. Capabilities follow the card profile and the reader's limits. The link
/// model's cost is added up, and slept when `sleep` is set (benchmarks that want wall-clock
/// realism). With a cancel flag watched or a response timeout, each exchange runs on a worker
/// thread as PcscChannel's do; giving up on one cuts the card's power, so a slow card (a delay
/// fault) stops at once and the next command finds it freshly powered.
class EmulatorChannel : public transport::CardChannel {
public:
    explicit EmulatorChannel(std::shared_ptr<EmulatedCard> card, LinkModel link = LinkModel::off(),
                             bool sleep = false, EmulatedReader reader = {});

    /// Errors: Error(CardRemoved) when the card has left (a removal fault); the reader's refusals
    /// (EmulatedReader); Error(Cancelled) and Error(Timeout).
    [[nodiscard]] Bytes transmit(ByteView commandApdu) override;

    [[nodiscard]] Bytes atr() const override;

    [[nodiscard]] transport::ChannelCapabilities capabilities() const override;

    [[nodiscard]] std::string readerName() const override { return m_reader.name; }

    void watchCancel(const std::atomic<bool>* flag) override { m_cancel = flag; }

    /// The link time of every exchange so far, as the model computes it.
    [[nodiscard]] std::chrono::microseconds simulatedTime() const { return m_simulatedTime; }

    [[nodiscard]] EmulatedCard& card() { return *m_card; }

    [[nodiscard]] const EmulatedReader& reader() const { return m_reader; }

private:
    [[nodiscard]] Bytes exchange(ByteView commandApdu);

    std::shared_ptr<EmulatedCard> m_card;
    LinkModel m_link;
    bool m_sleep;
    EmulatedReader m_reader;
    const std::atomic<bool>* m_cancel = nullptr;
    std::chrono::microseconds m_simulatedTime{0};
    std::unique_ptr<transport::TransmitWorker> m_worker; ///< made for the first exchange on it
};

} // namespace cccd::emulator
