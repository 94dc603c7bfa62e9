/* The stable C interface of the CCCD SDK: reads a Vietnamese chip ID card (ICAO 9303) and
 * returns the citizen record and the verification report as UTF-8 JSON (docs/json-output.md).
 * This header is the only ABI promise of the SDK: C99, usable from C and C++.
 *
 * Handles are opaque: a context (trust store, read options), a session (one card) and a result
 * (one read). Every function that can fail returns a cccd_status; on failure
 * cccd_last_error_message() describes it on the calling thread, without personal data.
 *
 * Thread safety:
 * - Functions without a handle (cccd_version, cccd_status_name, cccd_last_error_message) may be
 *   called from any thread at any time.
 * - A context may be shared by sessions used on different threads. Its setters may run while
 *   sessions read: a read uses the trust store and options as they were when it started.
 * - A session is used by one thread at a time, except cccd_session_cancel(), which any thread
 *   may call while another reads.
 * - A result is immutable: any thread may read it; free it once.
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

/* The ABI version: the SONAME's number (libcccd.so.0). Bumped on any incompatible change. */
#define CCCD_ABI_VERSION 0

/* Numeric values are fixed: new codes are added, none is renumbered. 1 to 18 are the SDK's
 * error codes in their order; the names cccd_status_name() gives are those of the JSON output. */
typedef enum cccd_status {
    CCCD_OK = 0,
    CCCD_E_INVALID_ARGUMENT = 1,  /* the caller passed something unusable */
    CCCD_E_MALFORMED_DATA = 2,    /* bytes from the card or a file do not parse */
    CCCD_E_CRYPTO = 3,            /* a cryptographic operation failed */
    CCCD_E_NO_READER = 4,         /* no PC/SC reader is attached */
    CCCD_E_NO_CARD = 5,           /* the reader has no card */
    CCCD_E_CARD_REMOVED = 6,      /* the card left the field during the session */
    CCCD_E_READER_UNPLUGGED = 7,  /* the reader disappeared during the session */
    CCCD_E_SHARING_VIOLATION = 8, /* another application holds the card exclusively */
    CCCD_E_TRANSPORT = 9,         /* any other PC/SC or link failure */
    CCCD_E_CARD_STATUS = 10,      /* the card answered an unexpected status word */
    CCCD_E_ACCESS_DENIED = 11,    /* BAC or PACE failed: the key does not open this card */
    CCCD_E_SECURE_MESSAGING = 12, /* a protected response failed its checks */
    CCCD_E_FILE_NOT_FOUND = 13,   /* the card has no such file */
    CCCD_E_SECURITY_STATUS = 14,  /* the file needs more rights than the session has */
    CCCD_E_CANCELLED = 15,        /* cccd_session_cancel() stopped the read */
    CCCD_E_TIMEOUT = 16,          /* waiting for a reader or card took too long */
    CCCD_E_NOT_SUPPORTED = 17,    /* the card or reader asks for something the SDK lacks */
    CCCD_E_IO = 18,               /* a local file could not be read */
    CCCD_E_INTERNAL = 100,        /* a failure inside the SDK that has no code of its own */
    CCCD_E_BAD_HANDLE = 101       /* a NULL handle or output pointer */
} cccd_status;

/* Which protocols may open the chip. */
typedef enum cccd_access_policy {
    CCCD_ACCESS_AUTO = 0,         /* PACE when the card offers it, else BAC */
    CCCD_ACCESS_PACE_ONLY = 1,    /* PACE or nothing */
    CCCD_ACCESS_BAC_ONLY = 2,     /* BAC with the MRZ key */
    CCCD_ACCESS_PACE_THEN_BAC = 3 /* Auto, and BAC with the MRZ key when PACE fails */
} cccd_access_policy;

typedef enum cccd_log_level {
    CCCD_LOG_DEBUG = 0,
    CCCD_LOG_INFO = 1,
    CCCD_LOG_WARNING = 2,
    CCCD_LOG_ERROR = 3
} cccd_log_level;

typedef struct cccd_context cccd_context;
typedef struct cccd_session cccd_session;
typedef struct cccd_result cccd_result;

/* Called after every READ BINARY: `file` ("EF.COM", "DG2", ...) is valid during the call only;
 * `total_bytes` is 0 until the file's length is known; `sequence` counts the calls of one read
 * from 1. Runs on the reading thread; it may call cccd_session_cancel(). */
typedef void (*cccd_progress_fn)(void* user, const char* file, size_t bytes_read,
                                 size_t total_bytes, unsigned sequence);

/* Receives SDK messages: layer names and lengths, never personal data or keys. */
typedef void (*cccd_log_fn)(void* user, cccd_log_level level, const char* category,
                            const char* text);

/* "0.1.0": the library's version. */
CCCD_API const char* cccd_version(void);

/* The ABI version the library was built with; equal to CCCD_ABI_VERSION when the header and
 * the library agree. */
CCCD_API int cccd_abi_version(void);

/* A stable lower-case name ("ok", "access_denied", "bad_handle", ...); "unknown" for a value
 * outside the enumeration. Never NULL; static storage. */
