import io
import tarfile
import zipfile


def install_plugin(upload: bytes, dest: str) -> None:
    with tarfile.open(fileobj=io.BytesIO(upload), mode="r:gz") as tar:
        # ruleid: py-tarfile-extractall-unfiltered
        tar.extractall(dest)


def unpack_release(path: str, dest: str) -> None:
    archive = tarfile.open(path)
    for member in archive.getmembers():
        if member.name.endswith(".py"):
            # ruleid: py-tarfile-extractall-unfiltered
            archive.extract(member, dest)
    archive.close()


def install_plugin_safe(upload: bytes, dest: str) -> None:
    with tarfile.open(fileobj=io.BytesIO(upload), mode="r:gz") as tar:
        # ok: py-tarfile-extractall-unfiltered
        tar.extractall(dest, filter="data")


def unzip(path: str, dest: str) -> None:
    with zipfile.ZipFile(path) as zf:
        # ok: py-tarfile-extractall-unfiltered
        zf.extractall(dest)


def mixed(tar_path: str, zip_path: str, dest: str) -> None:
    with tarfile.open(tar_path) as tf:
        # ok: py-tarfile-extractall-unfiltered
        tf.extractall(dest, filter="tar")
    with zipfile.ZipFile(zip_path) as zf:
        # ok: py-tarfile-extractall-unfiltered
        zf.extractall(dest)
