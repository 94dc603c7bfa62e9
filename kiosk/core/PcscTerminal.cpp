#include "kiosk/core/CardTerminal.h"
#include "pcsc/PcscChannel.h"
#include "pcsc/PcscContext.h"

namespace cccd::kiosk {

namespace {

class PcscTerminal : public CardTerminal {
public:
    explicit PcscTerminal(std::optional<std::string> readerName)
        : m_readerName(std::move(readerName)) {}

    std::string waitForCard(std::chrono::milliseconds timeout,
                            const std::atomic<bool>& stop) override {
        return m_context.waitForCard(m_readerName, timeout, false, &stop);
    }

    bool waitForRemoval(const std::string& reader, std::chrono::milliseconds timeout) override {
        return m_context.waitForRemoval(reader, timeout);
    }

    std::unique_ptr<transport::CardChannel> connect(const std::string& reader) override {
        return m_context.connect(reader);
    }

private:
    pcsc::PcscContext m_context;
    std::optional<std::string> m_readerName;
};

} // namespace

std::unique_ptr<CardTerminal> openPcscTerminal(std::optional<std::string> readerName) {
    return std::make_unique<PcscTerminal>(std::move(readerName));
}

} // namespace cccd::kiosk
