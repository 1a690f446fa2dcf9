#include <stdio.h>
#include <string.h>

void read_name(char *out, size_t n) {
    char line[64];
    // ruleid: c-banned-string-functions
    gets(line);
    // ok: c-banned-string-functions
    fgets(line, sizeof line, stdin);
    // ruleid: c-banned-string-functions
    strcpy(out, line);
    // ok: c-banned-string-functions
    snprintf(out, n, "%s", line);
}

void label(char *dst, const char *unit, int value) {
    // ruleid: c-banned-string-functions
    sprintf(dst, "%d %s", value, unit);
    // ok: c-banned-string-functions
    strncat(dst, unit, 4);
}
