/** \file
 * The stable C interface of the CCCD SDK: reads a Vietnamese chip ID card (ICAO 9303) and
 * returns the citizen record and the verification report as UTF-8 JSON (docs/json-output.md).
 * This header is the only ABI promise of the SDK: C99, usable from C and C++.
 *
 * Handles are opaque: a context (trust store, read options), a session (one card), a result
 * (one read) and a reader list. Every function that can fail returns a cccd_status; on failure
 * cccd_last_error_message() describes it on the calling thread, without personal data.
 *
 * Thread safety:
 * - Functions without a handle (cccd_version, cccd_status_name, cccd_last_error_message) may be
 *   called from any thread at any time.
 * - A context may be shared by sessions used on different threads. Its setters may run while
 *   sessions read: a read uses the trust store and options as they were when it started.
 * - A session is used by one thread at a time, except cccd_session_cancel(), which any thread
 *   may call while another reads.
 * - A result and a reader list are immutable: any thread may read them; free each once.
 * - cccd_list_readers() may be called from any thread at any time (it opens its own PC/SC
 *   context).
 * - The log sink is process-wide: it may be called from any thread that reads a card.
 */
#ifndef CCCD_CCCD_H
#define CCCD_CCCD_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define CCCD_API __declspec(dllexport)
#elif defined(__GNUC__)
#define CCCD_API __attribute__((visibility("default")))
#else
#define CCCD_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** The ABI version: the SONAME's number (libcccd.so.0). Bumped on any incompatible change. */
#define CCCD_ABI_VERSION 0

/** Numeric values are fixed: new codes are added, none is renumbered. 1 to 18 are the SDK's
 * error codes in their order; the names cccd_status_name() gives are those of the JSON output. */
typedef enum cccd_status {
    CCCD_OK = 0,                  /**< the call succeeded */
    CCCD_E_INVALID_ARGUMENT = 1,  /**< the caller passed something unusable */
    CCCD_E_MALFORMED_DATA = 2,    /**< bytes from the card or a file do not parse */
    CCCD_E_CRYPTO = 3,            /**< a cryptographic operation failed */
    CCCD_E_NO_READER = 4,         /**< no PC/SC reader is attached */
    CCCD_E_NO_CARD = 5,           /**< the reader has no card */
    CCCD_E_CARD_REMOVED = 6,      /**< the card left the field during the session */
    CCCD_E_READER_UNPLUGGED = 7,  /**< the reader disappeared during the session */
    CCCD_E_SHARING_VIOLATION = 8, /**< another application holds the card exclusively */
    CCCD_E_TRANSPORT = 9,         /**< any other PC/SC or link failure */
    CCCD_E_CARD_STATUS = 10,      /**< the card answered an unexpected status word */
    CCCD_E_ACCESS_DENIED = 11,    /**< BAC or PACE failed: the key does not open this card */
    CCCD_E_SECURE_MESSAGING = 12, /**< a protected response failed its checks */
    CCCD_E_FILE_NOT_FOUND = 13,   /**< the card has no such file */
    CCCD_E_SECURITY_STATUS = 14,  /**< the file needs more rights than the session has */
    CCCD_E_CANCELLED = 15,        /**< cccd_session_cancel() stopped the read */
    CCCD_E_TIMEOUT = 16,          /**< waiting for a reader or card took too long */
    CCCD_E_NOT_SUPPORTED = 17,    /**< the card or reader asks for something the SDK lacks */
    CCCD_E_IO = 18,               /**< a local file could not be read */
    CCCD_E_INTERNAL = 100,        /**< a failure inside the SDK that has no code of its own */
    CCCD_E_BAD_HANDLE = 101,      /**< a NULL handle or output pointer */
    /** Not a status (see CCCD_ACCESS_POLICY_FORCE_INT). */
    CCCD_STATUS_FORCE_INT = 0x7FFFFFFF
} cccd_status;

/** Which protocols may open the chip. */
typedef enum cccd_access_policy {
    CCCD_ACCESS_AUTO = 0,          /**< PACE when the card offers it, else BAC */
    CCCD_ACCESS_PACE_ONLY = 1,     /**< PACE or nothing */
    CCCD_ACCESS_BAC_ONLY = 2,      /**< BAC with the MRZ key */
    CCCD_ACCESS_PACE_THEN_BAC = 3, /**< Auto, and BAC with the MRZ key when PACE fails */
    /** Not a policy: it makes every int a value of the type, so that a value this library does
     * not know (from a newer header, or a binding passing an int) is answered with
     * CCCD_E_INVALID_ARGUMENT, not undefined behaviour in the library. */
    CCCD_ACCESS_POLICY_FORCE_INT = 0x7FFFFFFF
} cccd_access_policy;

