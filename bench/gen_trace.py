"""Generate a synthetic traceability project for bench/trace.sh.

  python3 bench/gen_trace.py OUT ITEMS

ITEMS items in all (default 100,000), in the proportions of a real programme: 10% requirements
(`req`, in Markdown), 30% designs (`dsn`, in Markdown; each covers 6 requirements and depends
on 2 earlier designs), and 60% coverage tags in source files (`impl` and `utest`, 3 per
file, so 100,000 items spread over 20,000 files). Links: 6 + 2 per design and 1 per tag,
300,000 at 100,000 items. Deterministic: the same ITEMS gives the same bytes.
"""
import os
import random
import sys

out = sys.argv[1]
total = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
rng = random.Random(7)
n_req = total // 10
n_dsn = total * 3 // 10
n_tags = total - n_req - n_dsn
per_file = 3
os.makedirs(os.path.join(out, "docs"), exist_ok=True)

WORDS = "the system shall record every reading with its device clock and reject values outside the calibrated range of the sensor".split()


def sentence(k):
    return " ".join(rng.choice(WORDS) for _ in range(k)).capitalize() + "."


links = 0
per_md = 200
for start in range(0, n_req, per_md):
    with open(os.path.join(out, "docs", f"req-{start // per_md:04}.md"), "w") as f:
        f.write(f"# Requirements {start}\n\n")
        for i in range(start, min(start + per_md, n_req)):
            f.write(f"## Requirement {i}\n`req~r{i}~1`\n\n{sentence(18)}\n{sentence(12)}\n\nNeeds: dsn\nTags: security\n\n")
for start in range(0, n_dsn, per_md):
    with open(os.path.join(out, "docs", f"dsn-{start // per_md:04}.md"), "w") as f:
        f.write(f"# Designs {start}\n\n")
        for i in range(start, min(start + per_md, n_dsn)):
            covers = sorted({rng.randrange(n_req) for _ in range(6)})
            while len(covers) < 6:
                covers = sorted(set(covers) | {rng.randrange(n_req)})
            f.write(f"## Design {i}\n`dsn~d{i}~1`\n\n{sentence(20)}\n\nCovers:\n")
            f.write("".join(f"* req~r{c}~1\n" for c in covers))
            links += len(covers)
            if i >= 2:
                deps = sorted({rng.randrange(i) for _ in range(2)})
                while len(deps) < 2:
                    deps = sorted(set(deps) | {rng.randrange(i)})
                f.write("\nDepends:\n" + "".join(f"* dsn~d{d}~1\n" for d in deps))
                links += len(deps)
            f.write("\nNeeds: impl, utest\n\n")
n_files = (n_tags + per_file - 1) // per_file
tag = 0
for fi in range(n_files):
    d = os.path.join(out, "src", f"m{fi // 500:03}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"f{fi}.py"), "w") as f:
        f.write('"""Generated module."""\n\n')
        for _ in range(per_file):
            if tag >= n_tags:
                break
            target = tag // 2 % n_dsn
            kind = "impl" if tag % 2 == 0 else "utest"
            name = f"test_case_{tag}" if kind == "utest" else f"handler_{tag}"
            f.write(f"\n# [{kind}->dsn~d{target}~1]\ndef {name}(reading):\n    value = reading.value * {tag % 97}\n    if value > 100:\n        return None\n    return value\n")
            tag += 1
            links += 1
print(f"{n_req + n_dsn + n_tags} items ({n_req} req, {n_dsn} dsn, {n_tags} tags in {n_files} files), {links} links", file=sys.stderr)


def doorstop(out_dir, total):
    """The same structure as a Doorstop tree (REQ <- DSN <- IMPL, TST; one YAML file per
    item; Doorstop links only to the parent document, so designs have no Depends)."""
    r = random.Random(7)
    n_req, n_dsn = total // 10, total * 3 // 10
    n_tags = total - n_req - n_dsn
    docs = {"REQ": None, "DSN": "REQ", "IMPL": "DSN", "TST": "DSN"}
    for prefix, parent in docs.items():
        d = os.path.join(out_dir, prefix.lower())
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, ".doorstop.yml"), "w") as f:
            f.write("settings:\n  digits: 6\n  prefix: %s\n  sep: ''\n" % prefix)
            if parent:
                f.write("  parent: %s\n" % parent)

    def item(prefix, i, text, links):
        with open(os.path.join(out_dir, prefix.lower(), f"{prefix}{i:06}.yml"), "w") as f:
            f.write("active: true\nderived: false\nheader: ''\nlevel: %d.0\n" % (i + 1))
            if links:
                f.write("links:\n" + "".join(f"- {l}: null\n" for l in links))
            else:
                f.write("links: []\n")
            f.write("normative: true\nref: ''\nreviewed: null\ntext: |\n  %s\n" % text)

    for i in range(1, n_req + 1):
        item("REQ", i, sentence(18), [])
    for i in range(1, n_dsn + 1):
        covers = sorted({r.randrange(n_req) + 1 for _ in range(6)})
        item("DSN", i, sentence(20), [f"REQ{c:06}" for c in covers])
    for t in range(n_tags):
        target = t // 2 % n_dsn + 1
        prefix = "IMPL" if t % 2 == 0 else "TST"
        item(prefix, t // 2 + 1, sentence(8), [f"DSN{target:06}"])


if len(sys.argv) > 3 and sys.argv[3] == "--doorstop":
    doorstop(sys.argv[4], total)
