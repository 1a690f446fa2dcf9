#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

FILE *open_scratch(void) {
    char name[L_tmpnam];
    // ruleid: c-tmpnam
    if (tmpnam(name) == NULL) {
        return NULL;
    }
    return fopen(name, "w+");
}

int open_upload(void) {
    char tmpl[] = "/tmp/upload-XXXXXX";
    // ruleid: c-tmpnam
    char *name = mktemp(tmpl);
    (void)name;
    // ok: c-tmpnam
    return mkstemp(tmpl);
}
