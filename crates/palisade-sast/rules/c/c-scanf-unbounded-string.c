#include <stdio.h>

struct wifi_cfg {
    char ssid[33];
    char psk[65];
    int channel;
};

int parse_wifi_line(const char *line, struct wifi_cfg *cfg) {
    // ruleid: c-scanf-unbounded-string
    if (sscanf(line, "ssid=%s psk=%s", cfg->ssid, cfg->psk) != 2) {
        return -1;
    }
    // ok: c-scanf-unbounded-string
    if (sscanf(line, "ssid=%32s psk=%64s", cfg->ssid, cfg->psk) != 2) {
        return -1;
    }
    // ok: c-scanf-unbounded-string
    if (sscanf(line, "%*s channel=%d 100%%s", &cfg->channel) != 1) {
        return -1;
    }
    return 0;
}

void read_command(FILE *uart, char *cmd, char *arg) {
    // ruleid: c-scanf-unbounded-string
    fscanf(uart, "%15s %[^\n]", cmd, arg);
    // ruleid: c-scanf-unbounded-string
    scanf("%s", cmd);
    // ok: c-scanf-unbounded-string
    scanf("%15s", cmd);
}
