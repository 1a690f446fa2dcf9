#include <stdint.h>

enum state { STATE_IDLE, STATE_ERROR };

int handle(enum state st, int fd, uint8_t *buf) {
    int n;
    // ruleid: c-assignment-in-condition
    if (st = STATE_ERROR) {
        return -1;
    }
    // ok: c-assignment-in-condition
    if (st == STATE_IDLE || st <= STATE_ERROR) {
        return 0;
    }
    // ok: c-assignment-in-condition
    while ((n = read_frame(fd, buf)) > 0) {
        process(buf, n);
    }
    // ok: c-assignment-in-condition
    if ((n = read_frame(fd, buf))) {
        return n;
    }
    if (n > 4) {
        return 1;
    // ruleid: c-assignment-in-condition
    } else if (buf[0] = 0x7e) {
        return 2;
    }
    return 0;
}