/** The severity of a message given to the log sink. */
typedef enum cccd_log_level {
    CCCD_LOG_DEBUG = 0,   /**< protocol steps, file lengths, status words */
    CCCD_LOG_INFO = 1,    /**< a read's milestones */
    CCCD_LOG_WARNING = 2, /**< something unusual that the read survived */
    CCCD_LOG_ERROR = 3,   /**< a failure, as the status returned says */
    /** Not a level (see CCCD_ACCESS_POLICY_FORCE_INT). */
    CCCD_LOG_LEVEL_FORCE_INT = 0x7FFFFFFF
} cccd_log_level;

/** The trust store and the read options, shared by sessions. */
typedef struct cccd_context cccd_context;
/** One card in one reader, with its access key. */
typedef struct cccd_session cccd_session;
/** One read: the JSON and the portrait. */
typedef struct cccd_result cccd_result;
/** The PC/SC readers attached at one moment (cccd_list_readers()). */
typedef struct cccd_reader_list cccd_reader_list;

/** Called after every READ BINARY: `file` ("EF.COM", "DG2", ...) is valid during the call only;
 * `total_bytes` is 0 until the file's length is known; `sequence` counts the calls of one read
 * from 1. Runs on the reading thread; it may call cccd_session_cancel(). */
typedef void (*cccd_progress_fn)(void* user, const char* file, size_t bytes_read,
                                 size_t total_bytes, unsigned sequence);

/** Receives SDK messages: layer names and lengths, never personal data or keys. */
typedef void (*cccd_log_fn)(void* user, cccd_log_level level, const char* category,
                            const char* text);

/** "0.1.0": the library's version. */
CCCD_API const char* cccd_version(void);

/** The ABI version the library was built with; equal to CCCD_ABI_VERSION when the header and
 * the library agree. */
CCCD_API int cccd_abi_version(void);

/** A stable lower-case name ("ok", "access_denied", "bad_handle", ...); "unknown" for a value
 * outside the enumeration. Never NULL; static storage. */
CCCD_API const char* cccd_status_name(cccd_status status);

/** The message of the last call on this thread that returned a status other than CCCD_OK; ""
 * once such a call returned CCCD_OK. Valid until the next call on this thread. Never NULL, never
 * personal data. */
CCCD_API const char* cccd_last_error_message(void);

/** Installs the process-wide log sink (NULL removes it); messages below `minimum` are dropped. */
CCCD_API cccd_status cccd_set_log_sink(cccd_log_fn sink, void* user, cccd_log_level minimum);

/* --- Context ------------------------------------------------------------------------------ */

/** A context with an empty trust store, access policy AUTO, every data group, chip
 * authentication on. */
CCCD_API cccd_status cccd_context_new(cccd_context** out);

/** Frees the context; sessions opened with it keep what they need. NULL is ignored. */
CCCD_API void cccd_context_free(cccd_context* context);

/** Adds the SDK's built-in CSCA (the Vietnamese eID anchor) to the trust store. */
CCCD_API cccd_status cccd_context_add_default_anchor(cccd_context* context);

/** Adds a PEM or DER certificate file or an ICAO master list (UTF-8 path). */
CCCD_API cccd_status cccd_context_add_trust_file(cccd_context* context, const char* path);

/** Adds every .pem .crt .cer .der .ml .mls file of a directory (UTF-8 path). */
CCCD_API cccd_status cccd_context_add_trust_directory(cccd_context* context, const char* path);

/** Which protocols may open the chip (default CCCD_ACCESS_AUTO). */
CCCD_API cccd_status cccd_context_set_access_policy(cccd_context* context,
                                                    cccd_access_policy policy);

/** The data groups to read, 1 to 16; count 0 means every one the card lists. */
CCCD_API cccd_status cccd_context_set_data_groups(cccd_context* context, const int* groups,
                                                  size_t count);

/** Nonzero (the default): prove the chip after the read (Chip or Active Authentication). */
CCCD_API cccd_status cccd_context_set_authenticate_chip(cccd_context* context, int enabled);

/* --- Readers ------------------------------------------------------------------------------ */

/** The PC/SC readers attached now, in PC/SC's order, each with whether it holds a card. On
 * success *out is a list the caller frees with cccd_reader_list_free(); no reader gives an empty
 * list and CCCD_OK. CCCD_E_NO_READER when the PC/SC service does not run (on Linux: pcscd). */
CCCD_API cccd_status cccd_list_readers(cccd_reader_list** out);

/** NULL is ignored. */
CCCD_API void cccd_reader_list_free(cccd_reader_list* list);

