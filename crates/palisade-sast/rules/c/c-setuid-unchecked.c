#include <stdlib.h>
#include <unistd.h>

void drop_root(uid_t uid, gid_t gid) {
    // ruleid: c-setuid-unchecked
    setgid(gid);
    // ruleid: c-setuid-unchecked
    setuid(uid);
}

void drop_root_checked(uid_t uid, gid_t gid) {
    // ok: c-setuid-unchecked
    if (setgid(gid) != 0) {
        abort();
    }
    // ok: c-setuid-unchecked
    int rc = setuid(uid);
    if (rc != 0) {
        abort();
    }
}
