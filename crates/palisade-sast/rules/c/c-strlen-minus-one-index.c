#include <stdio.h>
#include <string.h>

int read_line(FILE *in, char *line, size_t n) {
    if (fgets(line, (int)n, in) == NULL) {
        return -1;
    }
    // ruleid: c-strlen-minus-one-index
    line[strlen(line) - 1] = '\0';
    return 0;
}

int read_line_safely(FILE *in, char *line, size_t n) {
    if (fgets(line, (int)n, in) == NULL) {
        return -1;
    }
    // ok: c-strlen-minus-one-index
    line[strcspn(line, "\r\n")] = '\0';
    return 0;
}

void chomp(char *s) {
    // ok: c-strlen-minus-one-index
    if (strlen(s) > 0 && s[strlen(s) - 1] == '\n') {
        s[strlen(s) - 1] = '\0';
    }
}
