import os
import subprocess
import tempfile


def render_pdf(html: str) -> bytes:
    # ruleid: py-tempfile-mktemp
    path = tempfile.mktemp(suffix=".html")
    with open(path, "w") as f:
        f.write(html)
    out = path + ".pdf"
    subprocess.run(["wkhtmltopdf", path, out], check=True)
    with open(out, "rb") as f:
        return f.read()


def render_pdf_safe(html: str) -> bytes:
    # ok: py-tempfile-mktemp
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as f:
        f.write(html)
    # ok: py-tempfile-mktemp
    fd, out = tempfile.mkstemp(suffix=".pdf")
    os.close(fd)
    subprocess.run(["wkhtmltopdf", f.name, out], check=True)
    with open(out, "rb") as g:
        return g.read()


def scratch_dir():
    from tempfile import mktemp

    # ruleid: py-tempfile-mktemp
    return mktemp(prefix="job-")
