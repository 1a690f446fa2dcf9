#include <stdlib.h>

struct config {
    char *name;
    int level;
};

static struct config defaults;

void config_release(struct config *cfg) {
    if (cfg == &defaults) {
        // ruleid: c-free-non-heap
        free(&defaults);
        return;
    }
    // ok: c-free-non-heap
    free(cfg->name);
    // ok: c-free-non-heap
    free(cfg);
}

void reply(int code) {
    char msg[32];
    build_reply(msg, code);
    send_reply(msg);
    // ruleid: c-free-non-heap
    free(msg);
}

void reply_heap(int code) {
    char *msg = malloc(32);
    if (msg == NULL) {
        return;
    }
    build_reply(msg, code);
    // ok: c-free-non-heap
    free(msg);
}

void release_sized(char *p) {
    char shadow[sizeof p];
    (void)shadow;
    // ok: c-free-non-heap
    free(p);
}
