#pragma once

/* The checks of CHeader.c, which is compiled as C. */
#ifdef __cplusplus
extern "C" {
#endif

int capi_c_failed_checks(void);

#ifdef __cplusplus
}
#endif