CCCD_API const char* cccd_status_name(cccd_status status);

/* The message of the last call on this thread that returned a status other than CCCD_OK; ""
 * once such a call returned CCCD_OK. Valid until the next call on this thread. Never NULL, never
 * personal data. */
CCCD_API const char* cccd_last_error_message(void);

/* Installs the process-wide log sink (NULL removes it); messages below `minimum` are dropped. */
CCCD_API cccd_status cccd_set_log_sink(cccd_log_fn sink, void* user, cccd_log_level minimum);

/* --- Context ------------------------------------------------------------------------------ */

/* A context with an empty trust store, access policy AUTO, every data group, chip
 * authentication on. */
CCCD_API cccd_status cccd_context_new(cccd_context** out);

/* Frees the context; sessions opened with it keep what they need. NULL is ignored. */
CCCD_API void cccd_context_free(cccd_context* context);

/* Adds the SDK's built-in CSCA (the Vietnamese eID anchor) to the trust store. */
CCCD_API cccd_status cccd_context_add_default_anchor(cccd_context* context);

/* Adds a PEM or DER certificate file or an ICAO master list (UTF-8 path). */
CCCD_API cccd_status cccd_context_add_trust_file(cccd_context* context, const char* path);

/* Adds every .pem .crt .cer .der .ml .mls file of a directory (UTF-8 path). */
CCCD_API cccd_status cccd_context_add_trust_directory(cccd_context* context, const char* path);

CCCD_API cccd_status cccd_context_set_access_policy(cccd_context* context,
                                                    cccd_access_policy policy);

/* The data groups to read, 1 to 16; count 0 means every one the card lists. */
CCCD_API cccd_status cccd_context_set_data_groups(cccd_context* context, const int* groups,
                                                  size_t count);

/* Nonzero (the default): prove the chip after the read (Chip or Active Authentication). */
CCCD_API cccd_status cccd_context_set_authenticate_chip(cccd_context* context, int enabled);

/* --- Session ------------------------------------------------------------------------------ */

/* A session on the card in the PC/SC reader named `reader` (UTF-8), or in the first reader that
 * holds a card when `reader` is NULL. */
CCCD_API cccd_status cccd_session_open_pcsc(cccd_context* context, const char* reader,
                                            cccd_session** out);

/* Frees the session and wipes its access key. NULL is ignored. */
CCCD_API void cccd_session_free(cccd_session* session);

/* The MRZ key from its fields: document number, birth date YYMMDD, expiry date YYMMDD. */
CCCD_API cccd_status cccd_session_set_mrz_key(cccd_session* session, const char* document_number,
                                              const char* birth_date, const char* expiry_date);

/* The MRZ key from the whole machine readable zone (lines separated by a newline). */
CCCD_API cccd_status cccd_session_set_mrz(cccd_session* session, const char* mrz);

/* The card access number (6 to 10 digits) for PACE. */
CCCD_API cccd_status cccd_session_set_can(cccd_session* session, const char* can);

/* The 8-byte Active Authentication challenge, e.g. a server's nonce so that the chip's
 * signature proves this very read; NULL with size 0 returns to a random challenge. */
CCCD_API cccd_status cccd_session_set_aa_challenge(cccd_session* session, const uint8_t* challenge,
                                                   size_t size);

/* NULL removes the callback. */
CCCD_API cccd_status cccd_session_set_progress_callback(cccd_session* session,
                                                        cccd_progress_fn callback, void* user);

/* Reads the card with the key set, verifies it against the context's trust store and returns
 * the result (free it with cccd_result_free). A wrong key gives CCCD_E_ACCESS_DENIED. */
CCCD_API cccd_status cccd_session_read(cccd_session* session, cccd_result** out);

/* Stops the read running on the session (from any thread, or from the progress callback): it
 * returns CCCD_E_CANCELLED. When no read runs, the next read returns CCCD_E_CANCELLED at once. */
CCCD_API cccd_status cccd_session_cancel(cccd_session* session);

/* --- Result ------------------------------------------------------------------------------- */

/* Frees the result and wipes its personal data. NULL is ignored. */
CCCD_API void cccd_result_free(cccd_result* result);

/* The citizen record, the verification report and how the read went: UTF-8 JSON of
 * docs/json-output.md. Owned by the result; NULL for a NULL result. */
CCCD_API const char* cccd_result_json(const cccd_result* result);

/* The `verification` object of that JSON alone. Owned by the result; NULL for a NULL result. */
CCCD_API const char* cccd_result_verification_json(const cccd_result* result);

/* 1 when the data is the issuer's (the JSON's `verified`), 0 otherwise or for a NULL result. */
CCCD_API int cccd_result_verified(const cccd_result* result);

/* The portrait as stored on the card (JPEG or JPEG 2000; the JSON's `portrait` describes it).
 * Sets *data to bytes owned by the result and *size to their length; NULL and 0 when the card
 * gave none. */
CCCD_API cccd_status cccd_result_portrait(const cccd_result* result, const uint8_t** data,
                                          size_t* size);

#ifdef __cplusplus
}
#endif

#endif /* CCCD_CCCD_H */
