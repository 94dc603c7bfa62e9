#include "emulator/vpcd/VpcdSession.h"

#include <string>

#include "base/Error.h"
#include "base/Log.h"

namespace cccd::emulator {

namespace {

constexpr std::string_view LogCategory = "emulator.vpcd";

} // namespace

VpcdReply handleVpcdMessage(CardSlot& slot, ByteView message) {
    VpcdReply reply;
    if (message.empty()) {
        return reply;
    }
    bool present = slot.withCard([&](EmulatedCard& card) {
        if (message.size() == 1) {
            switch (static_cast<VpcdControl>(message[0])) {
            case VpcdControl::PowerOff:
            case VpcdControl::PowerOn:
            case VpcdControl::Reset:
                card.reset();
                return;
            case VpcdControl::GetAtr:
                reply.payload = card.atr();
                return;
            }
            log(LogLevel::Warning, LogCategory,
                "unknown vpcd control " + std::to_string(message[0]) + " ignored");
            return;
        }
        reply.commandBytes = message.size();
        try {
            reply.payload = card.transmit(message);
        } catch (const Error& e) {
            if (e.code() != ErrorCode::CardRemoved) {
                throw;
            }
            reply.cardGone = true;
        }
    });
    if (!present) {
        reply.cardGone = true;
    }
    return reply;
}

} // namespace cccd::emulator
