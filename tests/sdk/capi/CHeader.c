/* cccd.h compiled as C99: every type and function of the header used from C, against
 * libcccd.so. Returns how many checks failed, 0 when all passed. */
#include "CHeader.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cccd/cccd.h"

static void ignoreProgress(void* user, const char* file, size_t bytes_read, size_t total_bytes,
                           unsigned sequence) {
    (void)user;
    (void)file;
    (void)bytes_read;
    (void)total_bytes;
    (void)sequence;
}

static void ignoreLog(void* user, cccd_log_level level, const char* category, const char* text) {
    (void)user;
    (void)level;
    (void)category;
    (void)text;
}

int capi_c_failed_checks(void) {
    int failed = 0;
    cccd_context* context = NULL;
    cccd_session* session = NULL;
    cccd_result* result = NULL;
    cccd_reader_list* readers = NULL;
    const uint8_t* portrait = NULL;
    size_t portraitSize = 0;
    const uint8_t challenge[8] = {0};
    const int groups[2] = {1, 2};
    cccd_progress_fn progress = ignoreProgress;
    cccd_access_policy policy = CCCD_ACCESS_PACE_THEN_BAC;

    failed += strcmp(cccd_version(), "0.1.0") != 0;
    failed += cccd_abi_version() != CCCD_ABI_VERSION;
    failed += strcmp(cccd_status_name(CCCD_E_NO_CARD), "no_card") != 0;
    failed += cccd_set_log_sink(ignoreLog, NULL, CCCD_LOG_WARNING) != CCCD_OK;
    failed += cccd_set_log_sink(NULL, NULL, CCCD_LOG_INFO) != CCCD_OK;

    failed += cccd_session_read(session, &result) != CCCD_E_BAD_HANDLE;
    failed += strlen(cccd_last_error_message()) == 0;
    failed += cccd_session_set_progress_callback(session, progress, NULL) != CCCD_E_BAD_HANDLE;
    failed += cccd_session_set_aa_challenge(session, challenge, 8) != CCCD_E_BAD_HANDLE;
    failed += cccd_session_cancel(session) != CCCD_E_BAD_HANDLE;
    failed += cccd_result_portrait(result, &portrait, &portraitSize) != CCCD_E_BAD_HANDLE;
    failed += cccd_result_json(result) != NULL;
    failed += cccd_result_problem_count(result) != 0;
    failed += cccd_result_problem(result, 0) != NULL;
    failed += cccd_result_problem_file(result, 0) != NULL;
    failed += cccd_list_readers(NULL) != CCCD_E_BAD_HANDLE;
    failed += cccd_reader_list_count(readers) != 0;
    failed += cccd_reader_list_name(readers, 0) != NULL;
    failed += cccd_reader_list_has_card(readers, 0) != 0;
    cccd_reader_list_free(readers);
    cccd_result_free(result);
    cccd_session_free(session);

    failed += cccd_context_new(&context) != CCCD_OK;
    failed += strlen(cccd_last_error_message()) != 0;
    failed += cccd_context_set_access_policy(context, policy) != CCCD_OK;
    failed += cccd_context_set_data_groups(context, groups, 2) != CCCD_OK;
    failed += cccd_context_set_authenticate_chip(context, 0) != CCCD_OK;
    failed += cccd_context_add_trust_file(context, "/nonexistent.pem") != CCCD_E_IO;
    cccd_context_free(context);
    return failed;
}
