#include <errno.h>
#include <stdlib.h>

int parse_port(const char *text) {
    // ruleid: c-atoi
    return atoi(text);
}

long parse_port_checked(const char *text) {
    char *end = NULL;
    errno = 0;
    // ok: c-atoi
    long v = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || v < 1 || v > 65535) {
        return -1;
    }
    return v;
}
