#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int unlock(const char *entered) {
    char password[32];
    int ok;
    read_stored_password(password, sizeof password);
    ok = strcmp(password, entered) == 0;
    // ruleid: c-memset-secret-dead-store
    memset(password, 0, sizeof password);
    return ok;
}

void session_end(uint8_t *session_key, size_t n) {
    // ruleid: c-memset-secret-dead-store
    memset(session_key, 0, n);
    free(session_key);
}

int derive(uint8_t out[16]) {
    uint8_t key[16];
    hkdf(key, sizeof key);
    // ok: c-memset-secret-dead-store
    memset(key, 0, sizeof key);
    key[0] = 1;
    memcpy(out, key, 16);
    explicit_bzero(key, sizeof key);
    return 0;
}

static uint8_t token_cache[32];

void token_forget(void) {
    // ok: c-memset-secret-dead-store
    memset(token_cache, 0, sizeof token_cache);
}

void frame_reset(uint8_t *frame, size_t n) {
    // ok: c-memset-secret-dead-store
    memset(frame, 0, n);
    free(frame);
}

void pin_check(const char *entered) {
    char *pin_ref = stored_pin();
    // ok: c-memset-secret-dead-store
    memset(pin_ref, 0, 4);
    struct cred_blob cred = {0};
    load_cred(&cred);
    use_cred(&cred);
    // ruleid: c-memset-secret-dead-store
    memset(&cred, 0, sizeof cred);
}

void key_scrub(uint8_t *key) {
    size_t n = sizeof key;
    // ok: c-memset-secret-dead-store
    memset(key, 0, n);
}

void token_local(void) {
    struct session_token token;
    fetch_token(&token);
    // ruleid: c-memset-secret-dead-store
    memset(&token, 0, sizeof token);
}

int key_rotate(int fail) {
    uint8_t new_key[16];
    generate(new_key);
    if (fail) {
        // ok: c-memset-secret-dead-store
        memset(new_key, 0, sizeof new_key);
    }
    return install(new_key);
}

int key_try(int fail) {
    uint8_t key[16];
    generate(key);
    if (fail) {
        // ruleid: c-memset-secret-dead-store
        memset(key, 0, sizeof key);
        return -1;
    }
    return install(key);
}
