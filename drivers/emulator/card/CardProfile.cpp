#include "emulator/card/CardProfile.h"

#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/Error.h"
#include "emulator/card/FaultPlan.h"
#include "emulator/card/PaceProtocol.h"

namespace cccd::emulator {

namespace {

using nlohmann::json;

constexpr std::string_view FormatName = "cccd-emulator-profile/1";

[[noreturn]] void malformed(const std::string& what) {
    throw Error(ErrorCode::MalformedData, "card profile: " + what);
}

std::uint16_t parseFid(const std::string& key) {
    Bytes fid;
    try {
        fid = fromHex(key);
    } catch (const Error&) {
        malformed("file id '" + key + "' is not hex");
    }
    if (fid.size() != 2) {
        malformed("file id '" + key + "' is not two bytes");
    }
    return static_cast<std::uint16_t>((fid[0] << 8) | fid[1]);
}

FileAccess parseAccess(const std::string& name) {
    if (name == "always") {
        return FileAccess::Always;
    }
    if (name == "bac") {
        return FileAccess::Bac;
    }
    if (name == "eac") {
        return FileAccess::Eac;
    }
    malformed("unknown file access '" + name + "'");
}

// A file is either "FID": "hex" (default access) or "FID": {"data": "hex", "access": "..."}.
std::vector<ElementaryFile> parseFiles(const json& files, bool underMasterFile) {
    std::vector<ElementaryFile> out;
    if (files.is_null()) {
        return out;
    }
    if (!files.is_object()) {
        malformed("files must be an object keyed by FID");
    }
    for (const auto& [key, value] : files.items()) {
        ElementaryFile ef;
        ef.fid = parseFid(key);
        ef.access = defaultAccess(underMasterFile, ef.fid);
        if (value.is_string()) {
            ef.data = fromHex(value.get<std::string>());
        } else if (value.is_object() && value.contains("data")) {
            ef.data = fromHex(value.at("data").get<std::string>());
            if (value.contains("access")) {
                ef.access = parseAccess(value.at("access").get<std::string>());
            }
        } else {
            malformed("file " + key + " has no data");
        }
        out.push_back(std::move(ef));
    }
    return out;
}

SecureBytes secretString(const json& object, const char* key) {
    if (!object.contains(key) || object.at(key).is_null()) {
        return {};
    }
    return SecureBytes(toBytes(object.at(key).get<std::string>()));
}

std::uint64_t unsignedNumber(const json& value, const char* key) {
    if (!value.is_number_unsigned()) {
        malformed(std::string(key) + " must be a non-negative integer");
    }
    return value.get<std::uint64_t>();
}

bool standardizedParameterId(std::uint64_t id) {
    return id <= 2 || (id >= 8 && id <= 18); // ICAO 9303-11 §9.5.1
}

// "pace": [{"protocol": "0.4.0.127.0.7.2.2.4.2.2", "parameterId": 13}, ...]
std::vector<PaceOption> parsePace(const json& list) {
    std::vector<PaceOption> out;
    if (list.is_null()) {
        return out;
    }
    if (!list.is_array()) {
        malformed("pace must be a list");
    }
    for (const json& entry : list) {
        PaceOption option;
        option.protocol = entry.at("protocol").get<std::string>();
        option.parameterId = unsignedNumber(entry.at("parameterId"), "parameterId");
        std::optional<PaceProtocol> protocol = PaceProtocol::fromOid(option.protocol);
        if (!protocol) {
            malformed("unknown PACE protocol " + option.protocol);
        }
        if (!standardizedParameterId(option.parameterId)) {
            malformed("PACE parameterId " + std::to_string(option.parameterId) +
                      " is not a standardized domain parameter");
        }
        bool dhGroup = option.parameterId <= 2;
        if (dhGroup != (protocol->agreement == PaceAgreement::Dh)) {
            malformed("PACE protocol " + option.protocol + " does not run on parameterId " +
                      std::to_string(option.parameterId));
        }
        if (entry.contains("explicitParameterId") && !entry.at("explicitParameterId").is_null()) {
            option.explicitParameterId =
                unsignedNumber(entry.at("explicitParameterId"), "explicitParameterId");
            if (*option.explicitParameterId < FirstProprietaryParameterId) {
                malformed("PACE explicitParameterId must be 32 or more");
            }
        }
        out.push_back(std::move(option));
    }
    return out;
}

json paceToJson(const std::vector<PaceOption>& options) {
    json out = json::array();
    for (const PaceOption& option : options) {
        json entry = {{"protocol", option.protocol}, {"parameterId", option.parameterId}};
        if (option.explicitParameterId) {
            entry["explicitParameterId"] = *option.explicitParameterId;
        }
        out.push_back(std::move(entry));
    }
    return out;
}

bool knownDigest(const std::string& name) {
    return name == "sha1" || name == "sha224" || name == "sha256" || name == "sha384" ||
           name == "sha512";
}

std::string fidKey(std::uint16_t fid) {
    Bytes b{static_cast<std::uint8_t>(fid >> 8), static_cast<std::uint8_t>(fid & 0xFF)};
    return toHex(b);
}

json filesToJson(const std::vector<ElementaryFile>& files, bool underMasterFile) {
    json out = json::object();
    for (const auto& ef : files) {
        if (ef.access == defaultAccess(underMasterFile, ef.fid)) {
            out[fidKey(ef.fid)] = toHex(ef.data);
        } else {
            out[fidKey(ef.fid)] = {{"data", toHex(ef.data)},
                                   {"access", std::string(fileAccessName(ef.access))}};
        }
    }
    return out;
}

std::string secretToString(const SecureBytes& secret) {
    return std::string(secret.view().begin(), secret.view().end());
}

// "additionalChipAuthenticationKeys": [{"privateKey": PEM, "keyId": 2, "protocol": OID}, ...]
std::vector<AdditionalChipAuthenticationKey> parseAdditionalKeys(const json& list) {
    std::vector<AdditionalChipAuthenticationKey> out;
    if (list.is_null()) {
        return out;
    }
    if (!list.is_array()) {
        malformed("additionalChipAuthenticationKeys must be a list");
    }
    for (const json& entry : list) {
        AdditionalChipAuthenticationKey key;
        key.privateKeyPem = secretString(entry, "privateKey");
        key.keyId = unsignedNumber(entry.at("keyId"), "keyId");
        key.protocol = entry.at("protocol").get<std::string>();
        if (key.privateKeyPem.empty()) {
            malformed("an additional Chip Authentication key needs privateKey");
        }
        out.push_back(std::move(key));
    }
    return out;
}

json additionalKeysToJson(const std::vector<AdditionalChipAuthenticationKey>& keys) {
    json out = json::array();
    for (const AdditionalChipAuthenticationKey& key : keys) {
        out.push_back({{"privateKey", secretToString(key.privateKeyPem)},
                       {"keyId", key.keyId},
                       {"protocol", key.protocol}});
    }
    return out;
}

} // namespace

FileAccess defaultAccess(bool underMasterFile, std::uint16_t fid) {
    if (underMasterFile) {
        return FileAccess::Always;
    }
    // DG3 (fingerprints) and DG4 (iris) are EAC-protected (ICAO 9303-11 §7.1, cccd.md §1.2).
    if (fid == 0x0103 || fid == 0x0104) {
        return FileAccess::Eac;
    }
    return FileAccess::Bac;
}

std::string_view fileAccessName(FileAccess access) {
    switch (access) {
    case FileAccess::Always:
        return "always";
    case FileAccess::Bac:
        return "bac";
    case FileAccess::Eac:
        return "eac";
    }
    return "bac";
}

CardProfile parseProfile(std::string_view text) {
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::exception& e) {
        malformed(std::string("not JSON: ") + e.what());
    }
    try {
        if (doc.value("format", std::string()) != FormatName) {
            malformed("format must be \"" + std::string(FormatName) + "\"");
        }
        CardProfile profile;
        profile.name = doc.value("name", std::string("unnamed"));
        profile.atr = fromHex(doc.at("atr").get<std::string>());

        const json& access = doc.at("access");
        profile.mrzInformation = secretString(access, "mrzInformation");
        profile.can = secretString(access, "can");
        profile.bac = access.value("bac", !profile.mrzInformation.empty());
        if (profile.bac && profile.mrzInformation.empty()) {
            malformed("bac needs access.mrzInformation");
        }
        profile.pace = parsePace(access.value("pace", json()));
        if (!profile.pace.empty() && profile.mrzInformation.empty() && profile.can.empty()) {
            malformed("pace needs access.mrzInformation or access.can");
        }

        profile.masterFiles = parseFiles(doc.value("masterFile", json()), true);
        profile.applicationFiles = parseFiles(doc.value("application", json()), false);

        json flags = doc.value("flags", json::object());
        profile.extendedLength = flags.value("extendedLength", true);
        profile.applicationAfterPace = flags.value("applicationAfterPace", false);
        if (flags.contains("selectMfStatus") && !flags.at("selectMfStatus").is_null()) {
            profile.selectMfStatus = parseFid(flags.at("selectMfStatus").get<std::string>());
        }
        if (flags.contains("readBeyondEndStatus") && !flags.at("readBeyondEndStatus").is_null()) {
            profile.readBeyondEndStatus =
                parseFid(flags.at("readBeyondEndStatus").get<std::string>());
        }

        json keys = doc.value("keys", json::object());
        profile.activeAuthenticationKeyPem = secretString(keys, "activeAuthenticationPrivateKey");
        profile.chipAuthenticationKeyPem = secretString(keys, "chipAuthenticationPrivateKey");
        profile.activeAuthenticationDigest =
            keys.value("activeAuthenticationDigest", std::string("sha1"));
        if (!knownDigest(profile.activeAuthenticationDigest)) {
            malformed("unknown activeAuthenticationDigest '" + profile.activeAuthenticationDigest +
                      "'");
        }
        profile.chipAuthenticationProtocol =
            keys.value("chipAuthenticationProtocol", std::string());
        if (keys.contains("chipAuthenticationKeyId") &&
            !keys.at("chipAuthenticationKeyId").is_null()) {
            profile.chipAuthenticationKeyId =
                unsignedNumber(keys.at("chipAuthenticationKeyId"), "chipAuthenticationKeyId");
        }
        profile.additionalChipAuthenticationKeys =
            parseAdditionalKeys(keys.value("additionalChipAuthenticationKeys", json()));
        if (!profile.additionalChipAuthenticationKeys.empty() && !profile.chipAuthenticationKeyId) {
            malformed("several Chip Authentication keys need chipAuthenticationKeyId");
        }
        for (const json& fault : doc.value("faults", json::array())) {
            std::string line = fault.get<std::string>();
            std::variant<CommandFault, std::string> parsed = parseCommandFault(line);
            if (const auto* error = std::get_if<std::string>(&parsed)) {
                malformed("fault '" + line + "': " + *error);
            }
            profile.faults.push_back(std::move(line));
        }
        return profile;
    } catch (const json::exception& e) {
        malformed(std::string("missing or mistyped key: ") + e.what());
    }
}