/** The number of readers; 0 for a NULL list. */
CCCD_API size_t cccd_reader_list_count(const cccd_reader_list* list);

/** The name of reader `index` (UTF-8), as cccd_session_open_pcsc() takes it; owned by the list.
 * NULL for a NULL list or an index past the end. */
CCCD_API const char* cccd_reader_list_name(const cccd_reader_list* list, size_t index);

/** 1 when reader `index` held a card when the list was made, else 0. */
CCCD_API int cccd_reader_list_has_card(const cccd_reader_list* list, size_t index);

/* --- Session ------------------------------------------------------------------------------ */

/** A session on the card in the PC/SC reader named `reader` (UTF-8, a name of
 * cccd_list_readers()), or in the first reader that holds a card when `reader` is NULL. It does
 * not wait: CCCD_E_NO_CARD when that reader, or with NULL every reader, is empty;
 * CCCD_E_NO_READER when no reader has that name, when none is attached, or when the PC/SC service
 * does not run. The session holds the card until cccd_session_free(). */
CCCD_API cccd_status cccd_session_open_pcsc(cccd_context* context, const char* reader,
                                            cccd_session** out);

/** Frees the session and wipes its access key. NULL is ignored. */
CCCD_API void cccd_session_free(cccd_session* session);

/** The MRZ key from its fields: document number, birth date YYMMDD, expiry date YYMMDD. */
CCCD_API cccd_status cccd_session_set_mrz_key(cccd_session* session, const char* document_number,
                                              const char* birth_date, const char* expiry_date);

/** The MRZ key from the whole machine readable zone (lines separated by a newline). */
CCCD_API cccd_status cccd_session_set_mrz(cccd_session* session, const char* mrz);

/** The card access number (6 to 10 digits) for PACE. */
CCCD_API cccd_status cccd_session_set_can(cccd_session* session, const char* can);

/** The 8-byte Active Authentication challenge, e.g. a server's nonce so that the chip's
 * signature proves this very read; NULL with size 0 returns to a random challenge. */
CCCD_API cccd_status cccd_session_set_aa_challenge(cccd_session* session, const uint8_t* challenge,
                                                   size_t size);

/** NULL removes the callback. */
CCCD_API cccd_status cccd_session_set_progress_callback(cccd_session* session,
                                                        cccd_progress_fn callback, void* user);

/** Reads the card with the key set, verifies it against the context's trust store and returns
 * the result (free it with cccd_result_free). A wrong key gives CCCD_E_ACCESS_DENIED. */
CCCD_API cccd_status cccd_session_read(cccd_session* session, cccd_result** out);

/** Stops the read running on the session (from any thread, or from the progress callback): it
 * returns CCCD_E_CANCELLED. When no read runs, the next read returns CCCD_E_CANCELLED at once. */
CCCD_API cccd_status cccd_session_cancel(cccd_session* session);

/* --- Result ------------------------------------------------------------------------------- */

/** Frees the result and wipes its personal data. NULL is ignored. */
CCCD_API void cccd_result_free(cccd_result* result);

/** The citizen record, the verification report and how the read went: UTF-8 JSON of
 * docs/json-output.md. Owned by the result; NULL for a NULL result. */
CCCD_API const char* cccd_result_json(const cccd_result* result);

/** The `verification` object of that JSON alone. Owned by the result; NULL for a NULL result. */
CCCD_API const char* cccd_result_verification_json(const cccd_result* result);

/** 1 when the data is the issuer's (the JSON's `verified`), 0 otherwise or for a NULL result. */
CCCD_API int cccd_result_verified(const cccd_result* result);

/** Why the result is not verified, for a KYC decision without a JSON parser: the number of
 * problems, 0 exactly when cccd_result_verified() is 1 (and for a NULL result). Each problem is
 * reported once. The JSON's `verification` object holds the details. */
CCCD_API size_t cccd_result_problem_count(const cccd_result* result);

