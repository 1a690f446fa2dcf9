#include <stdlib.h>

struct log_buf {
    char *data;
    size_t cap;
};

int log_grow(struct log_buf *b, size_t need) {
    // ruleid: c-realloc-self-assign
    b->data = realloc(b->data, need);
    if (b->data == NULL) {
        return -1;
    }
    b->cap = need;
    return 0;
}

int grow_checked(char **buf, size_t need) {
    // ok: c-realloc-self-assign
    char *tmp = realloc(*buf, need);
    if (tmp == NULL) {
        return -1;
    }
    *buf = tmp;
    return 0;
}

int grow_local(char *p, size_t n) {
    // ruleid: c-realloc-self-assign
    p = realloc(p, n * 2);
    if (p == NULL) {
        return -1;
    }
    // ok: c-realloc-self-assign
    char *q = realloc(p, n);
    if (q == NULL) {
        return -1;
    }
    free(q);
    return 0;
}
