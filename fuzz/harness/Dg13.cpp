// DG13 of the Vietnamese card (cccd.md §3.4): the citizen data, field by field.
#include "lds/Dg13.h"

#include "HarnessSupport.h"
#include "Harnesses.h"

namespace cccd::fuzz {

int fuzzDg13(const std::uint8_t* data, std::size_t size) {
    ByteView bytes = bytesOf(data, size);
    return expectError([bytes] {
        lds::Dg13 dg13 = lds::Dg13::parse(bytes);
        for (const lds::Dg13Field& field : dg13.fields) {
            (void)field.texts();
        }
        (void)dg13.unknownFields();
        (void)dg13.fatherName();
        (void)dg13.motherName();
    });
}

} // namespace cccd::fuzz
