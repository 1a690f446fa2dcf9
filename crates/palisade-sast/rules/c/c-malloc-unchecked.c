#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct frame {
    uint16_t len;
    uint8_t data[64];
};

struct frame *frame_copy(const uint8_t *src, uint16_t len) {
    struct frame *f;
    // ruleid: c-malloc-unchecked
    f = malloc(sizeof *f);
    f->len = len;
    memcpy(f->data, src, len);
    return f;
}

uint8_t *rx_buffer(size_t n) {
    // ruleid: c-malloc-unchecked
    uint8_t *buf = (uint8_t *)calloc(n, 1);
    buf[0] = 0x7e;
    return buf;
}

char *name_copy(const char *name, size_t n) {
    // ruleid: c-malloc-unchecked
    char *out = malloc(n + 1);
    memcpy(out, name, n);
    out[n] = '\0';
    return out;
}

struct frame *frame_alloc_checked(uint16_t len) {
    // ok: c-malloc-unchecked
    struct frame *f = malloc(sizeof *f);
    if (f == NULL) {
        return NULL;
    }
    f->len = len;
    return f;
}

int16_t *samples_alloc(size_t n) {
    int16_t *s;
    // ok: c-malloc-unchecked
    if ((s = malloc(n * sizeof *s)) == NULL) {
        return NULL;
    }
    s[0] = 0;
    return s;
}

uint8_t *pool_take(size_t n) {
    // ok: c-malloc-unchecked
    uint8_t *p = malloc(n);
    ASSERT_NOT_NULL(p);
    p[0] = 0;
    return p;
}

uint8_t *handed_back(size_t n) {
    // ok: c-malloc-unchecked
    uint8_t *p = malloc(n);
    return p;
}