CardProfile loadProfile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ErrorCode::Io, "cannot read card profile " + path.string());
    }
    std::stringstream text;
    text << in.rdbuf();
    return parseProfile(text.str());
}

std::string profileToJson(const CardProfile& profile) {
    json doc;
    doc["format"] = FormatName;
    doc["name"] = profile.name;
    doc["atr"] = toHex(profile.atr);
    doc["access"] = {{"mrzInformation", secretToString(profile.mrzInformation)},
                     {"can", secretToString(profile.can)},
                     {"bac", profile.offersBac()},
                     {"pace", paceToJson(profile.pace)}};
    doc["flags"] = {{"extendedLength", profile.extendedLength}};
    if (profile.applicationAfterPace) {
        doc["flags"]["applicationAfterPace"] = true;
    }
    if (profile.selectMfStatus) {
        doc["flags"]["selectMfStatus"] = fidKey(*profile.selectMfStatus);
    }
    if (profile.readBeyondEndStatus) {
        doc["flags"]["readBeyondEndStatus"] = fidKey(*profile.readBeyondEndStatus);
    }
    if (!profile.faults.empty()) {
        doc["faults"] = profile.faults;
    }
    doc["masterFile"] = filesToJson(profile.masterFiles, true);
    doc["application"] = filesToJson(profile.applicationFiles, false);
    json keys = json::object();
    if (!profile.activeAuthenticationKeyPem.empty()) {
        keys["activeAuthenticationPrivateKey"] = secretToString(profile.activeAuthenticationKeyPem);
    }
    if (!profile.chipAuthenticationKeyPem.empty()) {
        keys["chipAuthenticationPrivateKey"] = secretToString(profile.chipAuthenticationKeyPem);
    }
    if (!profile.activeAuthenticationKeyPem.empty() ||
        profile.activeAuthenticationDigest != "sha1") {
        keys["activeAuthenticationDigest"] = profile.activeAuthenticationDigest;
    }
    if (profile.chipAuthenticationKeyId) {
        keys["chipAuthenticationKeyId"] = *profile.chipAuthenticationKeyId;
    }
    if (!profile.chipAuthenticationProtocol.empty()) {
        keys["chipAuthenticationProtocol"] = profile.chipAuthenticationProtocol;
    }
    if (!profile.additionalChipAuthenticationKeys.empty()) {
        keys["additionalChipAuthenticationKeys"] =
            additionalKeysToJson(profile.additionalChipAuthenticationKeys);
    }
    doc["keys"] = keys;
    return doc.dump(2) + "\n";
}

