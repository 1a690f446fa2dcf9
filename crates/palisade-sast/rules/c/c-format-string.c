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
