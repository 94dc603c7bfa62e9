#include "emulator/card/PaceFaults.h"

#include <algorithm>
#include <span>
#include <vector>

#include "base/Error.h"
#include "tlv/Tlv.h"

namespace cccd::emulator {

namespace {

using AnswerChange = PaceFaults::AnswerChange;
using PublicKeyChange = PaceFaults::PublicKeyChange;
using ChipAuthenticationDataChange = PaceFaults::ChipAuthenticationDataChange;

// ICAO 9303-11 §4.4.5 (Table 4): the dynamic authentication data and its objects.
constexpr std::uint32_t TagDynamicAuthenticationData = 0x7C;
constexpr std::uint32_t TagTokenChip = 0x86;
constexpr std::uint32_t TagChipAuthenticationData = 0x8A;
constexpr std::uint32_t TagChipAuthenticationDataWrong = 0x8B; // BSI TR-03105-5.1 ISO7816_G_32
constexpr std::uint32_t TagOctetString = 0x04;                 // ITU-T X.690 §8.7
// BSI TR-03105-5.1 ISO7816_G_11/13/19/25: 90, 92, 94, 96 in place of 80, 82, 84, 86.
constexpr std::uint32_t WrongTagOffset = 0x10;
constexpr std::size_t AesBlockSize = 16;

// The object the chip answers at each step: 80 z, 82 PK_map,IC, 84 PK_IC, 86 T_IC.
std::uint32_t chipTag(PaceStep step) {
    switch (step) {
    case PaceStep::EncryptedNonce:
        return 0x80;
    case PaceStep::MapNonce:
        return 0x82;
    case PaceStep::KeyAgreement:
        return 0x84;
    case PaceStep::MutualAuthentication:
        return 0x86;
    }
    return 0;
}

struct DataObject {
    std::uint32_t tag = 0;
    Bytes value;
};

std::vector<DataObject> objectsOf(ByteView dynamicAuthenticationData) {
    std::vector<DataObject> out;
    tlv::Tlv outer = tlv::parse(dynamicAuthenticationData, TagDynamicAuthenticationData);
    for (const tlv::Tlv& child : tlv::children(outer)) {
        out.push_back({child.tag, Bytes(child.value.begin(), child.value.end())});
    }
    return out;
}

Bytes encodeObjects(const std::vector<DataObject>& objects) {
    Bytes body;
    for (const DataObject& object : objects) {
        append(body, tlv::encode(object.tag, object.value));
    }
    return tlv::encode(TagDynamicAuthenticationData, body);
}

DataObject* find(std::vector<DataObject>& objects, std::uint32_t tag) {
    auto it = std::find_if(objects.begin(), objects.end(),
                           [tag](const DataObject& object) { return object.tag == tag; });
    return it == objects.end() ? nullptr : &*it;
}

void flipLastBit(Bytes& value) {
    if (!value.empty()) {
        value.back() ^= 0x01;
    }
}

// value + 1 modulo 2^(8 * size), big-endian.
void increment(std::span<std::uint8_t> value) {
    for (auto it = value.rbegin(); it != value.rend(); ++it) {
        if (++*it != 0) {
            return;
        }
    }
}

bool isEcdhChange(PublicKeyChange change) {
    return change == PublicKeyChange::XPlusOne || change == PublicKeyChange::YPlusOne ||
           change == PublicKeyChange::XIsPrime;
}

// The key the chip sends instead of `key`. An EC point is 04 || x || y with coordinates as long
// as p (BSI TR-03111 §3.2.1), a DH value is as long as p (ICAO 9303-11 §9.4).
Bytes changedPublicKey(PublicKeyChange change, ByteView key, const PaceGroup& group,
                       ByteView terminalKey) {
    if (change == PublicKeyChange::TerminalKey) {
        return Bytes(terminalKey.begin(), terminalKey.end());
    }
    Bytes p = group.prime();
    bool ecdh = group.agreement() == PaceAgreement::Ecdh;
    if (ecdh != isEcdhChange(change) || (ecdh && key.size() != 1 + 2 * p.size())) {
        throw Error(ErrorCode::InvalidArgument,
                    "PACE fault: the key change does not suit the group");
    }
    Bytes out(key.begin(), key.end());
    std::span<std::uint8_t> x(out.data() + 1, ecdh ? p.size() : 0);
    std::span<std::uint8_t> y(out.data() + 1 + x.size(), x.size());
    switch (change) {
    case PublicKeyChange::XPlusOne:
        increment(x);
        return out;
    case PublicKeyChange::YPlusOne:
        increment(y);
        return out;
    case PublicKeyChange::XIsPrime:
        std::copy(p.begin(), p.end(), x.begin());
        return out;
    case PublicKeyChange::Zero:
        return Bytes(p.size(), 0x00);
    case PublicKeyChange::One: {
        Bytes one(p.size(), 0x00);
        one.back() = 0x01;
        return one;
    }
    case PublicKeyChange::PrimeMinusOne:
        p.back() = static_cast<std::uint8_t>(p.back() - 1); // p is odd: no borrow
        return p;
    case PublicKeyChange::Prime:
        return p;
    case PublicKeyChange::TerminalKey:
        break;
    }
    return out;
}

void changeChipAuthenticationData(ChipAuthenticationDataChange change,
                                  std::vector<DataObject>& objects) {
    DataObject* data = find(objects, TagChipAuthenticationData);
    if (change == ChipAuthenticationDataChange::Added) {
        if (data == nullptr) {
            objects.push_back({TagChipAuthenticationData, Bytes(AesBlockSize, 0x00)});
        }
        return;
    }
    if (data == nullptr) {
        return; // not a CAM run: nothing to change
    }
    switch (change) {
    case ChipAuthenticationDataChange::Omitted:
        objects.erase(objects.begin() + (data - objects.data()));
        return;
    case ChipAuthenticationDataChange::OctetString:
        data->value = tlv::encode(TagOctetString, data->value);
        return;
    case ChipAuthenticationDataChange::WrongValue:
        // CBC: the first plaintext block becomes garbage, the second gets the same bit flipped.
        data->value.at(0) ^= 0x80;
        return;
    case ChipAuthenticationDataChange::Tag8B:
        data->tag = TagChipAuthenticationDataWrong;
        return;
    case ChipAuthenticationDataChange::Empty:
        data->value.clear();
        return;
    case ChipAuthenticationDataChange::Added:
        return;
    }
}

} // namespace

std::optional<std::uint16_t> statusWordFault(const PaceFaults& faults, PaceStep step) {
    if (faults.stepStatus && faults.stepStatus->step == step) {
        return faults.stepStatus->statusWord;
    }
    return std::nullopt;
}

CardResponse applyPaceFaults(const PaceFaults& faults, PaceStep step, const PaceGroup* group,
                             ByteView command, CardResponse answer) {
    if (answer.statusWord != toUint(StatusWord::Success)) {
        return answer;
    }
    std::vector<DataObject> objects = objectsOf(answer.data);
    DataObject* chipObject = find(objects, chipTag(step));

    if (step == PaceStep::EncryptedNonce && faults.changeEncryptedNonce && chipObject) {
        flipLastBit(chipObject->value);
    }
    if (faults.publicKey && faults.publicKey->step == step && chipObject && group) {
        // The terminal's key of the step is the object one below the chip's: 81 or 83.
        std::vector<DataObject> sent = objectsOf(command);
        DataObject* terminalKey = find(sent, chipTag(step) - 1);
        chipObject->value = changedPublicKey(faults.publicKey->change, chipObject->value, *group,
                                             terminalKey ? terminalKey->value : Bytes());
    }
    if (step == PaceStep::MutualAuthentication) {
        if (faults.wrongToken && chipObject) {
            flipLastBit(chipObject->value);
        }
        if (faults.chipAuthenticationData) {
            changeChipAuthenticationData(*faults.chipAuthenticationData, objects);
            chipObject = find(objects, TagTokenChip);
        }
    }

    bool truncate = false;
    if (faults.answer && faults.answer->step == step) {
        switch (faults.answer->change) {
        case AnswerChange::WrongTag:
            if (chipObject) {
                chipObject->tag += WrongTagOffset;
            }
            break;
        case AnswerChange::Empty:
            objects.clear();
            break;
        case AnswerChange::Truncated:
            truncate = true;
            break;
        }
    }
    answer.data = encodeObjects(objects);
    if (truncate) {
        answer.data.pop_back();
    }
    return answer;
}

} // namespace cccd::emulator
