#include "reader/Document.h"

#include <algorithm>
#include <set>

#include "lds/Sod.h"
#include "tlv/Tlv.h"

namespace cccd::reader {

namespace {

template <typename Record>
std::optional<Record> parseFile(const std::string& name, ByteView bytes,
                                std::vector<ParseIssue>& issues) {
    try {
        return Record::parse(bytes);
    } catch (const Error& e) {
        issues.push_back({name, e.code(), e.what()});
        return std::nullopt;
    }
}

template <typename Record>
std::optional<Record> parseDataGroup(const CardReadout& readout, int dg,
                                     std::vector<ParseIssue>& issues) {
    auto it = readout.dataGroups.find(dg);
    if (it == readout.dataGroups.end()) {
        return std::nullopt;
    }
    return parseFile<Record>("DG" + std::to_string(dg), it->second, issues);
}

// DG13's layout is the issuer's own (ICAO 9303-10 §4.7.13): this SDK decodes Vietnam's. When
// DG1 is missing or unreadable the state is unknown and the decoder is tried.
bool decodesDg13(const std::optional<lds::Dg1>& dg1) {
    return !dg1 || dg1->mrz.issuingState == "VNM";
}

// DG3 (fingerprints) and DG4 (iris) need EAC terminal authentication (ICAO 9303-11 §7.1),
// which this reader does not perform: their absence is expected.
bool needsEac(int dg) {
    return dg == 3 || dg == 4;
}

std::vector<int> missingDataGroups(const std::vector<int>& notRead,
                                   const std::vector<SkippedFile>& skipped) {
    std::vector<int> missing;
    for (int dg : notRead) {
        bool notRequested = std::any_of(skipped.begin(), skipped.end(), [dg](const auto& s) {
            return s.dataGroup == dg && s.reason == "not_requested";
        });
        if (!needsEac(dg) && !notRequested) {
            missing.push_back(dg);
        }
    }
    return missing;
}

// A Chip Authentication that could not run: the chip or DG14 at fault, or this SDK.
ChipVerdict chipAuthenticationErrorVerdict(verify::ChipAuthenticationReason reason) {
    switch (reason) {
    case verify::ChipAuthenticationReason::InconsistentSecurityInfos:
    case verify::ChipAuthenticationReason::InvalidPublicKey:
    case verify::ChipAuthenticationReason::MalformedAnswer:
        return ChipVerdict::PossibleClone;
    case verify::ChipAuthenticationReason::None:
    case verify::ChipAuthenticationReason::KeyAgreementRefused:
    case verify::ChipAuthenticationReason::AnswerNotVerified:
    case verify::ChipAuthenticationReason::TokenInvalid:
    case verify::ChipAuthenticationReason::UnsupportedProtocol:
        return ChipVerdict::NotChecked;
    }
    return ChipVerdict::NotChecked;
}

} // namespace

const lds::FaceImage* Document::portrait() const {
    if (!dg2 || dg2->faces.empty()) {
        return nullptr;
    }
    return &dg2->faces.front();
}

std::string_view chipVerdictName(ChipVerdict verdict) {
    switch (verdict) {
    case ChipVerdict::Genuine:
        return "genuine";
    case ChipVerdict::PossibleClone:
        return "possible_clone";
    case ChipVerdict::NotChecked:
        return "not_checked";
    }
    return "not_checked";
}

namespace {

// PACE-CAM (ICAO 9303-11 §4.4.3.5.2): the equation shows the chip holds the key EF.CardSecurity
// publishes; only the Document Signer's signature over that file makes it the issuer's key. A
// file whose signature fails may carry a key the chip's maker chose; one whose CSCA is unknown
// proves nothing either way. A failed equation, or a file without the key, is a clone's mark.
ChipVerdict mappingVerdict(const ChipAuthenticationMappingResult& mapping,
                           const std::optional<verify::CardSecurityReport>& cardSecurity) {
    switch (mapping.status) {
    case ChipAuthenticationMappingStatus::Passed:
        if (!cardSecurity || cardSecurity->verdict == verify::Verdict::ValidIssuerUnknown) {
            return ChipVerdict::NotChecked;
        }
        return cardSecurity->verdict == verify::Verdict::Valid ? ChipVerdict::Genuine
                                                               : ChipVerdict::PossibleClone;
    case ChipAuthenticationMappingStatus::Failed:
        return ChipVerdict::PossibleClone;
    case ChipAuthenticationMappingStatus::NotCheckable:
        return ChipVerdict::NotChecked;
    }
    return ChipVerdict::NotChecked;
}

// A chip that refuses or garbles the protocol its own signed DG14/DG15 announce is as suspect as
// one whose proof fails, and so is a document whose DG14 announces a proof no chip can give (a
// key that is no key, infos that contradict each other or DG15: BSI TR-03105-5.1 LDS_F_04-07,
// ISO7816_D_07/D_08/D_11-D_13, ISO7816_F_09). An offer this SDK cannot run (a key or protocol
// it does not implement) says nothing about the chip.
ChipVerdict chipAuthenticationVerdict(const verify::ChipAuthenticationResult& ca) {
    switch (ca.status) {
    case verify::ChipAuthenticationStatus::Passed:
        return ChipVerdict::Genuine;
    case verify::ChipAuthenticationStatus::Failed:
        return ChipVerdict::PossibleClone;
    case verify::ChipAuthenticationStatus::NotOffered:
        return ChipVerdict::NotChecked;
    case verify::ChipAuthenticationStatus::Error:
        return chipAuthenticationErrorVerdict(ca.reason);
    }
    return ChipVerdict::NotChecked;
}

ChipVerdict activeAuthenticationVerdict(const verify::ActiveAuthenticationResult& aa) {
    switch (aa.status) {
    case verify::ActiveAuthenticationStatus::Passed:
        return ChipVerdict::Genuine;
    case verify::ActiveAuthenticationStatus::Failed:
        return ChipVerdict::PossibleClone;
    case verify::ActiveAuthenticationStatus::NotOffered:
        return ChipVerdict::NotChecked;
    case verify::ActiveAuthenticationStatus::Error:
        return aa.reason == verify::ActiveAuthenticationReason::InvalidAlgorithm
                   ? ChipVerdict::PossibleClone
                   : ChipVerdict::NotChecked;
    }
    return ChipVerdict::NotChecked;
}

} // namespace

ChipVerdict Document::chipVerdict() const {
    std::vector<ChipVerdict> verdicts;
    if (const auto& mapping = readout.chipAuthenticationMapping) {
        verdicts.push_back(mappingVerdict(*mapping, cardSecurity));
    }
    if (const auto& ca = readout.chipAuthentication) {
        verdicts.push_back(chipAuthenticationVerdict(*ca));
    }
    if (const auto& aa = readout.activeAuthentication) {
        verdicts.push_back(activeAuthenticationVerdict(*aa));
    }
    auto any = [&verdicts](ChipVerdict v) {
        return std::find(verdicts.begin(), verdicts.end(), v) != verdicts.end();
    };
    if (any(ChipVerdict::PossibleClone)) {
        return ChipVerdict::PossibleClone;
    }
    return any(ChipVerdict::Genuine) ? ChipVerdict::Genuine : ChipVerdict::NotChecked;
}

std::string_view paceInfoCheckName(PaceInfoCheck check) {
    switch (check) {
    case PaceInfoCheck::Signed:
        return "signed";
    case PaceInfoCheck::Differs:
        return "differs";
    case PaceInfoCheck::NotInDg14:
        return "not_in_dg14";
    case PaceInfoCheck::NotChecked:
        return "not_checked";
    }
    return "not_checked";
}

PaceInfoCheck Document::paceInfoCheck() const {
    if (readout.access.protocol != "PACE" || !dg14) {
        return PaceInfoCheck::NotChecked;
    }
    const std::vector<lds::PaceInfo>& signedInfos = dg14->securityInfos.paceInfos;
    if (signedInfos.empty()) {
        return PaceInfoCheck::NotInDg14;
    }
    bool found = std::any_of(signedInfos.begin(), signedInfos.end(), [this](const auto& info) {
        return info.protocol == readout.access.paceProtocol &&
               info.parameterId == readout.access.paceParameterId;
    });
    return found ? PaceInfoCheck::Signed : PaceInfoCheck::Differs;
}

std::string_view cardAccessCheckName(CardAccessCheck check) {
    switch (check) {
    case CardAccessCheck::Signed:
        return "signed";
    case CardAccessCheck::Differs:
        return "differs";
    case CardAccessCheck::NotChecked:
        return "not_checked";
    }
    return "not_checked";
}

CardAccessCheck Document::cardAccessCheck() const {
    if (readout.efCardAccess.empty() || !cardSecurity ||
        cardSecurity->parse != verify::ParseStatus::Ok) {
        return CardAccessCheck::NotChecked;
    }
    std::vector<Bytes> signedInfos;
    try {
        const lds::CardSecurity file = lds::CardSecurity::parse(readout.efCardSecurity);
        for (const tlv::Tlv& info : tlv::children(tlv::parse(file.securityInfos()))) {
            signedInfos.emplace_back(info.encoded.begin(), info.encoded.end());
        }
        for (const tlv::Tlv& info : tlv::children(tlv::parse(readout.efCardAccess))) {
            if (std::find(signedInfos.begin(), signedInfos.end(),
                          Bytes(info.encoded.begin(), info.encoded.end())) == signedInfos.end()) {
                return CardAccessCheck::Differs;
            }
        }
    } catch (const Error&) {
        return CardAccessCheck::NotChecked;
    }
    return CardAccessCheck::Signed;
}

std::string_view dataGroupListCheckName(DataGroupListCheck check) {
    switch (check) {
    case DataGroupListCheck::Same:
        return "same";
    case DataGroupListCheck::Differs:
        return "differs";
    case DataGroupListCheck::NotChecked:
        return "not_checked";
    }
    return "not_checked";
}

DataGroupListCheck Document::dataGroupListCheck() const {
    if (!efCom || passiveAuthentication.sodParse != verify::ParseStatus::Ok) {
        return DataGroupListCheck::NotChecked;
    }
    std::set<int> hashed;
    try {
        const lds::Sod sod = lds::Sod::parse(readout.efSod);
        for (const auto& [dg, hash] : sod.ldsSecurityObject().dataGroupHashes) {
            hashed.insert(dg);
        }
    } catch (const Error&) {
        return DataGroupListCheck::NotChecked;
    }
    std::set<int> listed(efCom->dataGroups.begin(), efCom->dataGroups.end());
    return listed == hashed ? DataGroupListCheck::Same : DataGroupListCheck::Differs;
}

bool Document::verified() const {
    // EF.CardSecurity is signed like EF.SOD and held to the same rule: a key it publishes from
    // an unknown CSCA next to an EF.SOD from a trusted one is what another chip would show.
    bool cardSecurityValid = !cardSecurity || cardSecurity->verdict == verify::Verdict::Valid;
    bool parsed = std::none_of(parseIssues.begin(), parseIssues.end(),
                               [](const ParseIssue& issue) { return issue.blocksVerification; });
    return parsed && contentIssues.empty() && missingDataGroups.empty() &&
           !readout.dataGroups.empty() && passiveAuthentication.verdict == verify::Verdict::Valid &&
           cardSecurityValid && chipVerdict() != ChipVerdict::PossibleClone &&
           paceInfoCheck() != PaceInfoCheck::Differs &&
           cardAccessCheck() != CardAccessCheck::Differs &&
           dataGroupListCheck() != DataGroupListCheck::Differs;
}

Document interpret(CardReadout readout, const verify::TrustStore& trustStore) {
    Document d;
    if (!readout.efAtrInfo.empty()) {
        d.atrInfo = parseFile<lds::AtrInfo>("EF.ATR/INFO", readout.efAtrInfo, d.parseIssues);
    }
    d.efCom = parseFile<lds::EfCom>("EF.COM", readout.efCom, d.parseIssues);
    d.dg1 = parseDataGroup<lds::Dg1>(readout, 1, d.parseIssues);
    d.dg2 = parseDataGroup<lds::Dg2>(readout, 2, d.parseIssues);
    if (decodesDg13(d.dg1)) {
        std::size_t issuesBefore = d.parseIssues.size();
        d.dg13 = parseDataGroup<lds::Dg13>(readout, 13, d.parseIssues);
        for (std::size_t i = issuesBefore; i < d.parseIssues.size(); ++i) {
            d.parseIssues[i].blocksVerification = false;
        }
    }
    d.dg14 = parseDataGroup<lds::Dg14>(readout, 14, d.parseIssues);
    d.dg15 = parseDataGroup<lds::Dg15>(readout, 15, d.parseIssues);
    auto add = [&d](std::vector<ContentIssue> issues) {
        d.contentIssues.insert(d.contentIssues.end(), issues.begin(), issues.end());
    };
    if (d.efCom) {
        add(checkEfCom(*d.efCom, readout.efSod));
    }
    if (d.dg1) {
        add(checkDg1(*d.dg1, readout.mrzKey));
    }
    if (d.dg2) {
        add(checkDg2(*d.dg2));
    }
    d.passiveAuthentication =
        verify::passiveAuthentication(readout.efSod, readout.dataGroups, trustStore);
    d.missingDataGroups = missingDataGroups(d.passiveAuthentication.notRead, readout.skipped);
    if (!readout.efCardSecurity.empty()) {
        d.cardSecurity = verify::verifyCardSecurity(readout.efCardSecurity, trustStore);
    }
    d.readout = std::move(readout);
    return d;
}

} // namespace cccd::reader
