// ruleid: c-setjmp-longjmp
#include <setjmp.h>
#include <stdio.h>

static jmp_buf recover;

void parse_fail(void) {
    // ruleid: c-setjmp-longjmp
    longjmp(recover, 1);
}

int parse_all(const char *text) {
    // ruleid: c-setjmp-longjmp
    if (setjmp(recover) != 0) {
        return -1;
    }
    // ok: c-setjmp-longjmp
    return parse_text(text);
}
