#include "kiosk/core/SessionData.h"

#include <algorithm>

namespace cccd::kiosk {

namespace {

void zero(std::optional<std::string>& text) {
    if (text) {
        cccd::wipe(*text);
    }
    text.reset();
}

void wipeDg13(lds::Dg13& dg13) {
    cccd::wipe(dg13.raw);
    for (lds::Dg13Field& field : dg13.fields) {
        cccd::wipe(field.encoded);
        for (Bytes& value : field.values) {
            cccd::wipe(value);
        }
    }
    for (std::optional<std::string>* text :
         {&dg13.personalIdNumber, &dg13.fullName, &dg13.sex, &dg13.nationality, &dg13.ethnicity,
          &dg13.religion, &dg13.placeOfOrigin, &dg13.placeOfResidence, &dg13.identifyingMarks,
          &dg13.spouseName, &dg13.oldIdNumber, &dg13.field16}) {
        zero(*text);
    }
    for (lds::Parent& parent : dg13.parents) {
        cccd::wipe(parent.name);
    }
}

void wipeQr(qr::QrPayload& payload) {
    cccd::wipe(payload.personalIdNumber);
    cccd::wipe(payload.oldIdNumber);
    cccd::wipe(payload.fullName);
    cccd::wipe(payload.placeOfResidence);
    for (std::string& field : payload.extraFields) {
        cccd::wipe(field);
    }
    payload.dateOfBirth = {};
    payload.dateOfIssue = {};
}

} // namespace

void wipeDocument(reader::Document& document) {
    reader::CardReadout& readout = document.readout;
    for (Bytes* file :
         {&readout.efCardAccess, &readout.efCardSecurity, &readout.efCom, &readout.efSod}) {
        cccd::wipe(*file);
    }
    for (auto& [number, file] : readout.dataGroups) {
        cccd::wipe(file);
    }
    readout.dataGroups.clear();
    if (document.dg13) {
        wipeDg13(*document.dg13);
    }
    if (document.dg2) {
        cccd::wipe(document.dg2->raw);
        for (Bytes& block : document.dg2->otherBlocks) {
            cccd::wipe(block);
        }
        for (lds::FaceImage& face : document.dg2->faces) {
            cccd::wipe(face.image);
        }
    }
    document = reader::Document{};
}

SessionData::~SessionData() {
    wipe();
}

void SessionData::wipeForm() {
    if (form) {
        form->wipe();
        form.reset();
    }
    for (CurrentAddress& address : addresses) {
        address.wipe();
    }
    addresses.clear();
}

void SessionData::wipeCardData() {
    wipeForm();
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
    cccd::wipe(idNumber);
}

bool SessionData::holdsPersonalData() const {
    return key || qr || document || !citizen.empty() || !portrait.empty() || form ||
           !addresses.empty() || !idNumber.empty();
}

} // namespace cccd::kiosk
