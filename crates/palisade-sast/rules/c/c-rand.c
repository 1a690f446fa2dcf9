#include <stdlib.h>
#include <sys/random.h>
#include <time.h>

unsigned int session_nonce(void) {
    // ruleid: c-rand
    srand((unsigned)time(NULL));
    // ruleid: c-rand
    return (unsigned int)rand();
}

unsigned int session_nonce_safely(void) {
    unsigned int n = 0;
    // ok: c-rand
    getrandom(&n, sizeof n, 0);
    return n;
}
