#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int write_report(const char *path, const char *text) {
    // ruleid: c-toctou-access
    if (access(path, W_OK) != 0) {
        return -1;
    }
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        return -1;
    }
    fputs(text, f);
    return fclose(f);
}

int read_key_file(void) {
    // ruleid: c-toctou-access
    if (access("/etc/device.key", R_OK) == 0) {
        return open("/etc/device.key", O_RDONLY);
    }
    return -1;
}

int write_report_safely(const char *path) {
    int fd = open(path, O_WRONLY | O_NOFOLLOW);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        return -1;
    }
    return fd;
}

int has_config(const char *path, const char *other) {
    // ok: c-toctou-access
    if (access(path, F_OK) == 0) {
        return open(other, O_RDONLY);
    }
    return -1;
}
