#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "emulator/channel/EmulatorChannel.h"
#include "kiosk/core/CardService.h"
#include "verify/TrustStore.h"

namespace cccd::kiosk {

/// The card service of the demo and the GUI test: an emulated card (a build-time profile) read
/// in process on a worker thread, as PcscCardService reads a real one. present() and remove()
/// put the card on the reader and take it off.
class EmulatedCardService : public CardService {
public:
    /// The profile `<profilesDir>/<persona>.json`, trusting `<profilesDir>/csca.pem`; `link`
    /// adds the contactless link's time, slept (LinkModel::contactless(): 424 kbit/s). Throws Error
    /// when the profile cannot be loaded.
    EmulatedCardService(const std::filesystem::path& profilesDir, const std::string& persona,
                        emulator::LinkModel link = emulator::LinkModel::off());
    ~EmulatedCardService() override;
    EmulatedCardService(const EmulatedCardService&) = delete;
    EmulatedCardService& operator=(const EmulatedCardService&) = delete;

    void setSink(CardEventSink sink) override;
    void start() override;
    void read(const reader::AccessKey& key) override;
    void cancelRead() override;

    /// The card is put on the reader (again).
    void present();
    /// The card is taken off the reader; a read in progress stops.
    void remove();
    /// The reader is unplugged (with the card on it); present() plugs it back with the card.
    void unplug();

private:
    void run();
    void report(CardEvent event);

    std::shared_ptr<emulator::EmulatedCard> m_card;
    emulator::EmulatorChannel m_channel;
    verify::TrustStore m_trustStore;
    CardEventSink m_sink;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<reader::AccessKey> m_request;
    bool m_stop = false;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_present{false};
};

} // namespace cccd::kiosk
