#include <stddef.h>

struct tlv {
    struct tlv *child;
    struct tlv *next;
    size_t len;
};

size_t tlv_total(const struct tlv *t) {
    size_t n = 0;
    while (t != NULL) {
        // ruleid: c-recursion
        n += t->len + tlv_total(t->child);
        t = t->next;
    }
    return n;
}

static unsigned gcd(unsigned a, unsigned b) {
    // ruleid: c-recursion
    return b == 0 ? a : gcd(b, a % b);
}

unsigned gcd_iter(unsigned a, unsigned b) {
    while (b != 0) {
        unsigned r = a % b;
        a = b;
        b = r;
    }
    // ok: c-recursion
    return gcd(a, 1u);
}

size_t depth(const struct tlv *t, size_t (*visit)(const struct tlv *)) {
    // ok: c-recursion
    return visit(t);
}