/** Problem `index` as a stable snake_case code, owned by the result; NULL for a NULL result or an
 * index past the end. New codes may be added; none is renamed. A caller that meets a code it
 * does not know treats it as a rejection. The codes, with the file cccd_result_problem_file()
 * names:
 *  no_data_group_read               the card gave no data group at all
 *  data_group_missing (DGn)         EF.SOD hashes DGn, which was asked for but not read (the
 *                                   card refused or lacks it)
 *  file_malformed (file)            a file read does not parse (DG13 excepted: its layout is the
 *                                   issuer's, and EF.SOD still covers its bytes)
 *  lds_version_invalid (EF.COM)     EF.COM's LDS or Unicode version is not one ICAO 9303 allows
 *  data_group_list_differs (EF.COM) EF.COM lists other data groups than EF.SOD hashes
 *  mrz_field_invalid (DG1)          a field of the chip's MRZ breaks the MRZ rules
 *  mrz_check_digit_wrong (DG1)      a check digit of the chip's MRZ is wrong
 *  mrz_differs_from_key (DG1)       the chip's MRZ is not the one the MRZ key was made from
 *  face_record_invalid (DG2)        the portrait's record departs from its standard
 *  security_object_malformed        EF.SOD or EF.CardSecurity does not parse
 *  security_object_unsupported      it uses an algorithm the SDK does not accept
 *  data_group_hash_mismatch (DGn)   DGn's hash differs from EF.SOD's: the data was changed
 *  data_group_not_signed (DGn)      DGn was read but EF.SOD holds no hash for it
 *  signer_certificate_not_found     the Document Signer certificate is neither in the signed
 *                                   object nor in the trust store
 *  signer_certificate_nonconforming the Document Signer certificate breaks the ICAO 9303-12
 *                                   profile
 *  signature_invalid                the Document Signer's signature does not verify
 *  certificate_chain_invalid        the CSCA's signature on the Document Signer does not verify
 *  issuer_unknown                   the signature verifies, but no CSCA of the trust store
 *                                   issued the signer: an untrusted signer (add the issuer's
 *                                   CSCA, e.g. cccd_context_add_default_anchor())
 *  signer_certificate_not_valid     the Document Signer certificate was expired or not yet
 *                                   valid when it signed
 *  csca_not_valid                   the CSCA was expired or not yet valid at that time
 *  passive_authentication_failed    Passive Authentication failed in a way not listed above
 *  (the eight codes from security_object_malformed are about the file named: EF.SOD or
 *  EF.CardSecurity)
 *  chip_possible_clone              Chip or Active Authentication failed: the files may be the
 *                                   issuer's, the chip serving them is not
 *  pace_info_differs (EF.CardAccess)   the PACE parameters used are not those DG14 signs
 *  card_access_differs (EF.CardAccess) EF.CardAccess is not what EF.CardSecurity signs
 *  not_verified                     not verified for a reason without a code of its own */
CCCD_API const char* cccd_result_problem(const cccd_result* result, size_t index);

/** The file problem `index` is about ("DG2", "EF.SOD", "EF.COM", ...), "" when it is about none;
 * owned by the result. NULL for a NULL result or an index past the end. */
CCCD_API const char* cccd_result_problem_file(const cccd_result* result, size_t index);

/** The portrait as stored on the card (JPEG or JPEG 2000; the JSON's `portrait` describes it).
 * Sets *data to bytes owned by the result and *size to their length; NULL and 0 when the card
 * gave none. */
CCCD_API cccd_status cccd_result_portrait(const cccd_result* result, const uint8_t** data,
                                          size_t* size);

/* --- Evidence bundle ---------------------------------------------------------------------- */

/** The evidence bundle of a read (docs/evidence-bundle.md): the raw files, how the chip was
 * opened, the chip's proofs and the time of the read, as UTF-8 JSON, for re-verification later
 * without the card. Never the access key nor a session key. `groups` and `count` choose the data
 * groups it keeps (e.g. 1, 13, 14, 15 without the portrait); count 0 keeps every one read; the
 * others are recorded as left out, and a re-verification reports them as not requested. Sets
 * *out to a NUL-terminated string that holds personal data: free it with cccd_bundle_free. */
CCCD_API cccd_status cccd_result_bundle(const cccd_result* result, const int* groups, size_t count,
                                        char** out);

/** Wipes and frees a string from cccd_result_bundle. NULL is ignored. */
CCCD_API void cccd_bundle_free(char* bundle);

/** Re-verifies a bundle (NUL-terminated UTF-8 JSON) without the card against the context's trust
 * store, into a result: cccd_result_json gives the JSON of a live read with a `reverification`
 * object saying how each chip check was re-done; cccd_result_verified and the other result
 * functions work as after a read. `challenge`: the 8-byte Active Authentication challenge the
 * server issued for the read, or NULL with size 0; a bundle whose chip did not sign it is not
 * verified. A malformed bundle gives CCCD_E_MALFORMED_DATA, another bundle version
 * CCCD_E_NOT_SUPPORTED. */
CCCD_API cccd_status cccd_bundle_reverify(cccd_context* context, const char* bundle,
                                          const uint8_t* challenge, size_t challenge_size,
                                          cccd_result** out);

#ifdef __cplusplus
}
#endif

#endif /* CCCD_CCCD_H */
