/* kyc-check: reads the chip of the ID card in the first reader that holds one, and decides
 * whether a bank may accept the identity it holds.
 *
 *   kyc-check [--trust FILE] --can CAN
 *   kyc-check [--trust FILE] --mrz DOCUMENT_NUMBER BIRTH_DATE EXPIRY_DATE   (dates YYMMDD)
 *
 * The card is trusted when its data is signed by a CSCA the reader trusts: the SDK's built-in
 * Vietnamese anchor, plus any --trust certificate. Prints "accept", or "reject" and one line per
 * reason (a problem code of cccd.h and the file it concerns).
 * Exit status: 0 accept, 1 reject, 2 usage, 3 the card could not be read. */
#include <stdio.h>
#include <string.h>

#include "cccd/cccd.h"

enum { ExitAccept = 0, ExitReject = 1, ExitUsage = 2, ExitReadError = 3 };

struct arguments {
    const char* trust;
    const char* can;
    const char* mrz[3];
};

static int usage(void) {
    fprintf(stderr, "usage: kyc-check [--trust FILE] --can CAN\n"
                    "       kyc-check [--trust FILE] --mrz DOCUMENT_NUMBER BIRTH_DATE "
                    "EXPIRY_DATE\n");
    return ExitUsage;
}

/* 1 when the command line names exactly one key. */
static int parse(int argc, char** argv, struct arguments* args) {
    int i;
    memset(args, 0, sizeof *args);
    for (i = 1; i < argc; ++i) {
        if (strcmp(argv[i], "--trust") == 0 && i + 1 < argc) {
            args->trust = argv[++i];
        } else if (strcmp(argv[i], "--can") == 0 && i + 1 < argc) {
            args->can = argv[++i];
        } else if (strcmp(argv[i], "--mrz") == 0 && i + 3 < argc) {
            args->mrz[0] = argv[++i];
            args->mrz[1] = argv[++i];
            args->mrz[2] = argv[++i];
        } else {
            return 0;
        }
    }
    return (args->can != NULL) != (args->mrz[0] != NULL);
}

/* Reports a failed call: the step, the library's message and the status name. */
static int report(const char* step, cccd_status status) {
    fprintf(stderr, "%s: %s (%s)\n", step, cccd_last_error_message(), cccd_status_name(status));
    return 0;
}

static int ok(const char* step, cccd_status status) {
    return status == CCCD_OK ? 1 : report(step, status);
}

/* The decision: accept only a verified result; else every reason, one per line. */
static int decide(const cccd_result* result) {
    size_t i;
    if (cccd_result_verified(result)) {
        printf("accept\n");
        return ExitAccept;
    }
    printf("reject\n");
    for (i = 0; i < cccd_result_problem_count(result); ++i) {
        const char* file = cccd_result_problem_file(result, i);
        printf("reason: %s%s%s\n", cccd_result_problem(result, i), file[0] ? " " : "", file);
    }
    return ExitReject;
}

/* Opens the card in the first reader holding one and reads it; *exitCode says why not. */
static cccd_result* readCard(const struct arguments* args, cccd_context* context, int* exitCode) {
    cccd_session* session = NULL;
    cccd_result* result = NULL;
    cccd_status keySet;

    *exitCode = ExitReadError;
    if (!ok("reader", cccd_session_open_pcsc(context, NULL, &session))) {
        return NULL;
    }
    keySet = args->can != NULL
                 ? cccd_session_set_can(session, args->can)
                 : cccd_session_set_mrz_key(session, args->mrz[0], args->mrz[1], args->mrz[2]);
    if (!ok("access key", keySet)) {
        *exitCode = ExitUsage; /* a CAN or MRZ field of the wrong form */
    } else {
        (void)ok("read", cccd_session_read(session, &result));
    }
    cccd_session_free(session); /* releases the card, wipes the key */
    return result;
}

int main(int argc, char** argv) {
    struct arguments args;
    cccd_context* context = NULL;
    cccd_result* result = NULL;
    int exitCode = ExitReadError;

    if (!parse(argc, argv, &args)) {
        return usage();
    }
    /* Whom to trust: a card signed by another CSCA reads, but is rejected (issuer_unknown). */
    if (ok("context", cccd_context_new(&context)) &&
        ok("trust store", cccd_context_add_default_anchor(context)) &&
        (args.trust == NULL ||
         ok("trust store", cccd_context_add_trust_file(context, args.trust)))) {
        result = readCard(&args, context, &exitCode);
    }
    if (result != NULL) {
        exitCode = decide(result);
    }
    /* The result holds personal data: freeing it wipes it. */
    cccd_result_free(result);
    cccd_context_free(context);
    return exitCode;
}
