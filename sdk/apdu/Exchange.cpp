#include "apdu/Exchange.h"

#include "base/Error.h"

namespace cccd::apdu {

namespace {

// Bounds the GET RESPONSE loop so that a card answering 61XX forever cannot hang the reader.
constexpr int MaxGetResponses = 512;
constexpr std::uint8_t InsGetResponse = 0xC0;

} // namespace

ResponseApdu exchange(const RawTransmit& transmit, const CommandApdu& command,
                      bool resendOnWrongLe) {
    ResponseApdu response = ResponseApdu::decode(transmit(command.encode()));
    if (resendOnWrongLe && sw1(response.sw) == WrongLe && response.data.empty()) {
        CommandApdu retry = command;
        std::uint8_t exact = sw2(response.sw);
        retry.ne = exact == 0 ? ShortNeMax : exact;
        response = ResponseApdu::decode(transmit(retry.encode()));
    }
    Bytes data = std::move(response.data);
    int rounds = 0;
    while (sw1(response.sw) == MoreDataAvailable) {
        if (++rounds > MaxGetResponses) {
            throw Error(ErrorCode::CardStatus, "card kept answering 61XX", response.sw);
        }
        std::uint8_t available = sw2(response.sw);
        CommandApdu getResponse{
            command.cla, InsGetResponse, 0x00, 0x00, {}, available == 0 ? ShortNeMax : available,
            false};
        getResponse.cla = static_cast<std::uint8_t>(command.cla & 0x03);
        response = ResponseApdu::decode(transmit(getResponse.encode()));
        append(data, response.data);
    }
    response.data = std::move(data);
    return response;
}

} // namespace cccd::apdu
