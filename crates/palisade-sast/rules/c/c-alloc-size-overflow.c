#include <stdint.h>
#include <stdlib.h>

struct image {
    uint32_t width;
    uint32_t height;
    uint8_t *pixels;
};

int image_alloc(struct image *img, const uint8_t *hdr) {
    img->width = read_u32(hdr);
    img->height = read_u32(hdr + 4);
    // ruleid: c-alloc-size-overflow
    img->pixels = malloc(img->width * img->height);
    return img->pixels == NULL ? -1 : 0;
}

uint16_t *table_alloc(size_t rows, size_t cols) {
    // ok: c-alloc-size-overflow
    uint16_t *t = malloc(rows * sizeof *t);
    if (t == NULL) {
        return NULL;
    }
    // ok: c-alloc-size-overflow
    uint16_t *u = calloc(rows, cols);
    free(t);
    return u;
}

void *records_grow(void *old, size_t count, size_t rec_len) {
    // ruleid: c-alloc-size-overflow
    void *p = realloc(old, count * rec_len);
    // ok: c-alloc-size-overflow
    void *q = malloc(count * MAX_RECORD);
    free(q);
    return p;
}
