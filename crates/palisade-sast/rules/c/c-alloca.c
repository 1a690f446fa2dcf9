#include <alloca.h>
#include <string.h>

void echo_packet(const unsigned char *pkt, size_t len) {
    // ruleid: c-alloca
    unsigned char *copy = alloca(len);
    memcpy(copy, pkt, len);
    send_packet(copy, len);
}

void echo_packet_bounded(const unsigned char *pkt, size_t len) {
    // ok: c-alloca
    unsigned char copy[256];
    if (len > sizeof copy) {
        return;
    }
    memcpy(copy, pkt, len);
    send_packet(copy, len);
}
