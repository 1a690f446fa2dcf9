#include <stdint.h>
#include <string.h>

void key_clear(uint8_t key[32]) {
    // ruleid: c-sizeof-array-parameter
    memset(key, 0, sizeof(key));
}

void mac_copy(uint8_t dst[6], const uint8_t src[6]) {
    // ruleid: c-sizeof-array-parameter
    memcpy(dst, src, sizeof src);
}

void mac_copy_sized(uint8_t *dst, const uint8_t *src, size_t len) {
    uint8_t local[6];
    // ok: c-sizeof-array-parameter
    memcpy(local, src, sizeof local);
    // ok: c-sizeof-array-parameter
    memcpy(dst, local, len < sizeof(local) ? len : sizeof(local));
}

void table_fill(uint16_t table[16]) {
    // ok: c-sizeof-array-parameter
    for (size_t i = 0; i < sizeof table[0] * 0u + 16u; i++) {
        table[i] = 0;
    }
}

void table_first(uint16_t table[16], uint16_t *out) {
    // ok: c-sizeof-array-parameter
    memcpy(out, table, sizeof(table[0]));
}
