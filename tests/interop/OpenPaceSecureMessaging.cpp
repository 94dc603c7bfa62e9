#include "interop/OpenPaceSecureMessaging.h"

#include "apdu/StatusWord.h"
#include "base/Error.h"
#include "interop/OpenPaceHandles.h"
#include "tlv/Tlv.h"

namespace cccd::test {

namespace {

// ICAO 9303-11 §9.8.4 data objects and the CLA of a protected command (§9.8.1).
constexpr std::uint32_t TagDo87 = 0x87;
constexpr std::uint32_t TagDo97 = 0x97;
constexpr std::uint32_t TagDo99 = 0x99;
constexpr std::uint32_t TagDo8E = 0x8E;
constexpr std::uint8_t PaddingIndicator = 0x01;
constexpr std::uint8_t SmClaBits = 0x0C;

// Le from DO97: one byte (00 = 256) or two (0000 = 65536), ISO/IEC 7816-4 §5.1.
std::size_t decodeLe(ByteView value) {
    if (value.size() == 1) {
        return value[0] == 0 ? apdu::ShortNeMax : value[0];
    }
    if (value.size() == 2) {
        std::size_t ne = static_cast<std::size_t>(value[0] << 8 | value[1]);
        return ne == 0 ? apdu::ExtendedNeMax : ne;
    }
    throw Error(ErrorCode::MalformedData, "DO97 has a bad length");
}

} // namespace

// The data objects of a protected command: DO87 and DO97 as present, DO8E last (§9.8.4).
std::optional<OpenPaceSecureMessaging::ProtectedObjects>
OpenPaceSecureMessaging::parse(const apdu::CommandApdu& command) {
    if ((command.cla & SmClaBits) != SmClaBits) {
        return std::nullopt;
    }
    std::optional<tlv::Tlv> do87;
    std::optional<tlv::Tlv> do97;
    try {
        tlv::TlvReader reader(command.data);
        while (!reader.atEnd()) {
            tlv::Tlv object = reader.next();
            if (object.tag == TagDo8E && reader.atEnd()) {
                bool goodDo87 =
                    !do87 || (!do87->value.empty() && do87->value[0] == PaddingIndicator);
                if (!goodDo87) {
                    return std::nullopt;
                }
                return ProtectedObjects{do87, object, do97 ? decodeLe(do97->value) : 0};
            }
            if (object.tag == TagDo87 && !do87 && !do97) {
                do87 = object;
            } else if (object.tag == TagDo97 && !do97) {
                do97 = object;
            } else {
                return std::nullopt;
            }
        }
    } catch (const Error&) {
        return std::nullopt; // not BER-TLV, or a bad DO97
    }
    return std::nullopt; // no DO8E
}

Bytes OpenPaceSecureMessaging::mac(ByteView data) {
    BufMemPtr input = toBufMem(data);
    BufMemPtr padded = required(EAC_add_iso_pad(m_ctx, input.get()), "EAC_add_iso_pad");
    BufMemPtr checksum = required(EAC_authenticate(m_ctx, padded.get()), "EAC_authenticate");
    return toBytes(checksum.get());
}

std::optional<apdu::CommandApdu> OpenPaceSecureMessaging::unwrap(const apdu::CommandApdu& command) {
    if (EAC_increment_ssc(m_ctx) != 1) {
        throw Error(ErrorCode::Crypto, "libeac: EAC_increment_ssc failed");
    }
    std::optional<ProtectedObjects> objects = parse(command);
    if (!objects) {
        return std::nullopt;
    }

    // §9.8.6: the MAC covers the padded header and every data object before DO8E.
    BufMemPtr header = toBufMem(Bytes{command.cla, command.ins, command.p1, command.p2});
    Bytes macInput = toBytes(required(EAC_add_iso_pad(m_ctx, header.get()), "pad").get());
    auto covered = static_cast<std::size_t>(objects->do8e.encoded.data() - command.data.data());
    append(macInput, ByteView(command.data).first(covered));
    BufMemPtr paddedInput = required(EAC_add_iso_pad(m_ctx, toBufMem(macInput).get()), "pad");
    BufMemPtr checksum = toBufMem(objects->do8e.value);
    if (EAC_verify_authentication(m_ctx, paddedInput.get(), checksum.get()) != 1) {
        return std::nullopt;
    }

    apdu::CommandApdu plain{static_cast<std::uint8_t>(command.cla & ~SmClaBits),
                            command.ins,
                            command.p1,
                            command.p2,
                            {},
                            objects->ne,
                            false};
    if (objects->do87) {
        BufMemPtr cryptogram = toBufMem(objects->do87->value.subspan(1));
        BufMemPtr padded(EAC_decrypt(m_ctx, cryptogram.get()));
        BufMemPtr data(padded ? EAC_remove_iso_pad(padded.get()) : nullptr);
        if (!data) {
            return std::nullopt;
        }
        plain.data = toBytes(data.get());
    }
    return plain;
}

Bytes OpenPaceSecureMessaging::wrap(const apdu::ResponseApdu& response) {
    if (EAC_increment_ssc(m_ctx) != 1) {
        throw Error(ErrorCode::Crypto, "libeac: EAC_increment_ssc failed");
    }

    // §9.8.5: DO87 with the padded, encrypted data, DO99 with the status word, DO8E over both.
    Bytes body;
    if (!response.data.empty()) {
        BufMemPtr plain = toBufMem(response.data);
        BufMemPtr padded = required(EAC_add_iso_pad(m_ctx, plain.get()), "EAC_add_iso_pad");
        BufMemPtr cryptogram = required(EAC_encrypt(m_ctx, padded.get()), "EAC_encrypt");
        Bytes do87Value{PaddingIndicator};
        append(do87Value, toBytes(cryptogram.get()));
        append(body, tlv::encode(TagDo87, do87Value));
    }
    append(body, tlv::encode(TagDo99, Bytes{apdu::sw1(response.sw), apdu::sw2(response.sw)}));
    append(body, tlv::encode(TagDo8E, mac(body)));
    return apdu::ResponseApdu{std::move(body), response.sw}.encode();
}

} // namespace cccd::test
