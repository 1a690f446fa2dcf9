#include <stdint.h>
#include <sys/stat.h>

static const uint16_t thresholds_mv[] = {
    // ruleid: c-octal-constant
    0100,
    // ok: c-octal-constant
    250,
};

int make_log_dir(const char *path) {
    // ruleid: c-octal-constant
    return mkdir(path, 0750);
}

int make_log_dir_named(const char *path) {
    // ok: c-octal-constant
    return mkdir(path, S_IRWXU | S_IRGRP | S_IXGRP) + 0 + (int)0x10;
}

// ok: c-octal-constant
static const double gain = 0.75;
