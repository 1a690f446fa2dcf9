#include <stdarg.h>
#include <stdio.h>

void log_line(int level, const char *fmt, ...) {
    va_list ap;
    // ruleid: c-stdarg
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    // ok: c-stdarg
    va_end(ap);
    (void)level;
}

int sum3(int a, int b, int c) {
    // ok: c-stdarg
    return a + b + c;
}
