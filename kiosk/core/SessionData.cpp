#include "kiosk/core/SessionData.h"

#include <algorithm>

namespace cccd::kiosk {

namespace {

void zero(Bytes& bytes) {
    std::fill(bytes.begin(), bytes.end(), std::uint8_t{0});
    bytes.clear();
}

void zero(std::string& text) {
    std::fill(text.begin(), text.end(), '\0');
    text.clear();
}

void zero(std::optional<std::string>& text) {
    if (text) {
        zero(*text);
    }
    text.reset();
}

void wipeDg13(lds::Dg13& dg13) {
    zero(dg13.raw);
    for (lds::Dg13Field& field : dg13.fields) {
        zero(field.encoded);
        for (Bytes& value : field.values) {
            zero(value);
        }
    }
    for (std::optional<std::string>* text :
         {&dg13.personalIdNumber, &dg13.fullName, &dg13.sex, &dg13.nationality, &dg13.ethnicity,
          &dg13.religion, &dg13.placeOfOrigin, &dg13.placeOfResidence, &dg13.identifyingMarks,
          &dg13.spouseName, &dg13.oldIdNumber, &dg13.field16}) {
        zero(*text);
    }
    for (lds::Parent& parent : dg13.parents) {
        zero(parent.name);
    }
}

void wipeQr(qr::QrPayload& payload) {
    zero(payload.personalIdNumber);
    zero(payload.oldIdNumber);
    zero(payload.fullName);
    zero(payload.placeOfResidence);
    for (std::string& field : payload.extraFields) {
        zero(field);
    }
    payload.dateOfBirth = {};
    payload.dateOfIssue = {};
}

} // namespace

void wipeDocument(reader::Document& document) {
    reader::CardReadout& readout = document.readout;
    for (Bytes* file :
         {&readout.efCardAccess, &readout.efCardSecurity, &readout.efCom, &readout.efSod}) {
        zero(*file);
    }
    for (auto& [number, file] : readout.dataGroups) {
        zero(file);
    }
    readout.dataGroups.clear();
    if (document.dg13) {
        wipeDg13(*document.dg13);
    }
    if (document.dg2) {
        zero(document.dg2->raw);
        for (Bytes& block : document.dg2->otherBlocks) {
            zero(block);
        }
        for (lds::FaceImage& face : document.dg2->faces) {
            zero(face.image);
        }
    }
    document = reader::Document{};
}

SessionData::~SessionData() {
    wipe();
}

void SessionData::wipeCardData() {
    if (form) {
        form->wipe();
        form.reset();
    }
    citizen.wipe();
    portrait = SecureBytes();
    badges.reset();
    if (document) {
        wipeDocument(*document);
        document.reset();
    }
}

void SessionData::wipe() {
    wipeCardData();
    key.reset();
    if (qr) {
        wipeQr(*qr);
        qr.reset();
    }
    zero(idNumber);
}

bool SessionData::holdsPersonalData() const {
    return key || qr || document || !citizen.empty() || !portrait.empty() || form ||
           !idNumber.empty();
}

} // namespace cccd::kiosk
