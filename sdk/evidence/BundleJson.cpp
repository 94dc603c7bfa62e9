// The JSON form of an evidence bundle (docs/evidence-bundle.md): writing, and reading back with
// every member checked, so that a damaged or hostile file gives a typed error.
#include <algorithm>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "base/Error.h"
#include "evidence/Base64.h"
#include "evidence/EvidenceBundle.h"

namespace cccd::evidence {

namespace {

using nlohmann::json;
using verify::ActiveAuthenticationReason;
using verify::ActiveAuthenticationStatus;
using verify::ChipAuthenticationCommand;
using verify::ChipAuthenticationReason;
using verify::ChipAuthenticationStatus;
using MappingReason = reader::ChipAuthenticationMappingReason;
using MappingStatus = reader::ChipAuthenticationMappingStatus;

// --- writing ---

json optionalNumber(const std::optional<std::uint64_t>& value) {
    return value ? json(*value) : json(nullptr);
}

json filesToJson(const reader::CardReadout& r) {
    json files = json::object();
    auto put = [&files](const char* name, const Bytes& bytes) {
        if (!bytes.empty()) {
            files[name] = toBase64(bytes);
        }
    };
    put("EF.ATR/INFO", r.efAtrInfo);
    put("EF.CardAccess", r.efCardAccess);
    put("EF.CardSecurity", r.efCardSecurity);
    put("EF.COM", r.efCom);
    put("EF.SOD", r.efSod);
    for (const auto& [dg, bytes] : r.dataGroups) {
        files["DG" + std::to_string(dg)] = toBase64(bytes);
    }
    return files;
}

json toJson(const verify::ActiveAuthenticationResult& aa) {
    return {{"status", verify::activeAuthenticationStatusName(aa.status)},
            {"reason", verify::activeAuthenticationReasonName(aa.reason)},
            {"status_word", aa.statusWord},
            {"challenge", toBase64(aa.challenge)},
            {"signature", toBase64(aa.signature)}};
}

json toJson(const verify::ChipAuthenticationResult& ca) {
    return {{"status", verify::chipAuthenticationStatusName(ca.status)},
            {"reason", verify::chipAuthenticationReasonName(ca.reason)},
            {"status_word", ca.statusWord},
            {"protocol", ca.protocol},
            {"protocol_inferred", ca.protocolInferred},
            {"version", ca.version},
            {"key_id", optionalNumber(ca.keyId)},
            {"command",
             ca.command ? json(verify::chipAuthenticationCommandName(*ca.command)) : json(nullptr)},
            {"chip_public_key", toBase64(ca.chipPublicKey)},
            {"terminal_ephemeral_public_key", toBase64(ca.terminalEphemeralPublicKey)},
            {"terminal_ephemeral_public_key_compressed",
             toBase64(ca.terminalEphemeralPublicKeyCompressed)}};
}

json toJson(const reader::ChipAuthenticationMappingResult& cam) {
    return {{"status", reader::chipAuthenticationMappingStatusName(cam.status)},
            {"reason", reader::chipAuthenticationMappingReasonName(cam.reason)},
            {"key_id", optionalNumber(cam.keyId)}};
}

template <typename Result> json orNull(const std::optional<Result>& result) {
    return result ? toJson(*result) : json(nullptr);
}

// --- reading ---

[[noreturn]] void malformed(const std::string& why) {
    throw Error(ErrorCode::MalformedData, "not an evidence bundle: " + why);
}

const json& member(const json& object, const char* name) {
    if (!object.is_object()) {
        malformed(std::string("an object was expected around ") + name);
    }
    auto it = object.find(name);
    if (it == object.end()) {
        malformed(std::string(name) + " is missing");
    }
    return *it;
}

std::string text(const json& object, const char* name) {
    const json& value = member(object, name);
    if (!value.is_string()) {
        malformed(std::string(name) + " is not a string");
    }
    return value.get<std::string>();
}

std::uint64_t number(const json& object, const char* name, std::uint64_t max) {
    const json& value = member(object, name);
    if (!value.is_number_unsigned() || value.get<std::uint64_t>() > max) {
        malformed(std::string(name) + " is not a number in range");
    }
    return value.get<std::uint64_t>();
}

std::optional<std::uint64_t> optionalNumber(const json& object, const char* name) {
    if (member(object, name).is_null()) {
        return std::nullopt;
    }
    return number(object, name, UINT64_MAX);
}

bool boolean(const json& object, const char* name) {
    const json& value = member(object, name);
    if (!value.is_boolean()) {
        malformed(std::string(name) + " is not true or false");
    }
    return value.get<bool>();
}

Bytes bytes(const json& object, const char* name) {
    return fromBase64(text(object, name));
}

std::uint16_t statusWord(const json& object) {
    return static_cast<std::uint16_t>(number(object, "status_word", 0xFFFF));
}

// The enumerator whose stable name is `name`, among the first `count` values.
template <typename Enum, typename NameOf>
Enum byName(const json& object, const char* member, NameOf nameOf, Enum last) {
    const std::string name = text(object, member);
    for (int i = 0; i <= static_cast<int>(last); ++i) {
        if (nameOf(static_cast<Enum>(i)) == name) {
            return static_cast<Enum>(i);
        }
    }
    malformed(std::string(member) + " names no known value");
}

// One of the names the reader writes (docs/json-output.md: card.access_protocol,
// card.access_password, card.files_skipped): the re-verified JSON repeats it, within its schema.
std::string oneOf(const json& object, const char* name,
                  std::initializer_list<std::string_view> names) {
    std::string value = text(object, name);
    if (std::find(names.begin(), names.end(), value) == names.end()) {
        malformed(std::string(name) + " names no known value");
    }
    return value;
}

reader::AccessOutcome accessFromJson(const json& a) {
    reader::AccessOutcome out;
    out.protocol = oneOf(a, "protocol", {"PACE", "BAC", "none"});
    out.password = oneOf(a, "password", {"CAN", "MRZ", "none"});
    out.paceProtocol = text(a, "pace_protocol");
    out.paceParameterId = optionalNumber(a, "pace_parameter_id");
    out.paceExplicitDomainParameters = boolean(a, "pace_explicit_domain_parameters");
    return out;
}

// "DG1".."DG16"; 0 for any other name.
int dataGroupNumber(const std::string& name) {
    if (name.size() < 3 || name.size() > 4 || name.compare(0, 2, "DG") != 0 || name[2] == '0') {
        return 0;
    }
    int dg = 0;
    for (std::size_t i = 2; i < name.size(); ++i) {
        if (name[i] < '0' || name[i] > '9') {
            return 0;
        }
        dg = dg * 10 + (name[i] - '0');
    }
    return dg <= 16 ? dg : 0;
}

void filesFromJson(const json& files, reader::CardReadout& r) {
    if (!files.is_object()) {
        malformed("files is not an object");
    }
    for (const auto& [name, value] : files.items()) {
        if (!value.is_string()) {
            malformed(name + " is not a string");
        }
        Bytes content = fromBase64(value.get<std::string>());
        if (name == "EF.ATR/INFO") {
            r.efAtrInfo = std::move(content);
        } else if (name == "EF.CardAccess") {
            r.efCardAccess = std::move(content);
        } else if (name == "EF.CardSecurity") {
            r.efCardSecurity = std::move(content);
        } else if (name == "EF.COM") {
            r.efCom = std::move(content);
        } else if (name == "EF.SOD") {
            r.efSod = std::move(content);
        } else if (int dg = dataGroupNumber(name); dg != 0) {
            r.dataGroups.emplace(dg, std::move(content));
        } else {
            malformed("unknown file " + name);
        }
    }
}

std::vector<int> dataGroupList(const json& object, const char* name) {
    const json& list = member(object, name);
    if (!list.is_array()) {
        malformed(std::string(name) + " is not an array");
    }
    std::vector<int> out;
    for (const json& entry : list) {
        if (!entry.is_number_unsigned() || entry.get<std::uint64_t>() < 1 ||
            entry.get<std::uint64_t>() > 16) {
            malformed(std::string(name) + " holds something other than a data group number");
        }
        out.push_back(entry.get<int>());
    }
    return out;
}

std::vector<reader::SkippedFile> skippedFromJson(const json& list) {
    if (!list.is_array()) {
        malformed("files_skipped is not an array");
    }
    std::vector<reader::SkippedFile> out;
    for (const json& entry : list) {
        int dg = dataGroupNumber(text(entry, "file"));
        if (dg == 0) {
            malformed("files_skipped names something other than a data group");
        }
        out.push_back(
            {dg, oneOf(entry, "reason", {"access_denied", "not_found", "not_requested"})});
    }
    return out;
}

verify::ActiveAuthenticationResult activeAuthenticationFromJson(const json& a) {
    verify::ActiveAuthenticationResult out;
    out.status = byName(a, "status", verify::activeAuthenticationStatusName,
                        ActiveAuthenticationStatus::Error);
    out.reason = byName(a, "reason", verify::activeAuthenticationReasonName,
                        ActiveAuthenticationReason::ChallengeMismatch);
    out.statusWord = statusWord(a);
    out.challenge = bytes(a, "challenge");
    out.signature = bytes(a, "signature");
    return out;
}

verify::ChipAuthenticationResult chipAuthenticationFromJson(const json& c) {
    verify::ChipAuthenticationResult out;
    out.status =
        byName(c, "status", verify::chipAuthenticationStatusName, ChipAuthenticationStatus::Error);
    out.reason = byName(c, "reason", verify::chipAuthenticationReasonName,
                        ChipAuthenticationReason::MalformedAnswer);
    out.statusWord = statusWord(c);
    out.protocol = text(c, "protocol");
    out.protocolInferred = boolean(c, "protocol_inferred");
    out.version = number(c, "version", UINT64_MAX);
    out.keyId = optionalNumber(c, "key_id");
    if (!member(c, "command").is_null()) {
        out.command = byName(c, "command", verify::chipAuthenticationCommandName,
                             ChipAuthenticationCommand::MseSetAtGeneralAuthenticate);
    }
    out.chipPublicKey = bytes(c, "chip_public_key");
    out.terminalEphemeralPublicKey = bytes(c, "terminal_ephemeral_public_key");
    out.terminalEphemeralPublicKeyCompressed = bytes(c, "terminal_ephemeral_public_key_compressed");
    return out;
}

reader::ChipAuthenticationMappingResult mappingFromJson(const json& m) {
    reader::ChipAuthenticationMappingResult out;
    out.status = byName(m, "status", reader::chipAuthenticationMappingStatusName,
                        MappingStatus::NotCheckable);
    out.reason = byName(m, "reason", reader::chipAuthenticationMappingReasonName,
                        MappingReason::EquationFails);
    out.keyId = optionalNumber(m, "key_id");
    return out;
}

// A data group is in the bundle, skipped by the card or left out by the caller, and named once:
// two entries would give two answers (read or withheld, and why) for one file.
void eachDataGroupOnce(const EvidenceBundle& bundle) {
    std::set<int> named;
    for (const auto& [dg, content] : bundle.readout.dataGroups) {
        named.insert(dg);
    }
    auto once = [&named](int dg) {
        if (!named.insert(dg).second) {
            malformed("DG" + std::to_string(dg) +
                      " is named twice in files, files_skipped and data_groups_left_out");
        }
    };
    for (const reader::SkippedFile& skipped : bundle.readout.skipped) {
        once(skipped.dataGroup);
    }
    for (int dg : bundle.leftOut) {
        once(dg);
    }
}

template <typename Result, typename Parse>
std::optional<Result> optionalFromJson(const json& object, const char* name, Parse parse) {
    const json& value = member(object, name);
    if (value.is_null()) {
        return std::nullopt;
    }
    return parse(value);
}

// Far above the few dozen values of a bundle. Each value costs memory well beyond its text
// (16 MiB of nested arrays took 1.6 GB), so the count bounds what a hostile text can make the
// parser build, however deep or wide, also under a member that is ignored afterwards.
constexpr std::size_t MaxJsonValues = 4096;

// JSON leaves duplicate member names to the reader; two spellings of one file in one bundle
// are refused rather than resolved.
json parseWithoutDuplicates(std::string_view text) {
    std::vector<std::set<std::string>> seen;
    std::size_t values = 0;
    auto callback = [&seen, &values](int, json::parse_event_t event, json& parsed) {
        bool startsValue = event == json::parse_event_t::object_start ||
                           event == json::parse_event_t::array_start ||
                           event == json::parse_event_t::value;
        if (startsValue && ++values > MaxJsonValues) {
            malformed("more values than a bundle holds");
        }
        if (event == json::parse_event_t::object_start) {
            seen.emplace_back();
        } else if (event == json::parse_event_t::object_end && !seen.empty()) {
            seen.pop_back();
        } else if (event == json::parse_event_t::key && !seen.empty() &&
                   !seen.back().insert(parsed.get<std::string>()).second) {
            malformed("a member name appears twice");
        }
        return true;
    };
    try {
        return json::parse(text.begin(), text.end(), callback);
    } catch (const json::exception&) {
        malformed("the text is not JSON");
    }
}

} // namespace

std::string serializeBundle(const EvidenceBundle& bundle) {
    const reader::CardReadout& r = bundle.readout;
    json skipped = json::array();
    for (const auto& s : r.skipped) {
        skipped.push_back({{"file", "DG" + std::to_string(s.dataGroup)}, {"reason", s.reason}});
    }
    json out = {
        {"format", BundleFormat},
        {"version", bundle.version},
        {"read_time", bundle.readTime},
        {"sdk_version", bundle.sdkVersion},
        {"atr", toBase64(r.atr)},
        {"access",
         {{"protocol", r.access.protocol},
          {"password", r.access.password},
          {"pace_protocol", r.access.paceProtocol},
          {"pace_parameter_id", optionalNumber(r.access.paceParameterId)},
          {"pace_explicit_domain_parameters", r.access.paceExplicitDomainParameters}}},
        {"files", filesToJson(r)},
        {"files_skipped", skipped},
        {"data_groups_left_out", bundle.leftOut},
        {"active_authentication", orNull(r.activeAuthentication)},
        {"chip_authentication", orNull(r.chipAuthentication)},
        {"chip_authentication_mapping", orNull(r.chipAuthenticationMapping)},
    };
    return out.dump(2) + "\n";
}

EvidenceBundle parseBundle(std::string_view textIn) {
    if (textIn.size() > MaxBundleSize) {
        malformed("larger than any card's files");
    }
    const json root = parseWithoutDuplicates(textIn);
    if (text(root, "format") != BundleFormat) {
        malformed("the format is not " + std::string(BundleFormat));
    }
    const json& version = member(root, "version");
    if (!version.is_number_integer()) {
        malformed("the version is not a number");
    }
    if (version.get<std::int64_t>() != BundleVersion) {
        throw Error(ErrorCode::NotSupported, "evidence bundle version " + version.dump() +
                                                 ": this SDK reads version " +
                                                 std::to_string(BundleVersion));
    }

    EvidenceBundle bundle;
    bundle.readTime = text(root, "read_time");
    bundle.sdkVersion = text(root, "sdk_version");
    reader::CardReadout& r = bundle.readout;
    r.atr = bytes(root, "atr");
    r.access = accessFromJson(member(root, "access"));
    filesFromJson(member(root, "files"), r);
    r.skipped = skippedFromJson(member(root, "files_skipped"));
    bundle.leftOut = dataGroupList(root, "data_groups_left_out");
    eachDataGroupOnce(bundle);
    r.activeAuthentication = optionalFromJson<verify::ActiveAuthenticationResult>(
        root, "active_authentication", activeAuthenticationFromJson);
    r.chipAuthentication = optionalFromJson<verify::ChipAuthenticationResult>(
        root, "chip_authentication", chipAuthenticationFromJson);
    r.chipAuthenticationMapping = optionalFromJson<reader::ChipAuthenticationMappingResult>(
        root, "chip_authentication_mapping", mappingFromJson);
    return bundle;
}

} // namespace cccd::evidence
