import paramiko
from paramiko import AutoAddPolicy, RejectPolicy


def run_remote(host: str, user: str, key_path: str, command: str) -> str:
    client = paramiko.SSHClient()
    # ruleid: py-paramiko-auto-add-policy
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host, username=user, key_filename=key_path)
    _, stdout, _ = client.exec_command(command)
    return stdout.read().decode()


def deploy(host: str):
    ssh = paramiko.SSHClient()
    # ruleid: py-paramiko-auto-add-policy
    ssh.set_missing_host_key_policy(AutoAddPolicy)
    return ssh


def run_pinned(host: str, user: str):
    client = paramiko.SSHClient()
    client.load_host_keys("/etc/deploy/known_hosts")
    # ok: py-paramiko-auto-add-policy
    client.set_missing_host_key_policy(RejectPolicy())
    client.connect(host, username=user)
    return client
