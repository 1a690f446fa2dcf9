#include <stdarg.h>
#include <stdio.h>
#include <syslog.h>

void log_message(const char *msg, FILE *out) {
    // ruleid: c-format-string
    printf(msg);
    // ok: c-format-string
    printf("%s\n", msg);
    // ruleid: c-format-string
    fprintf(out, msg);
    // ok: c-format-string
    fprintf(out, "peer said: %s\n", msg);
    // ruleid: c-format-string
    syslog(LOG_INFO, msg);
}

void vlog(FILE *out, const char *fmt, va_list ap) {
    // ok: c-format-string
    vfprintf(out, fmt, ap);
}

void relay(const char *peer_text, va_list ap) {
    (void)ap;
    // ruleid: c-format-string
    fprintf(stderr, peer_text);
}
