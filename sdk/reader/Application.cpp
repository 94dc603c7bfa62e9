#include "reader/Application.h"

#include "apdu/Atr.h"
#include "base/Error.h"
#include "base/Log.h"
#include "transport/Send.h"

namespace cccd::reader {

namespace {

// ICAO 9303-10 §2.2: the LDS1 eMRTD application.
const Bytes EmrtdAid{0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01};

apdu::CommandApdu selectApplicationCommand(bool extended) {
    return {0x00, 0xA4, 0x04, 0x0C, EmrtdAid, 0, extended};
}

bool atrDeniesExtendedLength(const transport::CardChannel& channel) {
    try {
        return apdu::parseAtr(channel.atr()).extendedLength == false;
    } catch (const Error&) {
        return false;
    }
}

} // namespace

// Selects the eMRTD application and learns whether extended-length APDUs pass. Few ATRs say
// (ISO/IEC 7816-4 §8.1.1.2.7) and few readers report their buffer size, so in automatic mode
// the SELECT itself is sent in extended form first: a card or reader that refuses it answers
// 6700 or fails the exchange, and the short form follows (ISO/IEC 7816-4 §5.1 allows either).
bool selectApplication(transport::CardChannel& channel, ExtendedLengthMode mode) {
    bool probe = mode == ExtendedLengthMode::Auto && channel.capabilities().extendedLength &&
                 !atrDeniesExtendedLength(channel);
    if (probe) {
        try {
            if (transport::send(channel, selectApplicationCommand(true)).isSuccess()) {
                return true;
            }
        } catch (const Error& e) {
            if (e.code() == ErrorCode::CardRemoved || e.code() == ErrorCode::ReaderUnplugged ||
                e.code() == ErrorCode::Cancelled) {
                throw;
            }
            log(LogLevel::Info, "reader", "extended-length SELECT refused; using short APDUs");
        }
    }
    reselectApplication(channel);
    return mode == ExtendedLengthMode::Always && channel.capabilities().extendedLength;
}

void reselectApplication(transport::CardChannel& channel) {
    apdu::ResponseApdu r = transport::send(channel, selectApplicationCommand(false));
    if (!r.isSuccess()) {
        throw Error(ErrorCode::CardStatus, "the card has no eMRTD application", r.sw);
    }
}

} // namespace cccd::reader
