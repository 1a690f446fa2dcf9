#include <stdio.h>
#include <stdlib.h>
#include <spawn.h>

extern char **environ;

int restart_service(const char *name) {
    char cmd[128];
    snprintf(cmd, sizeof cmd, "systemctl restart %s", name);
    // ruleid: c-system-call
    return system(cmd);
}

FILE *list_logs(void) {
    // ruleid: c-system-call
    return popen("ls /var/log", "r");
}

int restart_safely(const char *name) {
    pid_t pid;
    char *argv[] = {"systemctl", "restart", (char *)name, NULL};
    // ok: c-system-call
    return posix_spawn(&pid, "/bin/systemctl", NULL, NULL, argv, environ);
}
