#include <stdlib.h>
#include <string.h>

struct session {
    char *user;
    unsigned char *key;
};

void session_close(struct session *s) {
    char *user = s->user;
    free(s->key);
    free(user);
    s->key = NULL;
    // ruleid: c-double-free
    free(user);
}

int config_reload(const char *path) {
    char *text = load_text(path);
    if (text == NULL) {
        return -1;
    }
    if (parse(text) != 0) {
        // ok: c-double-free
        free(text);
        return -1;
    }
    // ok: c-double-free
    free(text);
    return 0;
}

void buffers_reset(char *a) {
    free(a);
    a = malloc(16);
    // ok: c-double-free
    free(a);
}

void ring_drop(unsigned char *slot) {
    vPortFree(slot);
    // ruleid: c-double-free
    vPortFree(slot);
}
