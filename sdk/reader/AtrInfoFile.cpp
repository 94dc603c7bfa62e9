#include "reader/AtrInfoFile.h"

#include <algorithm>

#include "base/Error.h"
#include "base/Log.h"
#include "reader/FileReader.h"

namespace cccd::reader {

namespace {

constexpr std::uint16_t FidAtrInfo = 0x2F01; // ICAO 9303-10 §3.11.1
// A command APDU around its data: CLA INS P1 P2, Lc in three bytes, Le in two (ISO/IEC 7816-4
// §5.1); a response APDU: the data, then SW1 SW2.
constexpr std::size_t CommandOverhead = 9;
constexpr std::size_t ResponseOverhead = 2;

std::size_t dataSize(std::size_t apdu, std::size_t overhead) {
    return apdu > overhead ? apdu - overhead : 1;
}

} // namespace

Bytes readAtrInfo(transport::CardChannel& channel, const CancelFlag* cancel) {
    FileReader files(channel, false, {}, cancel);
    try {
        FileReader::Result r = files.read(FidAtrInfo, "EF.ATR/INFO");
        if (r.outcome == FileReader::Outcome::Read) {
            return std::move(r.content);
        }
    } catch (const Error& e) {
        if (e.code() != ErrorCode::CardStatus) {
            throw; // a file that is there but garbled is not "no file"
        }
    }
    log(LogLevel::Info, "reader", "no EF.ATR/INFO");
    return {};
}

transport::ChannelCapabilities AnnouncedLimitsChannel::capabilities() const {
    transport::ChannelCapabilities caps = m_inner.capabilities();
    if (m_limits) {
        std::size_t response = dataSize(m_limits->maxResponseApdu, ResponseOverhead);
        caps.maxResponseDataSize = std::min(caps.maxResponseDataSize, response);
        caps.maxShortResponseDataSize = std::min(caps.maxShortResponseDataSize, response);
        caps.maxCommandDataSize =
            std::min(caps.maxCommandDataSize, dataSize(m_limits->maxCommandApdu, CommandOverhead));
    }
    return caps;
}

} // namespace cccd::reader