namespace {

bool parseUnsigned(std::string_view text, std::size_t& value, int base = 10) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    return !text.empty() && ec == std::errc() && end == text.data() + text.size();
}

bool parseHexWord(std::string_view text, std::size_t digits, std::size_t& value) {
    return text.size() == digits && parseUnsigned(text, value, 16);
}

// The words of a fault, split into positional arguments and name=value options.
struct FaultWords {
    std::vector<std::string> arguments;
    std::vector<std::pair<std::string, std::string>> options;
};

FaultWords splitFault(std::string_view text) {
    FaultWords out;
    std::istringstream in{std::string(text)};
    for (std::string word; in >> word;) {
        std::size_t equals = word.find('=');
        if (equals == std::string::npos && word != "always") {
            out.arguments.push_back(word);
        } else if (equals == std::string::npos) {
            out.options.emplace_back(word, "");
        } else {
            out.options.emplace_back(word.substr(0, equals), word.substr(equals + 1));
        }
    }
    return out;
}

std::optional<std::string> parseTrigger(const FaultWords& words, FaultTrigger& when) {
    for (const auto& [name, value] : words.options) {
        std::size_t number = 0;
        if (name == "always") {
            when.always = true;
        } else if (name == "at" && parseUnsigned(value, number) && number > 0) {
            when.commandNumber = number;
        } else if (name == "ins" && parseHexWord(value, 2, number)) {
            when.ins = static_cast<std::uint8_t>(number);
        } else if (name == "fid" && parseHexWord(value, 4, number)) {
            when.fid = static_cast<std::uint16_t>(number);
        } else {
            return "bad option '" + name + "'";
        }
    }
    return std::nullopt;
}

} // namespace

