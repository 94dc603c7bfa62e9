#include "interop/InteropData.h"

#include "mrz/Mrz.h"
#include "mrz/MrzKey.h"
#include "sdk/mrz/CccdSpec.h"
#include "support/TestData.h"

namespace cccd::test {

CccdHolder CccdHolder::fromSpec() {
    std::string text = spec::markdown("cccd.md");
    auto lines = spec::lines(spec::codeBlocks(spec::section(text, "### 2.1 Layout")).at(0));
    std::string accessControl = spec::section(text, "### 1.3 Access control: BAC and PACE");
    return {lines.at(0) + lines.at(1) + lines.at(2),
            spec::tableRowCode(accessControl, "CAN").at(0)};
}

SecureBytes CccdHolder::password(access::PacePasswordType type) const {
    if (type == access::PacePasswordType::Can) {
        return SecureBytes(toBytes(can));
    }
    return mrz::MrzKey::fromMrz(mrz::Mrz::parse(mrz)).mrzInformationBytes();
}

SecureBytes CccdHolder::wrongPassword(access::PacePasswordType type) const {
    if (type == access::PacePasswordType::Can) {
        std::string other = can;
        other.back() = static_cast<char>('0' + (other.back() - '0' + 1) % 10);
        return SecureBytes(toBytes(other));
    }
    mrz::MrzKey key = mrz::MrzKey::fromMrz(mrz::Mrz::parse(mrz));
    return mrz::MrzKey(key.documentNumber(), key.expiryDate(), key.birthDate())
        .mrzInformationBytes();
}

Bytes referenceEfCom() {
    return readFile(specDir() / "samples" / "bsi-tr03105-5-reference-dataset" / "EF_COM.bin");
}

} // namespace cccd::test
