#include <unistd.h>

int enter_jail(const char *dir) {
    // ruleid: c-chroot-without-chdir
    if (chroot(dir) != 0) {
        return -1;
    }
    return drop_privileges();
}

int enter_jail_properly(const char *dir) {
    // ok: c-chroot-without-chdir
    if (chroot(dir) != 0) {
        return -1;
    }
    if (chdir("/") != 0) {
        return -1;
    }
    return drop_privileges();
}

int enter_jail_short(const char *dir) {
    // ok: c-chroot-without-chdir
    if (chroot(dir) != 0 || chdir("/") != 0) {
        return -1;
    }
    return drop_privileges();
}
