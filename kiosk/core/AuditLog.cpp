#include "kiosk/core/AuditLog.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/Error.h"
#include "crypto/Hash.h"
#include "crypto/Mac.h"
#include "crypto/Random.h"

namespace cccd::kiosk {

namespace {

constexpr std::size_t KeySize = 32;
const std::string GenesisHash(64, '0');

nlohmann::json withoutHash(const AuditRecord& r) {
    return {{"seq", r.sequence},           {"time", r.time},           {"counter", r.counterId},
            {"clerk", r.clerkId},          {"procedure", r.procedure}, {"outcome", r.outcome},
            {"fields_used", r.fieldsUsed}, {"id_hash", r.idHash},      {"prev", r.previousHash}};
}

// nlohmann::json keeps object keys sorted, so dump() is canonical.
std::string hashOf(const AuditRecord& r) {
    return toHex(crypto::sha256(toBytes(withoutHash(r).dump())));
}

AuditRecord parseRecord(const std::string& line) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) {
        throw Error(ErrorCode::MalformedData, "an audit line is not a JSON object");
    }
    try {
        AuditRecord r;
        r.sequence = j.at("seq").get<std::uint64_t>();
        r.time = j.at("time").get<std::string>();
        r.counterId = j.at("counter").get<std::string>();
        r.clerkId = j.at("clerk").get<std::string>();
        r.procedure = j.at("procedure").get<std::string>();
        r.outcome = j.at("outcome").get<std::string>();
        r.fieldsUsed = j.at("fields_used").get<std::vector<std::string>>();
        r.idHash = j.at("id_hash").get<std::string>();
        r.previousHash = j.at("prev").get<std::string>();
        r.hash = j.at("hash").get<std::string>();
        return r;
    } catch (const nlohmann::json::exception&) {
        throw Error(ErrorCode::MalformedData, "an audit line lacks a field or has a wrong type");
    }
}

struct Head {
    std::uint64_t records = 0;
    std::string lastHash = GenesisHash;
};

std::optional<Head> readHead(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) {
        return std::nullopt;
    }
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object() || !j.contains("records") || !j.contains("last_hash")) {
        return Head{static_cast<std::uint64_t>(-1), ""}; // unreadable: never matches
    }
    return Head{j["records"].get<std::uint64_t>(), j["last_hash"].get<std::string>()};
}

void writeHead(const std::filesystem::path& file, const Head& head) {
    std::filesystem::path temporary = file;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << nlohmann::json{{"records", head.records}, {"last_hash", head.lastHash}}.dump()
            << "\n";
        if (!out.flush()) {
            throw Error(ErrorCode::Io, "cannot write the audit head file");
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, file, ec);
    if (ec) {
        throw Error(ErrorCode::Io, "cannot replace the audit head file");
    }
}

} // namespace

AuditLog::AuditLog(std::filesystem::path file, SecureBytes idKey)
    : m_file(std::move(file)), m_idKey(std::move(idKey)) {
    if (m_idKey.size() < 16) {
        throw Error(ErrorCode::InvalidArgument, "the audit ID key needs at least 16 bytes");
    }
}

std::filesystem::path AuditLog::headFile(const std::filesystem::path& file) {
    std::filesystem::path head = file;
    head += ".head";
    return head;
}

std::string AuditLog::idHash(std::string_view idNumber) const {
    return toHex(crypto::hmacSha256(m_idKey.view(), toBytes(idNumber)));
}

AuditRecord AuditLog::append(const AuditEntry& entry) {
    Head head;
    std::vector<AuditRecord> existing = read(m_file);
    if (!existing.empty()) {
        head = {existing.back().sequence, existing.back().hash};
    }
    AuditRecord r;
    r.sequence = head.records + 1;
    r.time = entry.time;
    r.counterId = entry.counterId;
    r.clerkId = entry.clerkId;
    r.procedure = entry.procedure;
    r.outcome = entry.outcome;
    r.fieldsUsed = entry.fieldsUsed;
    r.idHash = entry.idNumber.empty() ? std::string() : idHash(entry.idNumber);
    r.previousHash = head.lastHash;
    r.hash = hashOf(r);

    nlohmann::json line = withoutHash(r);
    line["hash"] = r.hash;
    std::ofstream out(m_file, std::ios::app);
    out << line.dump() << "\n";
    if (!out.flush()) {
        throw Error(ErrorCode::Io, "cannot append to the audit log");
    }
    writeHead(headFile(m_file), {r.sequence, r.hash});
    return r;
}

std::vector<AuditRecord> AuditLog::read(const std::filesystem::path& file) {
    std::vector<AuditRecord> out;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty()) {
            out.push_back(parseRecord(line));
        }
    }
    return out;
}

AuditVerification AuditLog::verify(const std::filesystem::path& file) {
    AuditVerification v;
    std::ifstream in(file);
    if (!in) {
        v.problem = "missing";
        return v;
    }
    std::string previous = GenesisHash;
    std::uint64_t expected = 1;
    std::string line;
    std::size_t lineNumber = 0;
    auto fail = [&v, &lineNumber](std::string problem) {
        v.firstBadLine = lineNumber;
        v.problem = std::move(problem);
        return v;
    };
    while (std::getline(in, line)) {
        ++lineNumber;
        AuditRecord r;
        try {
            r = parseRecord(line);
        } catch (const Error&) {
            return fail("malformed");
        }
        if (hashOf(r) != r.hash) {
            return fail("edited");
        }
        if (r.previousHash != previous || r.sequence != expected) {
            return fail("removed or reordered");
        }
        previous = r.hash;
        ++expected;
        ++v.records;
    }
    std::optional<Head> head = readHead(headFile(file));
    if (head && (head->records != v.records || head->lastHash != previous)) {
        ++lineNumber;
        return fail("truncated");
    }
    v.intact = true;
    return v;
}

SecureBytes AuditLog::loadOrCreateKey(const std::filesystem::path& keyFile) {
    std::ifstream in(keyFile, std::ios::binary);
    if (in) {
        Bytes key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (key.size() != KeySize) {
            throw Error(ErrorCode::MalformedData, "the audit key file does not hold 32 bytes");
        }
        return SecureBytes(std::move(key));
    }
    Bytes key = crypto::randomBytes(KeySize);
    // Created owner-only from the start: no moment where another user could read it.
    int fd = ::open(keyFile.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) {
        throw Error(ErrorCode::Io, "cannot create the audit key file");
    }
    bool written = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size());
    written = ::fsync(fd) == 0 && written;
    ::close(fd);
    if (!written) {
        throw Error(ErrorCode::Io, "cannot write the audit key file");
    }
    return SecureBytes(std::move(key));
}

} // namespace cccd::kiosk
