// The MRZ as typed by a clerk, scanned by an OCR or read from DG1: parsed, and the access key
// taken from it as the reader does.
#include "mrz/Mrz.h"

#include <chrono>

#include "HarnessSupport.h"
#include "Harnesses.h"
#include "mrz/MrzKey.h"

namespace cccd::fuzz {

int fuzzMrz(const std::uint8_t* data, std::size_t size) {
    std::string text = toString(bytesOf(data, size));
    return expectError([&text] {
        using namespace std::chrono;
        mrz::Mrz parsed = mrz::Mrz::parse(text, year_month_day{year{2025}, month{6}, day{1}});
        (void)parsed.allChecksValid();
        (void)parsed.check(mrz::MrzCheckField::Composite);
        mrz::MrzKey key = mrz::MrzKey::fromMrz(parsed);
        (void)key.mrzInformationBytes();
    });
}

} // namespace cccd::fuzz
