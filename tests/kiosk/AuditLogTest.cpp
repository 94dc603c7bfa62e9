// The hash-chained audit log: appends chain, and any edited, removed, reordered or cut-off
// record is found; the ID number never reaches the file.
#include "kiosk/core/AuditLog.h"

#include <fstream>

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "base/Error.h"

using namespace cccd;
using namespace cccd::kiosk;
namespace fs = std::filesystem;

namespace {

fs::path scratch() {
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    fs::path dir = fs::path(testing::TempDir()) / ("cccd-audit-" + std::string(info->name()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

SecureBytes testKey() {
    return SecureBytes(Bytes(32, 0x5A));
}

AuditEntry entry(int i) {
    return {"2026-12-04T0" + std::to_string(i % 10) + ":00:00Z",
            "counter-07",
            "clerk-12",
            i % 2 ? "ct01" : "",
            i % 3 ? "verified" : "access_denied",
            {"full_name", "date_of_birth"},
            "0010900123" + std::to_string(10 + i)};
}

fs::path logWith(const fs::path& dir, int count) {
    fs::path file = dir / "audit.jsonl";
    AuditLog log(file, testKey());
    for (int i = 0; i < count; ++i) {
        log.append(entry(i));
    }
    return file;
}

std::vector<std::string> lines(const fs::path& file) {
    std::vector<std::string> out;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
        out.push_back(line);
    }
    return out;
}

void writeLines(const fs::path& file, const std::vector<std::string>& content) {
    std::ofstream out(file, std::ios::trunc);
    for (const std::string& line : content) {
        out << line << "\n";
    }
}

} // namespace

TEST(AuditLogTest, AppendsAChainThatVerifies) {
    fs::path file = logWith(scratch(), 5);
    AuditVerification v = AuditLog::verify(file);
    EXPECT_TRUE(v.intact) << v.problem;
    EXPECT_EQ(v.records, 5u);
    std::vector<AuditRecord> records = AuditLog::read(file);
    ASSERT_EQ(records.size(), 5u);
    EXPECT_EQ(records[0].previousHash, std::string(64, '0'));
    for (std::size_t i = 1; i < records.size(); ++i) {
        EXPECT_EQ(records[i].previousHash, records[i - 1].hash);
        EXPECT_EQ(records[i].sequence, i + 1);
    }
}

TEST(AuditLogTest, TheIdNumberIsOnlyAKeyedHash) {
    fs::path dir = scratch();
    fs::path file = logWith(dir, 3);
    std::ifstream in(file);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(text.find(entry(i).idNumber), std::string::npos);
    }
    AuditLog log(file, testKey());
    EXPECT_EQ(AuditLog::read(file)[1].idHash, log.idHash(entry(1).idNumber));
    AuditLog otherKey(dir / "other.jsonl", SecureBytes(Bytes(32, 0x11)));
    EXPECT_NE(otherKey.idHash(entry(1).idNumber), log.idHash(entry(1).idNumber));
}

TEST(AuditLogTest, AnyEditIsDetected) {
    fs::path file = logWith(scratch(), 4);
    std::vector<std::string> original = lines(file);
    for (std::size_t line = 0; line < original.size(); ++line) {
        for (const char* from : {"verified", "clerk-12", "counter-07", "date_of_birth"}) {
            std::vector<std::string> edited = original;
            std::size_t at = edited[line].find(from);
            if (at == std::string::npos) {
                continue;
            }
            edited[line][at] = edited[line][at] == 'X' ? 'Y' : 'X';
            writeLines(file, edited);
            AuditVerification v = AuditLog::verify(file);
            EXPECT_FALSE(v.intact);
            EXPECT_EQ(v.firstBadLine, line + 1);
            EXPECT_EQ(v.problem, "edited");
        }
    }
}

TEST(AuditLogTest, RemovedOrReorderedRecordsAreDetected) {
    fs::path file = logWith(scratch(), 4);
    std::vector<std::string> original = lines(file);

    std::vector<std::string> removed = original;
    removed.erase(removed.begin() + 1);
    writeLines(file, removed);
    AuditVerification v = AuditLog::verify(file);
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.firstBadLine, 2u);
    EXPECT_EQ(v.problem, "removed or reordered");

    std::vector<std::string> swapped = original;
    std::swap(swapped[2], swapped[3]);
    writeLines(file, swapped);
    v = AuditLog::verify(file);
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.firstBadLine, 3u);

    std::vector<std::string> firstRemoved(original.begin() + 1, original.end());
    writeLines(file, firstRemoved);
    EXPECT_FALSE(AuditLog::verify(file).intact);
}

TEST(AuditLogTest, CuttingOffTheEndIsDetectedByTheHead) {
    fs::path file = logWith(scratch(), 4);
    std::vector<std::string> original = lines(file);
    writeLines(file, std::vector<std::string>(original.begin(), original.end() - 1));
    AuditVerification v = AuditLog::verify(file);
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.problem, "truncated");
}

TEST(AuditLogTest, ContinuesAnExistingLog) {
    fs::path dir = scratch();
    fs::path file = logWith(dir, 2);
    AuditLog again(file, testKey());
    AuditRecord third = again.append(entry(7));
    EXPECT_EQ(third.sequence, 3u);
    EXPECT_TRUE(AuditLog::verify(file).intact);
}

TEST(AuditLogTest, MalformedLinesAndMissingFiles) {
    fs::path dir = scratch();
    fs::path file = logWith(dir, 2);
    std::vector<std::string> content = lines(file);
    content[1] = "{not json";
    writeLines(file, content);
    AuditVerification v = AuditLog::verify(file);
    EXPECT_FALSE(v.intact);
    EXPECT_EQ(v.problem, "malformed");
    EXPECT_EQ(AuditLog::verify(dir / "absent.jsonl").problem, "missing");
    AuditLog log(file, testKey());
    EXPECT_THROW(log.append(entry(3)), Error);
}

TEST(AuditLogTest, KeyFileIsCreatedOwnerOnlyAndReused) {
    fs::path keyFile = scratch() / "audit.key";
    SecureBytes first = AuditLog::loadOrCreateKey(keyFile);
    EXPECT_EQ(first.size(), 32u);

    struct stat info {};

    ASSERT_EQ(::stat(keyFile.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    SecureBytes again = AuditLog::loadOrCreateKey(keyFile);
    EXPECT_EQ(Bytes(first.view().begin(), first.view().end()),
              Bytes(again.view().begin(), again.view().end()));
}

TEST(AuditLogTest, KeyFileIsOwnerOnlyWhateverTheUmask) {
    fs::path dir = scratch();
    ::mode_t previous = ::umask(0);
    SecureBytes key = AuditLog::loadOrCreateKey(dir / "audit.key");
    ::umask(previous);
    EXPECT_EQ(key.size(), 32u);

    struct stat info {};

    ASSERT_EQ(::stat((dir / "audit.key").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
}

TEST(AuditLogTest, UnusableKeyFilesAreTypedErrors) {
    fs::path dir = scratch();
    try {
        (void)AuditLog::loadOrCreateKey(dir / "absent-folder" / "audit.key");
        FAIL() << "expected an Error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::Io);
    }
    std::ofstream(dir / "short.key") << "too short";
    try {
        (void)AuditLog::loadOrCreateKey(dir / "short.key");
        FAIL() << "expected an Error";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::MalformedData);
    }
}
