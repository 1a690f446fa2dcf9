enum mode { MODE_IDLE, MODE_RUN, MODE_FAULT };

int step(enum mode m) {
    // ruleid: c-switch-no-default
    switch (m) {
    case MODE_IDLE:
        return 0;
    case MODE_RUN:
        return 1;
    }
    // ok: c-switch-no-default
    switch (m) {
    case MODE_FAULT:
        return 2;
    default:
        return -1;
    }
}