std::variant<CommandFault, std::string> parseCommandFault(std::string_view text) {
    using Kind = CommandFault::Kind;
    FaultWords words = splitFault(text);
    if (words.arguments.empty()) {
        return std::string("a fault needs a kind");
    }
    CommandFault fault;
    if (std::optional<std::string> error = parseTrigger(words, fault.when)) {
        return *error;
    }
    const std::string kind = words.arguments[0];
    const std::vector<std::string> args(words.arguments.begin() + 1, words.arguments.end());
    std::size_t number = 0;
    bool ok = true;
    // Kinds with no argument, one required count, or an optional count or status word.
    static const std::pair<const char*, Kind> plain[] = {
        {"skip-ssc", Kind::SkipSsc},
        {"repeat-ssc", Kind::RepeatSsc},
        {"remove", Kind::Remove},
        {"corrupt-mac", Kind::CorruptMac},
        {"corrupt-cryptogram", Kind::CorruptCryptogram}};
    static const std::pair<const char*, Kind> counted[] = {{"truncate", Kind::Truncate},
                                                           {"extend", Kind::Extend},
                                                           {"chain", Kind::Chain},
                                                           {"delay", Kind::Delay}};
    static const std::pair<const char*, Kind> optionalCount[] = {{"wrong-le", Kind::WrongLe},
                                                                 {"early-end", Kind::EarlyEnd}};
    static const std::pair<const char*, Kind> optionalSw[] = {{"status-only", Kind::StatusOnly},
                                                              {"reset", Kind::Reset}};
    auto find = [&kind](const auto& table) -> std::optional<Kind> {
        for (const auto& [name, value] : table) {
            if (kind == name) {
                return value;
            }
        }
        return std::nullopt;
    };
    if (std::optional<Kind> simple = find(plain)) {
        fault.kind = *simple;
        ok = args.empty();
    } else if (std::optional<Kind> withCount = find(counted)) {
        fault.kind = *withCount;
        ok = args.size() == 1 && parseUnsigned(args[0], fault.count);
        fault.hasCount = true;
    } else if (std::optional<Kind> maybeCount = find(optionalCount)) {
        fault.kind = *maybeCount;
        fault.hasCount = args.size() == 1;
        ok = args.empty() || (args.size() == 1 && parseUnsigned(args[0], fault.count));
    } else if (std::optional<Kind> maybeSw = find(optionalSw)) {
        fault.kind = *maybeSw;
        ok = args.empty() || (args.size() == 1 && parseHexWord(args[0], 4, number));
        if (ok && !args.empty()) {
            fault.statusWord = static_cast<std::uint16_t>(number);
        }
    } else if (kind == "drop-do") {
        fault.kind = Kind::DropObject;
        ok = args.size() == 1 && parseHexWord(args[0], 2, number) &&
             (number == 0x87 || number == 0x99 || number == 0x8E);
        fault.tag = static_cast<std::uint8_t>(number);
    } else if (kind == "garbage") {
        fault.kind = Kind::Garbage;
        fault.count = 16;
        if (args.size() == 1 && args[0].rfind("hex:", 0) == 0) {
            try {
                fault.bytes = fromHex(args[0].substr(4));
            } catch (const Error&) {
                ok = false;
            }
            ok = ok && !fault.bytes.empty();
        } else {
            ok = args.empty() || (args.size() == 1 && parseUnsigned(args[0], fault.count));
        }
    } else if (kind == "tlv-length" || kind == "oversize-length") {
        bool tlv = kind == "tlv-length";
        fault.kind = tlv ? Kind::TlvLength : Kind::OversizeLength;
        ok = args.size() == (tlv ? 3u : 2u) && parseHexWord(args[0], 4, number) &&
             parseUnsigned(args[1], fault.offset);
        fault.fid = static_cast<std::uint16_t>(number);
        if (ok && tlv) {
            std::string_view delta = args[2];
            bool negative = !delta.empty() && delta[0] == '-';
            if (!delta.empty() && (delta[0] == '-' || delta[0] == '+')) {
                delta.remove_prefix(1);
            }
            ok = parseUnsigned(delta, number) && number > 0 && number < 256;
            fault.delta = negative ? -static_cast<int>(number) : static_cast<int>(number);
        }
    } else {
        return "unknown fault '" + kind + "'";
    }
    if (!ok) {
        return "bad arguments for fault '" + kind + "'";
    }
    return fault;
}

} // namespace cccd::emulator
