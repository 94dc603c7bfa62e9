#include "reader/ContentChecks.h"

#include <algorithm>
#include <set>

#include "base/Error.h"
#include "lds/Sod.h"
#include "mrz/MrzRules.h"

namespace cccd::reader {

namespace {

// ICAO 9303-10 §4.6.1: LDS version "aabb" (0107 for LDS 1.7, 0108 for 1.8) and Unicode version
// "aabbcc" (040000 for 4.0.0); other majors name a structure this reader does not read.
void checkVersions(const lds::EfCom& com, std::vector<ContentIssue>& out) {
    auto issue = [&out](std::string reason) {
        out.push_back({"EF.COM", ContentCheck::LdsVersion, std::move(reason)});
    };
    if (com.ldsVersionRaw.empty()) {
        issue("EF.COM: no LDS version (5F01)");
    } else if (com.ldsVersionRaw.size() != 4 || com.ldsVersionRaw.rfind("01", 0) != 0 ||
               com.ldsVersion.empty()) {
        issue("EF.COM: the LDS version is not 1.x");
    }
    if (com.unicodeVersionRaw.empty()) {
        issue("EF.COM: no Unicode version (5F36)");
    } else if (com.unicodeVersionRaw.size() != 6 || com.unicodeVersionRaw.rfind("04", 0) != 0 ||
               com.unicodeVersion.empty()) {
        issue("EF.COM: the Unicode version is not 4.x");
    }
}

std::optional<std::set<int>> hashedDataGroups(ByteView efSod) {
    if (efSod.empty()) {
        return std::nullopt;
    }
    try {
        lds::Sod sod = lds::Sod::parse(efSod);
        std::set<int> out;
        for (const auto& [dg, hash] : sod.ldsSecurityObject().dataGroupHashes) {
            out.insert(dg);
        }
        return out;
    } catch (const Error&) {
        return std::nullopt; // Passive Authentication reports it
    }
}

std::string listed(const std::set<int>& dataGroups) {
    std::string out;
    for (int dg : dataGroups) {
        out += (out.empty() ? "DG" : ", DG") + std::to_string(dg);
    }
    return out;
}

// The Vietnamese card prints "991231" or "<<<<<<" for no expiry (cccd.md §2.5); a key made
// from either form names the same card.
bool sameExpiry(std::string_view a, std::string_view b) {
    auto noExpiry = [](std::string_view date) { return date == "991231" || date == "<<<<<<"; };
    return a == b || (noExpiry(a) && noExpiry(b));
}

std::string_view checkedField(mrz::MrzCheckField field) {
    switch (field) {
    case mrz::MrzCheckField::DocumentNumber:
        return "document number";
    case mrz::MrzCheckField::PersonalIdNumber:
        return "personal ID number";
    case mrz::MrzCheckField::OptionalData:
        return "optional data";
    case mrz::MrzCheckField::BirthDate:
        return "date of birth";
    case mrz::MrzCheckField::ExpiryDate:
        return "date of expiry";
    case mrz::MrzCheckField::Composite:
        return "composite";
    }
    return "composite";
}

} // namespace

std::string_view contentCheckName(ContentCheck check) {
    switch (check) {
    case ContentCheck::LdsVersion:
        return "lds_version";
    case ContentCheck::DataGroupList:
        return "data_group_list";
    case ContentCheck::MrzField:
        return "mrz_field";
    case ContentCheck::MrzCheckDigit:
        return "mrz_check_digit";
    case ContentCheck::MrzAccessKey:
        return "mrz_access_key";
    case ContentCheck::FaceRecord:
        return "face_record";
    }
    return "face_record";
}

std::vector<ContentIssue> checkEfCom(const lds::EfCom& com, ByteView efSod) {
    std::vector<ContentIssue> out;
    checkVersions(com, out);

    std::optional<std::set<int>> hashed = hashedDataGroups(efSod);
    if (!hashed) {
        return out;
    }
    std::set<int> tags(com.dataGroups.begin(), com.dataGroups.end());
    std::set<int> onlyCom;
    std::set<int> onlySod;
    std::set_difference(tags.begin(), tags.end(), hashed->begin(), hashed->end(),
                        std::inserter(onlyCom, onlyCom.begin()));
    std::set_difference(hashed->begin(), hashed->end(), tags.begin(), tags.end(),
                        std::inserter(onlySod, onlySod.begin()));
    if (!onlyCom.empty()) {
        out.push_back({"EF.COM", ContentCheck::DataGroupList,
                       "EF.COM lists " + listed(onlyCom) + ", which EF.SOD does not hash"});
    }
    if (!onlySod.empty()) {
        out.push_back({"EF.COM", ContentCheck::DataGroupList,
                       "EF.SOD hashes " + listed(onlySod) + ", which EF.COM does not list"});
    }
    return out;
}

std::vector<ContentIssue> checkDg1(const lds::Dg1& dg1, const std::optional<mrz::MrzKey>& key) {
    std::vector<ContentIssue> out;
    for (std::string& problem : mrz::fieldProblems(dg1.mrz)) {
        out.push_back({"DG1", ContentCheck::MrzField, "MRZ " + problem});
    }
    for (const mrz::CheckDigitResult& check : dg1.mrz.checks) {
        if (!check.valid()) {
            out.push_back(
                {"DG1", ContentCheck::MrzCheckDigit,
                 "MRZ: the " + std::string(checkedField(check.field)) + " check digit is wrong"});
        }
    }
    if (!key) {
        return out;
    }
    // The key opened the chip, or the caller read it off the document: DG1 must say the same.
    std::optional<mrz::MrzKey> dg1Key;
    try {
        dg1Key = mrz::MrzKey::fromMrz(dg1.mrz);
    } catch (const Error&) {
        out.push_back({"DG1", ContentCheck::MrzAccessKey, "DG1 has no usable document number"});
        return out;
    }
    const mrz::MrzKey& printed = *dg1Key;
    if (printed.documentNumber() != key->documentNumber()) {
        out.push_back(
            {"DG1", ContentCheck::MrzAccessKey, "DG1's document number is not the MRZ key's"});
    }
    if (printed.birthDate() != key->birthDate()) {
        out.push_back(
            {"DG1", ContentCheck::MrzAccessKey, "DG1's date of birth is not the MRZ key's"});
    }
    if (!sameExpiry(printed.expiryDate(), key->expiryDate())) {
        out.push_back(
            {"DG1", ContentCheck::MrzAccessKey, "DG1's date of expiry is not the MRZ key's"});
    }
    return out;
}

std::vector<ContentIssue> checkDg2(const lds::Dg2& dg2) {
    std::vector<ContentIssue> out;
    for (const std::string& problem : dg2.problems) {
        out.push_back({"DG2", ContentCheck::FaceRecord, problem});
    }
    return out;
}

} // namespace cccd::reader
