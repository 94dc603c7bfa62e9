#include "qr/QrAccessKey.h"

#include "base/Error.h"

namespace cccd::qr {

std::string documentNumberOf(const std::string& personalIdNumber) {
    if (personalIdNumber.size() != 12) {
        throw Error(ErrorCode::InvalidArgument, "a personal ID number has 12 digits");
    }
    return personalIdNumber.substr(3);
}

QrAccessKeys accessKeysFrom(const QrPayload& payload) {
    QrAccessKeys out;
    out.can = SecureBytes(toBytes(payload.personalIdNumber.substr(6)));
    std::string documentNumber = documentNumberOf(payload.personalIdNumber);
    std::string birth = toMrzDate(payload.dateOfBirth);
    for (ExpiryCandidate& expiry : expiryCandidates(payload.dateOfBirth, payload.dateOfIssue)) {
        out.bacCandidates.push_back(
            {mrz::MrzKey(documentNumber, birth, expiry.mrzDate), std::move(expiry.basis)});
    }
    return out;
}

} // namespace cccd::qr
