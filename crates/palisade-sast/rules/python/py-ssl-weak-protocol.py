import socket
import ssl

from OpenSSL import SSL


def legacy_client(host: str) -> ssl.SSLSocket:
    # ruleid: py-ssl-weak-protocol
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
    sock = socket.create_connection((host, 443))
    return ctx.wrap_socket(sock, server_hostname=host)


def relaxed_server():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    # ruleid: py-ssl-weak-protocol
    ctx.minimum_version = ssl.TLSVersion.TLSv1
    return ctx


def openssl_context():
    # ruleid: py-ssl-weak-protocol
    return SSL.Context(SSL.SSLv3_METHOD)


def modern_client():
    ctx = ssl.create_default_context()
    # ok: py-ssl-weak-protocol
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def describe(ctx) -> bool:
    # ok: py-ssl-weak-protocol
    return ctx.minimum_version == ssl.TLSVersion.TLSv1


def compatible_client():
    # ok: py-ssl-weak-protocol
    return ssl.SSLContext(ssl.PROTOCOL_SSLv23)


# ok: py-ssl-weak-protocol
_LEGACY_NAMES = {ssl.PROTOCOL_TLSv1: "TLSv1", ssl.PROTOCOL_TLS_CLIENT: "TLS"}
