#include <stddef.h>

void copy_reverse(char *dst, const char *src, size_t n) {
    size_t i, j;
    // ruleid: c-comma-operator
    for (i = 0, j = n; i < n; i++) {
        dst[--j] = src[i];
    }
}

int poll_ready(volatile unsigned *status) {
    int ready;
    // ruleid: c-comma-operator
    ready = (*status & 1u), ready = ready != 0;
    // ok: c-comma-operator
    int a = 1, b = 2;
    // ok: c-comma-operator
    return combine(ready, a, b);
}
