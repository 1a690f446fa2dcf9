#include <stdint.h>
#include <string.h>

#define MAX_FRAME 64

int frame_checksum(const uint8_t *data, size_t n) {
    // ruleid: c-vla
    uint8_t copy[n];
    uint8_t sum = 0;
    memcpy(copy, data, n);
    for (size_t i = 0; i < n; i++) {
        sum ^= copy[i];
    }
    return sum;
}

int frame_checksum_bounded(const uint8_t *data, size_t n) {
    // ok: c-vla
    uint8_t copy[MAX_FRAME];
    // ok: c-vla
    uint16_t words[sizeof(n) * 2];
    if (n > sizeof copy) {
        return -1;
    }
    memcpy(copy, data, n);
    (void)words;
    return copy[0];
}

void matrix_scale(int rows, int cols, float m[rows][cols]) {
    // ruleid: c-vla
    float row[cols + 1];
    (void)rows;
    (void)m;
    (void)row;
}
