// BER-TLV (ISO/IEC 7816-4 §5.2): every object of the buffer, constructed ones down to their
// leaves, with the helpers the file readers and parsers use on card data.
#include "tlv/Tlv.h"

#include "HarnessSupport.h"
#include "Harnesses.h"

namespace cccd::fuzz {

namespace {

// Deep enough for every structure the SDK reads (a certificate nests about ten levels); the
// bound keeps a run short on input that nests one byte per level.
constexpr int MaxDepth = 32;

void walk(const tlv::Tlv& object, int depth) {
    if (!object.constructed() || depth >= MaxDepth) {
        if (object.tag == 0x02 && !object.value.empty() && object.value.size() <= 8) {
            (void)tlv::decodeUnsigned(object.value);
        }
        return;
    }
    for (const tlv::Tlv& child : tlv::children(object)) {
        walk(child, depth + 1);
    }
    (void)tlv::findChild(object, 0x30);
}

} // namespace

int fuzzTlv(const std::uint8_t* data, std::size_t size) {
    ByteView bytes = bytesOf(data, size);
    return expectError([bytes] {
        (void)tlv::encodedSizeFromHeader(bytes);
        tlv::TlvReader reader(bytes);
        while (!reader.atEnd()) {
            tlv::Tlv object = reader.next();
            walk(object, 0);
            // What a writer makes of the object must parse back to the same object.
            Bytes again = tlv::encode(object.tag, object.value);
            if (tlv::parse(again).value.size() != object.value.size()) {
                throw std::logic_error("TLV re-encoding changed the value length");
            }
        }
    });
}

} // namespace cccd::fuzz
