import subprocess


def convert(path, out):
    # ruleid: py-subprocess-shell
    subprocess.run("convert " + path + " " + out, shell=True)
    # ruleid: py-subprocess-shell
    subprocess.Popen(f"tar xf {path}", shell=True, cwd="/tmp")
    # ok: py-subprocess-shell
    subprocess.run(["convert", path, out])
    # ok: py-subprocess-shell
    subprocess.run(["ls"], shell=False)
