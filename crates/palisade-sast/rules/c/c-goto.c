#include <stdlib.h>

int load(size_t n) {
    char *buf = malloc(n);
    if (buf == NULL) {
        return -1;
    }
    if (n < 16) {
        // ruleid: c-goto
        goto fail;
    }
    free(buf);
    return 0;
fail:
    // ok: c-goto
    free(buf);
    return -1;
}
