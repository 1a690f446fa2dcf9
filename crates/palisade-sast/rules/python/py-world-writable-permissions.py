import os
import stat
from pathlib import Path


def publish(path: str) -> None:
    # ruleid: py-world-writable-permissions
    os.chmod(path, 0o777)


def share_socket(path: str) -> None:
    # ruleid: py-world-writable-permissions
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR | stat.S_IROTH | stat.S_IWOTH)


def make_upload_dir(base: Path) -> Path:
    target = base / "uploads"
    target.mkdir(parents=True, exist_ok=True)
    # ruleid: py-world-writable-permissions
    target.chmod(0o777)
    # ok: py-world-writable-permissions
    (base / "cache").mkdir(mode=0o750, parents=True, exist_ok=True)
    return target


def secure(path: str) -> None:
    # ok: py-world-writable-permissions
    os.chmod(path, 0o600)
    # ok: py-world-writable-permissions
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    # ok: py-world-writable-permissions
    os.chmod(os.path.dirname(path), 0o755)
