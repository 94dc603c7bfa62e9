#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/Bytes.h"
#include "base/SecureBytes.h"

namespace cccd::emulator {

/// Who may read an elementary file.
enum class FileAccess {
    Always, ///< plain or protected, no authentication (EF.CardAccess)
    Bac,    ///< only under secure messaging, after BAC or PACE (the LDS files, ICAO 9303-11 §4.3)
    Eac,    ///< needs EAC Terminal Authentication, which this card does not offer: always 6982
};

struct ElementaryFile {
    std::uint16_t fid = 0;
    Bytes data;
    FileAccess access = FileAccess::Bac;
};

/// One PACE variant the card offers, as a PACEInfo of EF.CardAccess names it (ICAO 9303-11
/// §9.2.1): the protocol OID and the standardized domain parameters (§9.5.1).
struct PaceOption {
    std::string protocol;        ///< dotted OID, e.g. 0.4.0.127.0.7.2.2.4.2.2
    std::uint64_t parameterId{}; ///< 0-2 MODP groups, 8-18 elliptic curves: the group PACE uses
    /// Set: EF.CardAccess publishes the group of parameterId written out as explicit domain
    /// parameters in a PACEDomainParameterInfo under this proprietary ID (32 or more, §9.2.2),
    /// which the PACEInfo and DO 84 of MSE:Set AT then name instead of parameterId.
    std::optional<std::uint64_t> explicitParameterId{};

    /// The ID EF.CardAccess and MSE:Set AT use for this option.
    [[nodiscard]] std::uint64_t announcedParameterId() const {
        return explicitParameterId.value_or(parameterId);
    }

    friend bool operator==(const PaceOption&, const PaceOption&) = default;
};

/// The smallest proprietary domain parameter ID: 0-31 are the standardized ones and their
/// reserved neighbours (ICAO 9303-11 §9.5.1).
inline constexpr std::uint64_t FirstProprietaryParameterId = 32;

/// A Chip Authentication key besides the first one (ICAO 9303-11 §6.2: DG14 may list several,
/// each named by the keyId of its ChipAuthenticationInfo, and MSE:Set then needs the key
/// reference DO 84).
struct AdditionalChipAuthenticationKey {
    SecureBytes privateKeyPem; ///< PKCS#8 PEM
    std::uint64_t keyId = 0;
    std::string protocol; ///< its ChipAuthenticationInfo's protocol (dotted OID)
};

/// Everything that makes one card: its files, its access key, its keys and its quirks. Loaded
/// from the profile JSON that cccd-profile-gen writes (format in drivers/emulator/README.md).
struct CardProfile {
    std::string name;           ///< a label without personal data, used in logs
    Bytes atr;                  ///< contact ATR or PC/SC pseudo-ATR
    SecureBytes mrzInformation; ///< BAC password: document number, DOB, expiry with check digits
    SecureBytes can;            ///< PACE password (card access number, digits)
    /// The card offers BAC (needs mrzInformation). The JSON default is true when
    /// mrzInformation is set.
    bool bac = true;
    std::vector<PaceOption> pace; ///< PACE variants the card offers, in order of preference
    std::vector<ElementaryFile> masterFiles;      ///< EFs directly under the MF (EF.CardAccess)
    std::vector<ElementaryFile> applicationFiles; ///< EFs of the eMRTD application
    bool extendedLength = true;                   ///< accepts extended Lc/Le (else 6700)
    std::optional<std::uint16_t> selectMfStatus;  ///< set: SELECT MF answers this SW (VN: 6D00)
    /// SELECT of the eMRTD application in plain answers 6982: only after PACE, under secure
    /// messaging, is it selectable (the BSI TR-03105-5.1 §5.7 lower tester).
    bool applicationAfterPace = false;
    /// Set: a READ BINARY whose Le reaches past the end of the file answers this SW without
    /// data (a card that refuses out-of-range reads, BSI TR-03105-5.1 ISO7816_C_03/C_04),
    /// instead of the bytes up to the end with 6282.
    std::optional<std::uint16_t> readBeyondEndStatus;
    SecureBytes activeAuthenticationKeyPem; ///< PKCS#8 PEM, for Active Authentication
    /// Digest of Active Authentication signatures: "sha1" (default), "sha224", "sha256", ...
    std::string activeAuthenticationDigest = "sha1";
    SecureBytes chipAuthenticationKeyPem; ///< PKCS#8 PEM, for Chip Authentication and PACE-CAM
    std::optional<std::uint64_t> chipAuthenticationKeyId; ///< keyId of the CA key, if DG14 has one
    /// The ChipAuthenticationInfo protocol of DG14 (dotted OID); empty: no Chip Authentication.
    std::string chipAuthenticationProtocol;
    /// Further Chip Authentication keys; the first key then needs a keyId too.
    std::vector<AdditionalChipAuthenticationKey> additionalChipAuthenticationKeys;
    /// Faults the card is born with, one per entry in the control socket's `fault` syntax
    /// without the word "fault" (parseCommandFault in FaultPlan.h): a faulty persona as data.
    std::vector<std::string> faults;

    /// BAC is on offer: enabled and a password to derive its keys from.
    [[nodiscard]] bool offersBac() const { return bac && !mrzInformation.empty(); }
};

/// The default access of a file by FID: MF files are free, DG3/DG4 need EAC, the rest BAC.
[[nodiscard]] FileAccess defaultAccess(bool underMasterFile, std::uint16_t fid);

[[nodiscard]] std::string_view fileAccessName(FileAccess access);

/// Parses a profile JSON document; throws Error(MalformedData) with the offending key.
[[nodiscard]] CardProfile parseProfile(std::string_view json);

/// Reads and parses a profile file; throws Error(Io) when it cannot be read.
[[nodiscard]] CardProfile loadProfile(const std::filesystem::path& path);

/// Writes a profile as JSON (the inverse of parseProfile).
[[nodiscard]] std::string profileToJson(const CardProfile& profile);

} // namespace cccd::emulator
