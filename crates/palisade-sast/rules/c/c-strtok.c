#include <string.h>

int count_fields(char *line) {
    int n = 0;
    // ruleid: c-strtok
    char *tok = strtok(line, ",");
    while (tok != NULL) {
        n++;
        // ruleid: c-strtok
        tok = strtok(NULL, ",");
    }
    return n;
}

int count_fields_reentrant(char *line) {
    int n = 0;
    char *save = NULL;
    // ok: c-strtok
    for (char *t = strtok_r(line, ",", &save); t != NULL; t = strtok_r(NULL, ",", &save)) {
        n++;
    }
    return n;
}
