/* The C API as an installed program uses it: the library's version, a context with the built-in
 * trust anchor (shipped as data by libcccd0), status names. Needs no card. */
#include <cccd/cccd.h>
#include <stdio.h>

int main(void) {
    cccd_context* context = NULL;
    cccd_status status = cccd_context_new(&context);
    if (status != CCCD_OK) {
        fprintf(stderr, "cccd_context_new: %s\n", cccd_status_name(status));
        return 1;
    }
    status = cccd_context_add_default_anchor(context);
    cccd_context_free(context);
    if (status != CCCD_OK) {
        fprintf(stderr, "default anchor: %s: %s\n", cccd_status_name(status),
                cccd_last_error_message());
        return 1;
    }
    printf("{\"version\": \"%s\", \"abi\": %d, \"default_anchor\": \"%s\"}\n", cccd_version(),
           cccd_abi_version(), cccd_status_name(status));
    return 0;
}
