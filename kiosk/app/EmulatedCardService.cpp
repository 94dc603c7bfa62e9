#include "kiosk/app/EmulatedCardService.h"

#include "emulator/card/CardProfile.h"
#include "reader/CardReader.h"
#include "reader/Document.h"

namespace cccd::kiosk {

namespace {

verify::TrustStore trustOf(const std::filesystem::path& profilesDir) {
    verify::TrustStore store;
    store.addFile(profilesDir / "csca.pem");
    return store;
}

} // namespace

EmulatedCardService::EmulatedCardService(const std::filesystem::path& profilesDir,
                                         const std::string& persona, emulator::LinkModel link)
    : m_card(std::make_shared<emulator::EmulatedCard>(
          emulator::loadProfile(profilesDir / (persona + ".json")))),
      m_channel(m_card, link, /*sleep=*/link.enabled), m_trustStore(trustOf(profilesDir)) {}

EmulatedCardService::~EmulatedCardService() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cancel = true;
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void EmulatedCardService::setSink(CardEventSink sink) {
    m_sink = std::move(sink);
}

void EmulatedCardService::start() {
    if (!m_thread.joinable()) {
        m_thread = std::thread([this] { run(); });
    }
}

void EmulatedCardService::read(const reader::AccessKey& key) {
    {
        std::lock_guard lock(m_mutex);
        m_request = key;
    }
    m_cancel = false;
    m_wake.notify_all();
}

void EmulatedCardService::cancelRead() {
    m_cancel = true;
}

void EmulatedCardService::present() {
    m_present = true;
    report(CardPresent{"emulated"});
}

void EmulatedCardService::remove() {
    m_present = false;
    m_cancel = true;
    report(CardRemoved{});
}

void EmulatedCardService::unplug() {
    m_present = false;
    m_cancel = true;
    report(ReaderUnplugged{});
}

void EmulatedCardService::report(CardEvent event) {
    if (m_sink) {
        m_sink(std::move(event));
    }
}

void EmulatedCardService::run() {
    for (;;) {
        std::optional<reader::AccessKey> key;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || m_request.has_value(); });
            if (m_stop) {
                return;
            }
            key.swap(m_request);
            m_request.reset();
        }
        if (!m_present) {
            report(ReadFailed{ErrorCode::CardRemoved});
            continue;
        }
        m_card->reset();
        reader::ReadOptions options;
        options.cancel = &m_cancel;
        options.onProgress = [this](const reader::ReadProgress& p) { report(ReadProgressed{p}); };
        try {
            reader::CardReadout readout = reader::readCard(m_channel, *key, options);
            report(ReadDone{std::make_shared<reader::Document>(
                reader::interpret(std::move(readout), m_trustStore))});
        } catch (const Error& e) {
            report(ReadFailed{m_present ? e.code() : ErrorCode::CardRemoved});
        }
    }
}

} // namespace cccd::kiosk
