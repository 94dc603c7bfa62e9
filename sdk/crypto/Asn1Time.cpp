#include "crypto/Asn1Time.h"

#include <cstdio>

#include "base/Error.h"
#include "crypto/Oid.h"

namespace cccd::crypto {

namespace {

[[noreturn]] void malformed() {
    throw Error(ErrorCode::MalformedData, "ASN.1 time: bad encoding");
}

int digits(ByteView text, std::size_t offset, std::size_t count) {
    int value = 0;
    for (std::size_t i = offset; i < offset + count; ++i) {
        if (i >= text.size() || text[i] < '0' || text[i] > '9') {
            malformed();
        }
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

} // namespace

Time decodeAsn1Time(const tlv::Tlv& object) {
    ByteView text = object.value;
    std::size_t yearDigits = 0;
    int year = 0;
    if (object.tag == asn1::UtcTime) {
        yearDigits = 2;
        year = digits(text, 0, 2);
        year += year >= 50 ? 1900 : 2000;
    } else if (object.tag == asn1::GeneralizedTime) {
        yearDigits = 4;
        year = digits(text, 0, 4);
    } else {
        malformed();
    }
    // Seconds are mandatory in DER (X.690 §11.7, §11.8); fractions and the zone are ignored
    // except that a zone other than Z is refused.
    const std::size_t end = yearDigits + 10;
    if (text.size() < end + 1 || text.back() != 'Z') {
        malformed();
    }
    auto ymd = std::chrono::year{year} / std::chrono::month{unsigned(digits(text, yearDigits, 2))} /
               std::chrono::day{unsigned(digits(text, yearDigits + 2, 2))};
    if (!ymd.ok()) {
        malformed();
    }
    int hour = digits(text, yearDigits + 4, 2);
    int minute = digits(text, yearDigits + 6, 2);
    int second = digits(text, yearDigits + 8, 2);
    if (hour > 23 || minute > 59 || second > 60) {
        malformed();
    }
    return std::chrono::sys_days{ymd} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
           std::chrono::seconds{second};
}

Time currentTime() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::string formatTime(Time time) {
    auto day = std::chrono::floor<std::chrono::days>(time);
    std::chrono::year_month_day ymd{day};
    std::chrono::hh_mm_ss hms{time - day};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                  int(hms.minutes().count()), int(hms.seconds().count()));
    return text;
}

} // namespace cccd::crypto
