#include <stdlib.h>

struct node {
    struct node *next;
    int value;
};

int list_pop(struct node **head) {
    struct node *n = *head;
    free(n);
    // ruleid: c-use-after-free
    *head = n->next;
    return 0;
}

void list_free(struct node *head) {
    while (head != NULL) {
        // ok: c-use-after-free
        struct node *next = head->next;
        free(head);
        head = next;
    }
}

int drain(int *buf, size_t n) {
    int first;
    free(buf);
    // ruleid: c-use-after-free
    first = buf[0];
    (void)n;
    return first;
}

int reuse(int *buf) {
    free(buf);
    buf = calloc(4, sizeof *buf);
    if (buf == NULL) {
        return -1;
    }
    // ok: c-use-after-free
    buf[0] = 1;
    return buf[0];
}
