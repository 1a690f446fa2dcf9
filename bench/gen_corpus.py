#!/usr/bin/env python3
"""Deterministic generator of a source-like corpus with planted secrets.

    python3 bench/gen_corpus.py --out bench/work/corpus-500 --size-mb 500 --seed 1

writes

    OUT/tree/...          the corpus: Python, JS/TS, Go, Java, YAML, JSON, .env, Markdown,
                          minified JS bundles (multi-MB single lines) and lockfiles with
                          sha512 integrity hashes, in nested directories
    OUT/manifest.json     every planted secret: path (relative to OUT/tree), 1-based line,
                          kind, sha256 of the secret value

Same arguments, same bytes: one `random.Random(seed)` drives everything, no clock, no
network, no set/dict iteration order dependence. Planted secrets are synthetic (random,
format-valid, GitHub tokens carry a valid CRC32 checksum) and grant access to nothing. They
are only planted in paths that are neither test-like nor lockfiles, so every rule applies.
The corpus also carries many near-misses: placeholders, documentation values, wrong
checksums, public keys, env lookups, and the words password/token/secret/key in ordinary
code, as real code does. That is what makes a keyword prefilter earn its keep.

"MB" means MiB (2^20 bytes) here.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import math
import os
import random
import shutil
import string
import sys
import zlib

GENERATOR_VERSION = 4

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
B32 = string.ascii_uppercase + "234567"
ALNUM = string.ascii_letters + string.digits
HEXL = "0123456789abcdef"
B64 = string.ascii_letters + string.digits + "+/"
PW_SYMBOLS = "!@#%^&*-_+=.?"

# Mirrors palisade-secrets' placeholder filter so planted values are never placeholders.
PLACEHOLDER_WORDS = ("example", "xxxx", "placeholder", "your_", "your-", "redacted",
                     "changeme", "dummy", "sample", "${", "{{", "<", ">")

KINDS = ("aws-access-key-id", "github-pat", "stripe-live-key", "slack-bot-token",
         "private-key", "postgres-url", "password-assignment")


# --------------------------------------------------------------------------------------
# secret values


def is_placeholder(value: str) -> bool:
    low = value.lower()
    if any(w in low for w in PLACEHOLDER_WORDS):
        return True
    if len(value) >= 4 and len(set(value)) == 1:
        return True
    tail = low.replace("-", "_").rsplit("_", 1)[-1]
    return len(tail) >= 6 and all(ord(b) == ord(a) + 1 for a, b in zip(tail, tail[1:]))


def rstr(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choices(alphabet, k=n))


def base62(n: int, width: int) -> str:
    out = []
    while n:
        n, r = divmod(n, 62)
        out.append(B62[r])
    return "".join(reversed(out)).rjust(width, "0")


def github_token(rng: random.Random, valid: bool = True) -> str:
    body = rstr(rng, B62, 30)
    check = base62(zlib.crc32(body.encode()) & 0xFFFFFFFF, 6)
    if not valid:
        check = check[:-1] + ("A" if check[-1] != "A" else "B")
    return "ghp_" + body + check


def pem_block(rng: random.Random, label: str, lines: int) -> list[str]:
    # Random bytes (not a key), with the magic an OpenSSH private key always starts with.
    raw = (b"openssh-key-v1\0" if label == "OPENSSH PRIVATE KEY" else b"") + rng.randbytes(48 * lines + rng.randint(8, 40))
    b64 = base64.b64encode(raw).decode()
    width = 70 if label == "OPENSSH PRIVATE KEY" else 64
    body = [b64[i:i + width] for i in range(0, len(b64), width)]
    return [f"-----BEGIN {label}-----", *body, f"-----END {label}-----"]


def password_value(rng: random.Random) -> str:
    n = rng.randint(14, 22)
    while True:
        v = (rstr(rng, string.ascii_uppercase, 2) + rstr(rng, string.ascii_lowercase, 3)
             + rstr(rng, string.digits, 2) + rstr(rng, PW_SYMBOLS, 2)
             + rstr(rng, ALNUM + PW_SYMBOLS, n - 9))
        v = "".join(rng.sample(v, len(v)))
        if not is_placeholder(v):
            return v


def secret_value(rng: random.Random, kind: str) -> str:
    """The secret's value (for PEM: the whole block, lines joined by newlines)."""
    while True:
        if kind == "aws-access-key-id":
            v = "AKIA" + rstr(rng, B32, 16)
        elif kind == "github-pat":
            v = github_token(rng)
        elif kind == "stripe-live-key":
            v = "sk_live_" + rstr(rng, ALNUM, rng.choice((24, 24, 99)))
        elif kind == "slack-bot-token":
            v = ("xoxb-" + rstr(rng, string.digits, rng.randint(10, 13)) + "-"
                 + rstr(rng, string.digits, 13) + "-" + rstr(rng, ALNUM, 24))
        elif kind == "private-key":
            label = rng.choice(("RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY",
                                "OPENSSH PRIVATE KEY"))
            v = "\n".join(pem_block(rng, label, rng.randint(6, 24)))
        elif kind == "postgres-url":
            v = rstr(rng, ALNUM, rng.randint(12, 20)) + rng.choice(("", "-", "_")) + rstr(rng, ALNUM, 4)
        elif kind == "password-assignment":
            v = password_value(rng)
        else:
            raise ValueError(kind)
        if kind == "private-key" or not is_placeholder(v):
            return v


# --------------------------------------------------------------------------------------
# vocabulary

NOUNS = ("user account order invoice payment session config cache request response message "
         "event handler client record item product customer profile report metric job "
         "task queue worker value node graph file buffer stream channel entry batch "
         "schedule tenant region bucket object blob upload download image thumbnail policy "
         "role permission group member team project build release artifact deploy pipeline "
         "step stage route endpoint query filter index cursor page limit offset header body "
         "payload result error status state version schema field column table row "
         "").split()
# Security-flavoured words, at roughly the rates real application code has them (measured
# per MB on CPython's stdlib + site-packages and on crates.io sources: within 1-2.5x of those).
RARE_NOUNS = (("key", 0.004), ("token", 0.0025), ("path", 0.004), ("server", 0.0015),
              ("auth", 0.002), ("secret", 0.0004), ("password", 0.0003), ("credential", 0.0002))
VERBS = ("get set load save update delete create build parse render validate compute fetch "
         "send handle process resolve encode decode refresh rotate verify apply merge "
         "normalize serialize enqueue flush sync register lookup find list count "
         "check ensure format emit collect retry").split()
ADJ = "default active pending cached remote local primary next last current raw new old".split()
TYPES = "str int bool float dict list bytes".split()
PY_EXC = "ValueError KeyError RuntimeError TimeoutError PermissionError LookupError".split()
HOSTS = ("api.internal", "db.internal", "cache.internal", "queue.internal", "auth.svc.local",
         "billing.svc.local", "10.0.3.17", "localhost", "metrics.internal")
WORDS = ("the a this that for with when if then each every request user service returns value "
         "data cache retry timeout error handler client response message event "
         "configuration default optional required field list map option note see also "
         "more details below above call function method class module package release "
         "version change update access permission scope").split()
DIRS = ("core api handlers models services utils lib common internal pkg domain adapters "
        "repository storage cache auth billing payments notifications events jobs workers "
        "middleware routes views controllers components hooks store schemas migrations "
        "config settings clients integrations reporting metrics admin accounts users orders "
        "catalog search ingest export sync v1 v2 legacy shared helpers io net db").split()
PROJECTS = ("atlas beacon cobalt delta ember falcon garnet harbor iris juniper kepler lumen "
            "meridian nimbus onyx pioneer quartz raven sierra tundra umbra vega willow xenon "
            "yonder zephyr aurora basalt cinder drift").split()


def noun(rng: random.Random) -> str:
    r = rng.random()
    for w, p in RARE_NOUNS:
        if r < p:
            return w
        r -= p
    return rng.choice(NOUNS)


def snake(*parts: str) -> str:
    return "_".join(parts)


def camel(*parts: str) -> str:
    return parts[0] + "".join(p.capitalize() for p in parts[1:])


def pascal(*parts: str) -> str:
    return "".join(p.capitalize() for p in parts)


def sentence(rng: random.Random, lo: int = 5, hi: int = 14) -> str:
    w = rng.choices(WORDS, k=rng.randint(lo, hi))
    return (" ".join(w)).capitalize() + "."


# --------------------------------------------------------------------------------------
# block generators: each returns text ending in "\n"


def py_block(rng: random.Random) -> str:
    r = rng.random()
    v, n, n2 = rng.choice(VERBS), noun(rng), noun(rng)
    if r < 0.45:
        args = ", ".join(f"{snake(rng.choice(ADJ), noun(rng))}: {rng.choice(TYPES)}"
                         for _ in range(rng.randint(0, 3)))
        out = [f"def {v}_{n}({n2}, {args}):" if args else f"def {v}_{n}({n2}):",
               f'    """{sentence(rng)}"""']
        for _ in range(rng.randint(2, 9)):
            out.extend(py_stmt(rng, "    "))
        out.append(f"    return {rng.choice([n2, 'result', 'None', f'{n2}.{noun(rng)}'])}")
        return "\n".join(out) + "\n\n\n"
    if r < 0.75:
        cls = pascal(noun(rng), rng.choice(("Service", "Manager", "Client", "Repository", "Handler", "Store")))
        out = [f"class {cls}:", f'    """{sentence(rng)}"""', "",
               f"    def __init__(self, {n}, {n2}=None):",
               f"        self._{n} = {n}", f"        self._{n2} = {n2} or {{}}",
               f"        self._{noun(rng)}_cache = {{}}", ""]
        for _ in range(rng.randint(1, 3)):
            out.append(f"    def {rng.choice(VERBS)}_{noun(rng)}(self, {noun(rng)}):")
            for _ in range(rng.randint(2, 6)):
                out.extend(py_stmt(rng, "        "))
            out.append(f"        return self._{n}")
            out.append("")
        return "\n".join(out) + "\n\n"
    if r < 0.88:
        name = snake(rng.choice(ADJ), noun(rng)).upper()
        items = [f'    "{snake(noun(rng), noun(rng))}": {rng.choice(["30", "True", "None", repr(noun(rng)), str(rng.randint(1, 5000))])},'
                 for _ in range(rng.randint(3, 10))]
        return f"{name} = {{\n" + "\n".join(items) + "\n}\n\n"
    return "\n".join(f"# {sentence(rng)}" for _ in range(rng.randint(1, 4))) + "\n"


def py_stmt(rng: random.Random, ind: str) -> list[str]:
    a, b, c = noun(rng), noun(rng), noun(rng)
    k = rng.randrange(14)
    if k == 0:
        return [f'{ind}{a} = {b}.get("{c}", {rng.choice(["None", "0", "[]", repr(rng.choice(ADJ))])})']
    if k == 1:
        return [f"{ind}if {a} is None:", f'{ind}    raise {rng.choice(PY_EXC)}("missing {a} for {b}")']
    if k == 2:
        return [f"{ind}for {a} in {b}s:", f"{ind}    {c}s.append({a}.{noun(rng)})"]
    if k == 3:
        return [f'{ind}logger.{rng.choice(["debug", "info", "warning"])}("{rng.choice(VERBS)} %s for %s", {a}, {b})']
    if k == 4:
        return [f"{ind}result[{a}.id] = {b}"]
    if k == 5:
        return [f'{ind}with open({a}_path, "r", encoding="utf-8") as fh:', f"{ind}    {b} = json.load(fh)"]
    if k == 6:
        return [f"{ind}{a}_digest = hashlib.sha256({b}.encode()).hexdigest()"]
    if k == 7:
        return [f"{ind}try:", f"{ind}    {a} = client.{rng.choice(VERBS)}_{b}({c})",
                f"{ind}except {rng.choice(PY_EXC)} as exc:",
                f'{ind}    logger.warning("failed to {rng.choice(VERBS)} {b}: %s", exc)',
                f"{ind}    {a} = None"]
    if k == 8:
        return [f'{ind}msg = f"{a} {{{b}!r}} not found in {c}"', f"{ind}errors.append(msg)"]
    if k == 9:
        return [f"{ind}{a} = [{b} for {b} in {c}s if {b}.{rng.choice(ADJ)}]"]
    if k == 10 and rng.random() < 0.15:
        return [f"{ind}cache_key = f\"{a}:{{{b}.id}}\"", f"{ind}{c} = cache.get(cache_key)"]
    if k == 11:
        return [f"{ind}time.sleep(backoff * {rng.randint(1, 5)})"]
    if k == 12:
        return [f'{ind}headers["X-{pascal(a)}-Id"] = str({b}.id)']
    return [f"{ind}{a}.{rng.choice(VERBS)}({b}, {c}={rng.choice(['True', 'False', 'None'])})"]


def js_block(rng: random.Random, ts: bool) -> str:
    r = rng.random()
    v, n, n2 = rng.choice(VERBS), noun(rng), noun(rng)
    t = (lambda s: s) if ts else (lambda s: "")
    if r < 0.45:
        out = [f"/** {sentence(rng)} */",
               f"export async function {camel(v, n)}({n2}{t(': ' + pascal(n2))}, opts{t(': Options')} = {{}}){t(': Promise<' + pascal(n) + '>')} {{"]
        for _ in range(rng.randint(2, 9)):
            out.extend(js_stmt(rng, "  "))
        out.append(f"  return {rng.choice([n2, 'result', 'null', n2 + '.' + noun(rng)])};")
        out.append("}")
        return "\n".join(out) + "\n\n"
    if r < 0.7:
        cls = pascal(noun(rng), rng.choice(("Service", "Store", "Client", "Controller")))
        out = [f"export class {cls} {{"]
        if ts:
            out.append(f"  private readonly {camel(n, 'cache')} = new Map<string, {pascal(n)}>();")
        out.append(f"  constructor({t('private readonly ')}{n}{t(': ' + pascal(n))}) {{}}")
        for _ in range(rng.randint(1, 3)):
            out.append("")
            out.append(f"  {camel(rng.choice(VERBS), noun(rng))}({noun(rng)}{t(': string')}) {{")
            for _ in range(rng.randint(2, 5)):
                out.extend(js_stmt(rng, "    "))
            out.append("  }")
        out.append("}")
        return "\n".join(out) + "\n\n"
    if r < 0.85:
        items = [f"  {camel(noun(rng), noun(rng))}: {rng.choice(['true', 'false', 'null', repr(noun(rng)), str(rng.randint(1, 9000))])},"
                 for _ in range(rng.randint(3, 10))]
        return f"export const {camel(rng.choice(ADJ), n, 'config')} = {{\n" + "\n".join(items) + "\n};\n\n"
    if r < 0.93:
        return "".join(f"import {{ {camel(rng.choice(VERBS), noun(rng))} }} from \"../{rng.choice(DIRS)}/{noun(rng)}\";\n"
                       for _ in range(rng.randint(1, 4))) + "\n"
    return "\n".join(f"// {sentence(rng)}" for _ in range(rng.randint(1, 3))) + "\n"


def js_stmt(rng: random.Random, ind: str) -> list[str]:
    a, b, c = noun(rng), noun(rng), noun(rng)
    k = rng.randrange(12)
    if k == 0:
        return [f"{ind}const {a} = {b}?.{c} ?? {rng.choice(['null', '0', '[]', repr(rng.choice(ADJ))])};"]
    if k == 1:
        return [f"{ind}if (!{a}) {{", f"{ind}  throw new Error(`missing {a} for ${{{b}.id}}`);", f"{ind}}}"]
    if k == 2:
        return [f"{ind}for (const {a} of {b}s) {{", f"{ind}  {c}s.push({a}.{noun(rng)});", f"{ind}}}"]
    if k == 3:
        return [f"{ind}logger.{rng.choice(['debug', 'info', 'warn'])}(`{rng.choice(VERBS)} ${{{a}}}`, {{ {b} }});"]
    if k == 4:
        return [f"{ind}const res = await fetch(`${{baseUrl}}/{a}s/${{{b}.id}}`, {{",
                f"{ind}  method: \"{rng.choice(['GET', 'POST', 'PUT'])}\",",
                f"{ind}  headers: {{ \"Content-Type\": \"application/json\" }},", f"{ind}}});"]
    if k == 5:
        return [f"{ind}const {a}s = {b}s.filter(({c}) => {c}.{rng.choice(ADJ)}).map(({c}) => {c}.id);"]
    if k == 6:
        return [f"{ind}const msg = `{a} ${{{b}}} not found`;", f"{ind}errors.push(msg);"]
    if k == 7:
        return [f"{ind}try {{", f"{ind}  {a} = await client.{camel(rng.choice(VERBS), b)}({c});",
                f"{ind}}} catch (err) {{", f"{ind}  console.error(\"failed to {rng.choice(VERBS)} {b}\", err);", f"{ind}}}"]
    if k == 8 and rng.random() < 0.15:
        return [f"{ind}const cacheKey = `{a}:${{{b}.id}}`;", f"{ind}const {c} = cache.get(cacheKey);"]
    if k == 9:
        return [f"{ind}state.{a} = {{ ...state.{a}, [{b}.id]: {c} }};"]
    if k == 10:
        return [f"{ind}emitter.emit(\"{a}:{rng.choice(VERBS)}\", {{ {b}, {c} }});"]
    return [f"{ind}{a}.{camel(rng.choice(VERBS), b)}({c});"]


def go_block(rng: random.Random) -> str:
    r = rng.random()
    v, n, n2 = rng.choice(VERBS), noun(rng), noun(rng)
    if r < 0.5:
        out = [f"// {pascal(v, n)} {sentence(rng).lower()}",
               f"func (s *{pascal(n2)}Service) {pascal(v, n)}(ctx context.Context, {n2} *{pascal(n2)}) (*{pascal(n)}, error) {{"]
        for _ in range(rng.randint(2, 8)):
            out.extend(go_stmt(rng))
        out.append(f"\treturn &{pascal(n)}{{}}, nil")
        out.append("}")
        return "\n".join(out) + "\n\n"
    if r < 0.8:
        out = [f"// {pascal(n)} {sentence(rng).lower()}", f"type {pascal(rng.choice(ADJ), n)} struct {{"]
        for _ in range(rng.randint(3, 9)):
            f = noun(rng)
            out.append(f"\t{pascal(f, rng.choice(('', 'id', 'name', 'count')))} {rng.choice(('string', 'int64', 'bool', 'time.Time', '[]string'))} `json:\"{snake(f)}\"`")
        out.append("}")
        return "\n".join(out) + "\n\n"
    if r < 0.9:
        return "const (\n" + "".join(f"\t{pascal(rng.choice(ADJ), noun(rng))} = \"{noun(rng)}\"\n" for _ in range(rng.randint(2, 6))) + ")\n\n"
    return "\n".join(f"// {sentence(rng)}" for _ in range(rng.randint(1, 3))) + "\n"


def go_stmt(rng: random.Random) -> list[str]:
    a, b, c = noun(rng), noun(rng), noun(rng)
    k = rng.randrange(9)
    if k == 0:
        return [f"\t{a}, err := s.store.{pascal(rng.choice(VERBS), b)}(ctx, {c}.ID)", "\tif err != nil {",
                f"\t\treturn nil, fmt.Errorf(\"{rng.choice(VERBS)} {b}: %w\", err)", "\t}"]
    if k == 1:
        return [f"\tfor _, {a} := range {b}s {{", f"\t\t{c}s = append({c}s, {a}.{pascal(noun(rng))})", "\t}"]
    if k == 2:
        return [f"\ts.log.Info(\"{rng.choice(VERBS)} {a}\", \"{b}\", {c}.ID)"]
    if k == 3:
        return [f"\tif {a} == nil {{", f"\t\treturn nil, Err{pascal(a)}NotFound", "\t}"]
    if k == 4 and rng.random() < 0.15:
        return [f"\tcacheKey := fmt.Sprintf(\"{a}:%s\", {b}.ID)", f"\tif v, ok := s.cache.Get(cacheKey); ok {{", f"\t\t_ = v", "\t}"]
    if k == 5:
        return [f"\tctx, cancel := context.WithTimeout(ctx, {rng.randint(1, 30)}*time.Second)", "\tdefer cancel()"]
    if k == 6:
        return [f"\tmsg := fmt.Sprintf(\"{a} %q not found\", {b}.Name)", "\ts.metrics.Inc(msg)"]
    if k == 7:
        return [f"\t{a} := {b}.{pascal(c)}"]
    return [f"\ts.mu.Lock()", f"\ts.{camel(a, 's')}[{b}.ID] = {c}", "\ts.mu.Unlock()"]


def java_block(rng: random.Random) -> str:
    r = rng.random()
    v, n, n2 = rng.choice(VERBS), noun(rng), noun(rng)
    if r < 0.6:
        out = ["    /**", f"     * {sentence(rng)}", "     */",
               f"    public {pascal(n)} {camel(v, n)}({pascal(n2)} {n2}, String {noun(rng)}Id) {{"]
        for _ in range(rng.randint(2, 8)):
            out.extend(java_stmt(rng))
        out.append(f"        return {rng.choice([n2 + '.get' + pascal(n) + '()', 'result', 'null'])};")
        out.append("    }")
        return "\n".join(out) + "\n\n"
    if r < 0.85:
        f = noun(rng)
        t = rng.choice(("String", "long", "boolean", "int", "Instant"))
        return (f"    private {t} {f};\n\n    public {t} get{pascal(f)}() {{\n        return {f};\n    }}\n\n"
                f"    public void set{pascal(f)}({t} {f}) {{\n        this.{f} = {f};\n    }}\n\n")
    return "\n".join(f"    // {sentence(rng)}" for _ in range(rng.randint(1, 3))) + "\n"


def java_stmt(rng: random.Random) -> list[str]:
    a, b, c = noun(rng), noun(rng), noun(rng)
    k = rng.randrange(8)
    if k == 0:
        return [f"        {pascal(a)} {a} = {b}Repository.findById({c}Id).orElseThrow(() -> new NotFoundException(\"{a}\"));"]
    if k == 1:
        return [f"        if ({a} == null) {{", f"            throw new IllegalArgumentException(\"{a} must not be null\");", "        }"]
    if k == 2:
        return [f"        for ({pascal(a)} {a} : {b}s) {{", f"            {c}s.add({a}.get{pascal(noun(rng))}());", "        }"]
    if k == 3:
        return [f"        log.{rng.choice(['debug', 'info', 'warn'])}(\"{rng.choice(VERBS)} {{}} for {{}}\", {a}, {b});"]
    if k == 4 and rng.random() < 0.15:
        return [f"        String cacheKey = \"{a}:\" + {b}.getId();", f"        {pascal(c)} cached = cache.get(cacheKey);"]
    if k == 5:
        return [f"        try {{", f"            {a}Client.{camel(rng.choice(VERBS), b)}({c});",
                f"        }} catch (IOException e) {{", f"            log.error(\"failed to {rng.choice(VERBS)} {b}\", e);", "        }"]
    if k == 6:
        return [f"        Map<String, Object> {a}Map = new HashMap<>();", f"        {a}Map.put(\"{b}\", {c});"]
    return [f"        {a}.set{pascal(b)}({c});"]


def yaml_block(rng: random.Random) -> str:
    r = rng.random()
    n = noun(rng)
    if r < 0.4:
        env = []
        for _ in range(rng.randint(2, 6)):
            var = snake(noun(rng), rng.choice(("url", "timeout", "host", "port", "name", "level"))).upper()
            env.append(f"            - name: {var}\n              value: \"{noun(rng)}\"")
        return (f"---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {n}-{noun(rng)}\n"
                f"  labels:\n    app: {n}\nspec:\n  replicas: {rng.randint(1, 6)}\n  template:\n    spec:\n"
                f"      containers:\n        - name: {n}\n          image: registry.internal/{n}:{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}\n"
                f"          env:\n" + "\n".join(env) + "\n")
    if r < 0.7:
        lines = [f"{n}:"]
        for _ in range(rng.randint(2, 8)):
            lines.append(f"  {snake(noun(rng), noun(rng))}: {rng.choice(['true', 'false', str(rng.randint(1, 900)), noun(rng)])}")
        return "\n".join(lines) + "\n"
    return (f"  {rng.choice(VERBS)}-{n}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
            f"      - run: make {rng.choice(VERBS)}\n        env:\n          {snake(noun(rng), 'url').upper()}: ${{{{ vars.{snake(noun(rng), 'url').upper()} }}}}\n")


def json_block(rng: random.Random) -> str:
    items = []
    for _ in range(rng.randint(2, 7)):
        k = camel(noun(rng), noun(rng))
        items.append(f'    "{k}": {rng.choice([json.dumps(noun(rng)), str(rng.randint(0, 99999)), "true", "false", "null", json.dumps(sentence(rng, 2, 6))])}')
    return "  {\n" + ",\n".join(items) + "\n  },\n"


def md_block(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.5:
        return " ".join(sentence(rng, 6, 18) for _ in range(rng.randint(2, 6))) + "\n\n"
    if r < 0.7:
        return f"## {pascal(rng.choice(VERBS))} {noun(rng)}s\n\n"
    if r < 0.85:
        return "```bash\n" + "".join(f"{rng.choice(['make', 'npm run', 'go run ./cmd/' + noun(rng), 'python -m ' + noun(rng)])} {rng.choice(VERBS)}\n" for _ in range(rng.randint(1, 4))) + "```\n\n"
    return "| option | default | description |\n|---|---|---|\n" + "".join(
        f"| `{snake(noun(rng), noun(rng))}` | `{rng.randint(0, 100)}` | {sentence(rng, 3, 8)} |\n" for _ in range(rng.randint(2, 6))) + "\n"


def env_block(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(2, 6)):
        var = snake(noun(rng), rng.choice(("url", "host", "port", "timeout", "level", "enabled"))).upper()
        lines.append(f"{var}={rng.choice([noun(rng), str(rng.randint(1, 9000)), 'true', 'false', 'http://' + rng.choice(HOSTS)])}")
    return "\n".join(lines) + "\n"


# Near-misses: security-adjacent code that is not a secret. Fresh values every time.
def near_miss(rng: random.Random, lang: str) -> str:
    k = rng.randrange(16)
    bad_gh = github_token(rng, valid=False)
    n = noun(rng)
    if lang == "py":
        opts = [
            'password = request.form["password"]\nif not check_password(user, password):\n    raise AuthError("invalid password")\n',
            f'api_key = os.environ.get("{n.upper()}_API_KEY")\nsecret = os.getenv("APP_SECRET", "")\n',
            'token = jwt.encode(payload, settings.SECRET_KEY, algorithm="HS256")\n',
            '# Example credentials from the AWS docs: AKIAIOSFODNN7EXAMPLE\n',
            'AWS_ACCESS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]\nAWS_SECRET_ACCESS_KEY = os.environ["AWS_SECRET_ACCESS_KEY"]\n',
            'DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://localhost:5432/app")\n',
            'STRIPE_KEY = "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"  # set in the environment\n',
            'SLACK_TOKEN = "xoxb-your-bot-token-here"\n',
            f'GITHUB_TOKEN_FORMAT = "{bad_gh}"  # checksum does not match\n',
            'password_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt())\n',
            'def reset_password(user, new_password):\n    user.set_password(new_password)\n    user.save(update_fields=["password"])\n',
            f'for key, value in sorted({n}.items()):\n    tokens.append(f"{{key}}={{value}}")\n',
            'PUBLIC_KEY = """-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE' + rstr(rng, B64, 40) + '\n-----END PUBLIC KEY-----"""\n',
            'refresh_token = session.pop("refresh_token", None)\naccess_token = response.json()["access_token"]\n',
            'db_password = settings.DATABASES["default"]["PASSWORD"]\n',
            f'msg.{n} = msg.get("{n}") or default_{n}\n',
        ]
    elif lang in ("js", "ts"):
        opts = [
            'const password = req.body.password;\nif (!(await bcrypt.compare(password, user.passwordHash))) {\n  throw new AuthError("invalid password");\n}\n',
            f'const apiKey = process.env.{n.upper()}_API_KEY;\nconst secret = process.env.APP_SECRET ?? "";\n',
            'const token = localStorage.getItem("token");\nheaders.Authorization = `Bearer ${token}`;\n',
            '// AKIAIOSFODNN7EXAMPLE is the documentation key id, never a real one\n',
            'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n',
            'const SLACK_TOKEN = "xoxb-your-bot-token-here";\n',
            f'const sampleToken = "{bad_gh}"; // fails the checksum\n',
            'export const connection = { connectionString: process.env.DATABASE_URL ?? "postgres://localhost:5432/dev" };\n',
            f'Object.keys({n}).forEach((key) => {{\n  tokens.push(`${{key}}=${{{n}[key]}}`);\n}});\n',
            'const { accessToken, refreshToken } = await auth.refresh(session.refreshToken);\n',
            'if (msg.type === "token_expired") {\n  await renewToken();\n}\n',
            f'const keyFor = ({n}) => `${{{n}.tenant}}:${{{n}.id}}`;\n',
            'passwordInput.setAttribute("type", "password");\n',
            'export const SECRET_HEADER = "x-webhook-secret";\n',
            'const sk = "sk_live_" + process.env.STRIPE_SUFFIX;\n',
            'res.cookie("session_token", token, { httpOnly: true, secure: true });\n',
        ]
    elif lang == "go":
        opts = [
            'password := os.Getenv("DB_PASSWORD")\nif password == "" {\n\treturn errors.New("DB_PASSWORD is not set")\n}\n',
            f'apiKey := os.Getenv("{n.upper()}_API_KEY")\n',
            'token, err := jwt.ParseWithClaims(raw, &claims, keyFunc)\nif err != nil {\n\treturn nil, err\n}\n',
            '// AKIAIOSFODNN7EXAMPLE: documentation access key id\n',
            f'for key, value := range {n}s {{\n\ttokens = append(tokens, key+"="+value)\n}}\n',
            'dsn := fmt.Sprintf("postgres://%s:%s@%s/%s", cfg.User, cfg.Password, cfg.Host, cfg.Name)\n',
            f'const testToken = "{bad_gh}" // not a valid checksum\n',
            'type Credentials struct {\n\tUsername string `json:"username"`\n\tPassword string `json:"password"`\n\tToken    string `json:"token"`\n}\n',
            'secret := []byte(cfg.Secret)\nmac := hmac.New(sha256.New, secret)\n',
            'key := fmt.Sprintf("%s/%s", bucket, object)\n',
            'msg.Header.Set("X-Request-Id", id)\n',
        ]
    elif lang == "java":
        opts = [
            '        @Value("${app.jwt.secret}")\n        private String jwtSecret;\n',
            '        String password = request.getParameter("password");\n        if (!passwordEncoder.matches(password, user.getPasswordHash())) {\n            throw new BadCredentialsException("invalid password");\n        }\n',
            '        String token = tokenService.issueToken(user, Duration.ofHours(1));\n',
            '        // AKIAIOSFODNN7EXAMPLE is the AWS documentation example key\n',
            f'        String apiKey = System.getenv("{n.upper()}_API_KEY");\n',
            '        String url = "jdbc:postgresql://localhost:5432/app";\n',
            f'        for (Map.Entry<String, String> entry : {n}.entrySet()) {{\n            tokens.add(entry.getKey() + "=" + entry.getValue());\n        }}\n',
            '        KeyStore keyStore = KeyStore.getInstance("PKCS12");\n',
        ]
    elif lang == "yaml":
        opts = [
            '            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: db-credentials\n                  key: password\n',
            'auth:\n  token: ${AUTH_TOKEN}\n  secret: "{{ .Values.auth.secret }}"\n',
            'database:\n  url: postgres://localhost:5432/app\n  password: changeme\n',
            f'  {n}_api_key: !vault secret/data/{n}#api_key\n',
            'stripe:\n  secret_key: sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\n',
            'slack:\n  bot_token: xoxb-your-bot-token-here\n',
        ]
    elif lang == "json":
        opts = [
            '  {\n    "password_label": "Password",\n    "password_hint": "At least 12 characters",\n    "token_expired": "Your session token expired"\n  },\n',
            '  {\n    "apiKey": "${API_KEY}",\n    "secretRef": "vault:secret/app#key"\n  },\n',
            f'  {{\n    "awsAccessKeyId": "AKIAIOSFODNN7EXAMPLE",\n    "{n}Key": "{n}"\n  }},\n',
        ]
    elif lang == "env":
        opts = [
            'DB_PASSWORD=\nAPI_KEY=\nSECRET_KEY=${SECRET_KEY}\n',
            'STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\n',
            'DATABASE_URL=postgres://localhost:5432/dev\n',
            'SLACK_BOT_TOKEN=xoxb-your-bot-token-here\n',
            'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n',
        ]
    else:  # md
        opts = [
            'Set `DB_PASSWORD` and `API_KEY` in the environment; never commit a real password or token.\n\n',
            'The access key id looks like `AKIAIOSFODNN7EXAMPLE` and the secret key is 40 characters.\n\n',
            '```bash\nexport GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n```\n\n',
            'Rotate the token and the signing key every 90 days; see the secrets runbook.\n\n',
        ]
    return opts[k % len(opts)]


# --------------------------------------------------------------------------------------
# planted secret snippets: (text, line offset of the secret within text)


def planted_snippet(rng: random.Random, lang: str, kind: str, value: str) -> tuple[str, int]:
    n = noun(rng)
    host = rng.choice(HOSTS)
    user = rng.choice(("app", "svc", n, "admin", "reporting"))
    db = noun(rng)
    url = ""
    if kind == "postgres-url":
        scheme = rng.choice(("postgres", "postgresql"))
        url = f"{scheme}://{user}:{value}@{host}:5432/{db}"
    if kind == "private-key":
        lines = value.split("\n")
        if lang == "py":
            return f'{n.upper()}_SIGNING_KEY = """' + "\n".join(lines) + '\n"""\n', 0
        if lang in ("js", "ts"):
            return f"export const {camel(n, 'privateKey')} = `" + "\n".join(lines) + "\n`;\n", 0
        if lang == "go":
            return f"const {camel(n, 'PrivateKey')} = `" + "\n".join(lines) + "\n`\n", 0
        if lang == "java":
            return '        String privateKey = """\n' + "\n".join("            " + l for l in lines) + '\n            """;\n', 1
        if lang == "yaml":
            return f"{n}_tls_key: |\n" + "\n".join("  " + l for l in lines) + "\n", 1
        if lang == "json":
            return '  {\n    "type": "service_account",\n    "private_key": "' + "\\n".join(lines) + '\\n"\n  },\n', 2
        if lang == "env":
            return 'SIGNING_KEY="' + "\\n".join(lines) + '"\n', 0
        return "```\n" + "\n".join(lines) + "\n```\n\n", 1
    if lang == "py":
        t = {
            "aws-access-key-id": f'AWS_ACCESS_KEY_ID = "{value}"',
            "github-pat": f'GITHUB_TOKEN = "{value}"',
            "stripe-live-key": f'stripe.api_key = "{value}"',
            "slack-bot-token": f'slack_client = WebClient(token="{value}")',
            "postgres-url": f'DATABASE_URL = "{url}"',
            "password-assignment": f'{rng.choice(("password", "db_password", "ADMIN_PASSWORD", "smtp_password"))} = "{value}"',
        }[kind]
        return f"# {sentence(rng, 3, 7)}\n{t}\n", 1
    if lang in ("js", "ts"):
        t = {
            "aws-access-key-id": f'  accessKeyId: "{value}",',
            "github-pat": f'const githubToken = "{value}";',
            "stripe-live-key": f'const stripe = new Stripe("{value}");',
            "slack-bot-token": f'const slack = new WebClient("{value}");',
            "postgres-url": f'const pool = new Pool({{ connectionString: "{url}" }});',
            "password-assignment": f'const {rng.choice(("password", "dbPassword", "adminPassword"))} = "{value}";',
        }[kind]
        if kind == "aws-access-key-id":
            return "const s3 = new S3Client({\n  region: \"eu-west-1\",\n" + t + "\n});\n", 2
        return t + "\n", 0
    if lang == "go":
        t = {
            "aws-access-key-id": f'\tAccessKeyID: "{value}",',
            "github-pat": f'const githubToken = "{value}"',
            "stripe-live-key": f'stripe.Key = "{value}"',
            "slack-bot-token": f'api := slack.New("{value}")',
            "postgres-url": f'db, err := sql.Open("pgx", "{url}")',
            "password-assignment": f'\tPassword: "{value}",',
        }[kind]
        if kind in ("aws-access-key-id", "password-assignment"):
            return "var defaultCreds = Credentials{\n" + t + "\n}\n", 1
        return t + "\n", 0
    if lang == "java":
        t = {
            "aws-access-key-id": f'    private static final String AWS_ACCESS_KEY_ID = "{value}";',
            "github-pat": f'    private static final String GITHUB_TOKEN = "{value}";',
            "stripe-live-key": f'        Stripe.apiKey = "{value}";',
            "slack-bot-token": f'        Slack slack = Slack.getInstance(); String botToken = "{value}";',
            "postgres-url": f'    private static final String DATABASE_URL = "{url}";',
            "password-assignment": f'    private static final String PASSWORD = "{value}";',
        }[kind]
        return t + "\n", 0
    if lang == "yaml":
        t = {
            "aws-access-key-id": f"aws:\n  access_key_id: {value}",
            "github-pat": f"github:\n  token: {value}",
            "stripe-live-key": f"stripe:\n  secret_key: {value}",
            "slack-bot-token": f"slack:\n  bot_token: {value}",
            "postgres-url": f"database:\n  url: {url}",
            "password-assignment": f"smtp:\n  password: \"{value}\"",
        }[kind]
        return t + "\n", 1
    if lang == "json":
        t = {
            "aws-access-key-id": f'    "accessKeyId": "{value}"',
            "github-pat": f'    "githubToken": "{value}"',
            "stripe-live-key": f'    "stripeSecretKey": "{value}"',
            "slack-bot-token": f'    "slackBotToken": "{value}"',
            "postgres-url": f'    "databaseUrl": "{url}"',
            "password-assignment": f'    "password": "{value}"',
        }[kind]
        return "  {\n" + t + "\n  },\n", 1
    if lang == "env":
        t = {
            "aws-access-key-id": f"AWS_ACCESS_KEY_ID={value}",
            "github-pat": f"GITHUB_TOKEN={value}",
            "stripe-live-key": f"STRIPE_SECRET_KEY={value}",
            "slack-bot-token": f"SLACK_BOT_TOKEN={value}",
            "postgres-url": f"DATABASE_URL={url}",
            "password-assignment": f"DB_PASSWORD={value}",
        }[kind]
        return t + "\n", 0
    # md
    t = {
        "aws-access-key-id": f"export AWS_ACCESS_KEY_ID={value}",
        "github-pat": f"export GITHUB_TOKEN={value}",
        "stripe-live-key": f"export STRIPE_SECRET_KEY={value}",
        "slack-bot-token": f"export SLACK_BOT_TOKEN={value}",
        "postgres-url": f"psql \"{url}\"",
        "password-assignment": f"password = \"{value}\"",
    }[kind]
    return "```bash\n" + t + "\n```\n\n", 1


def snippet_column(text: str, off: int, value: str) -> int:
    """1-based byte column of the secret's first line within line `off` of `text`."""
    col = text.split("\n")[off].find(value.split("\n")[0])
    assert col >= 0, (text, value)
    return col + 1


def minified_planted(kind: str, value: str) -> str:
    return {
        "aws-access-key-id": f'accessKeyId:"{value}"',
        "github-pat": f'githubToken:"{value}"',
        "stripe-live-key": f'stripeKey:"{value}"',
        "slack-bot-token": f'slackToken:"{value}"',
        "postgres-url": f'dbUrl:"postgres://app:{value}@db.internal:5432/app"',
        "password-assignment": f'password:"{value}"',
    }[kind]


# --------------------------------------------------------------------------------------
# pools and headers

LANGS = {
    # lang: (weight in bytes, extensions, median size, sigma)
    "py": (0.22, (".py",), 9000, 0.9),
    "js": (0.11, (".js", ".jsx", ".mjs"), 8000, 0.9),
    "ts": (0.13, (".ts", ".tsx"), 8000, 0.9),
    "go": (0.13, (".go",), 10000, 0.9),
    "java": (0.13, (".java",), 11000, 0.8),
    "yaml": (0.06, (".yaml", ".yml"), 3000, 0.9),
    "json": (0.08, (".json",), 7000, 1.1),
    "env": (0.004, (".env",), 600, 0.5),
    "md": (0.056, (".md",), 5000, 0.9),
}
POOL_SIZE = 1500


def block_fn(lang: str):
    return {
        "py": py_block, "js": lambda r: js_block(r, False), "ts": lambda r: js_block(r, True),
        "go": go_block, "java": java_block, "yaml": yaml_block, "json": json_block,
        "env": env_block, "md": md_block,
    }[lang]


def header(rng: random.Random, lang: str, path: str) -> str:
    if lang == "py":
        mods = rng.sample(("os", "json", "time", "hashlib", "logging", "typing", "dataclasses", "re", "datetime"), 4)
        return f'"""{sentence(rng)}"""\n\n' + "".join(f"import {m}\n" for m in sorted(mods)) + "\nlogger = logging.getLogger(__name__)\n\n\n"
    if lang in ("js", "ts"):
        return f"// {sentence(rng)}\nimport {{ logger }} from \"../lib/logger\";\n\n"
    if lang == "go":
        pkg = path.rsplit("/", 2)[-2] if "/" in path else "main"
        pkg = "".join(c for c in pkg if c.isalnum()) or "main"
        return f"// Package {pkg} {sentence(rng).lower()}\npackage {pkg}\n\nimport (\n\t\"context\"\n\t\"fmt\"\n\t\"time\"\n)\n\n"
    if lang == "java":
        return "package com.acme.app;\n\nimport java.util.*;\n\n" + f"public class {pascal(noun(rng), 'Service')} {{\n\n"
    if lang == "json":
        return "[\n"
    if lang == "md":
        return f"# {pascal(noun(rng))} {noun(rng)}\n\n"
    return ""


def footer(lang: str) -> str:
    if lang == "java":
        return "}\n"
    if lang == "json":
        return "  {}\n]\n"
    return ""


# --------------------------------------------------------------------------------------
# lockfiles and minified bundles


def npm_name(rng: random.Random) -> str:
    base = "-".join(rng.sample(("core", "utils", "parse", "fast", "json", "stream", "async", "color",
                                "path", "glob", "http", "proxy", "cache", "date", "format", "event",
                                "emitter", "is", "to", "buffer", "string", "array", "deep", "merge",
                                "key", "token", "auth", "crypto", "hash", "url", "query", "schema"), rng.randint(1, 3)))
    return (f"@{rng.choice(('babel', 'types', 'aws-sdk', 'smithy', 'jest', 'octokit', 'esbuild'))}/{base}"
            if rng.random() < 0.25 else base)


def semver(rng: random.Random) -> str:
    return f"{rng.randint(0, 12)}.{rng.randint(0, 40)}.{rng.randint(0, 30)}"


def package_lock(rng: random.Random, target: int) -> str:
    parts = ['{\n  "name": "' + rng.choice(PROJECTS) + '",\n  "version": "' + semver(rng) + '",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {\n']
    size = len(parts[0])
    first = True
    while size < target:
        name, ver = npm_name(rng), semver(rng)
        integ = base64.b64encode(rng.randbytes(64)).decode()
        deps = ",\n".join(f'        "{npm_name(rng)}": "^{semver(rng)}"' for _ in range(rng.randint(0, 4)))
        entry = (("" if first else ",\n") + f'    "node_modules/{name}": {{\n      "version": "{ver}",\n'
                 f'      "resolved": "https://registry.npmjs.org/{name}/-/{name.rsplit("/", 1)[-1]}-{ver}.tgz",\n'
                 f'      "integrity": "sha512-{integ}",\n'
                 + (f'      "dependencies": {{\n{deps}\n      }},\n' if deps else "")
                 + f'      "license": "{rng.choice(("MIT", "ISC", "Apache-2.0", "BSD-3-Clause"))}"\n    }}')
        first = False
        parts.append(entry)
        size += len(entry)
    parts.append("\n  }\n}\n")
    return "".join(parts)


def yarn_lock(rng: random.Random, target: int) -> str:
    parts = ["# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n\n"]
    size = len(parts[0])
    while size < target:
        name, ver = npm_name(rng), semver(rng)
        integ = base64.b64encode(rng.randbytes(64)).decode()
        e = (f'"{name}@^{ver}":\n  version "{ver}"\n  resolved "https://registry.yarnpkg.com/{name}/-/{name.rsplit("/", 1)[-1]}-{ver}.tgz#{rstr(rng, HEXL, 40)}"\n'
             f"  integrity sha512-{integ}\n\n")
        parts.append(e)
        size += len(e)
    return "".join(parts)


def go_sum(rng: random.Random, target: int) -> str:
    parts = []
    size = 0
    while size < target:
        mod = f"github.com/{rng.choice(PROJECTS)}/{noun(rng)}-{rng.choice(DIRS)}"
        ver = "v" + semver(rng)
        e = (f"{mod} {ver} h1:{base64.b64encode(rng.randbytes(32)).decode()}\n"
             f"{mod} {ver}/go.mod h1:{base64.b64encode(rng.randbytes(32)).decode()}\n")
        parts.append(e)
        size += len(e)
    return "".join(parts)


def poetry_lock(rng: random.Random, target: int) -> str:
    parts = []
    size = 0
    while size < target:
        name = noun(rng) + "-" + rng.choice(DIRS)
        ver = semver(rng)
        files = ",\n".join(f'    {{file = "{name}-{ver}-py3-none-any.whl", hash = "sha256:{rstr(rng, HEXL, 64)}"}}' for _ in range(rng.randint(1, 3)))
        e = (f'[[package]]\nname = "{name}"\nversion = "{ver}"\ndescription = "{sentence(rng, 3, 8)}"\n'
             f'optional = false\npython-versions = ">=3.8"\nfiles = [\n{files},\n]\n\n')
        parts.append(e)
        size += len(e)
    return "".join(parts)


MIN_IDS = [a + b for a in "abcdefghijklmnopqrstuvwxyz" for b in ("", "e", "t", "n", "r")]


def minified_pool(rng: random.Random) -> list[str]:
    pool = []
    for _ in range(3000):
        a, b, c = rng.choice(MIN_IDS), rng.choice(MIN_IDS), rng.choice(MIN_IDS)
        n, v = noun(rng), rng.choice(VERBS)
        k = rng.randrange(10)
        s = [
            f"function {a}({b},{c}){{return {b}.{n}?{c}({b}.{n}):null}}",
            f"var {a}={b}.{n}||{{}},{c}={a}.{noun(rng)}",
            f'{a}.prototype.{camel(v, n)}=function({b}){{this._{n}={b};return this}}',
            f'if(!{a}.{n})throw new Error("{v} {n} failed")',
            f'{a}=Object.assign({{}},{b},{{{n}:{c}}})',
            f'{a}.headers["x-{n}-id"]={b}.id',
            f'for(var {a}=0;{a}<{b}.length;{a}++){c}.push({b}[{a}].{n})',
            f'"{n}"===typeof {a}&&({b}[{c}]={a})',
            f'{a}.emit("{n}:{v}",{{{n}:{b}}})',
            f'var {a}="{sentence(rng, 2, 6)}"',
        ][k]
        pool.append(s)
    # near-misses that minified bundles really carry
    pool += ['e.token=t.token', 'n.key=r', 'r.secretKey=void 0', 'password:"password"',
             'type:"password"', 'o.apiKey=i.apiKey||""', 'Authorization:"Bearer "+t',
             'AKIAIOSFODNN7EXAMPLE', 'n.sessionToken', 'e.keyCode===13', 'msg.data']
    return pool


def minified_bundle(rng: random.Random, pool: list[str], target: int, plants: list[tuple[str, str]]) -> str:
    n = max(1, target // 42)
    parts = rng.choices(pool, k=n)
    for kind, value in plants:
        parts.insert(rng.randrange(len(parts)), minified_planted(kind, value))
    return "!function(){" + ";".join(parts) + "}();\n"


# --------------------------------------------------------------------------------------
# layout

TEST_DIR_NAMES = ("tests", "test", "__tests__", "spec", "fixtures", "docs", "examples")


def is_test_like(rel: str) -> bool:
    segs = rel.lower().split("/")
    name = segs.pop()
    return (any(s in ("test", "tests", "spec", "specs", "__tests__", "testdata", "test-data",
                      "fixtures", "fixture", "__fixtures__", "mocks", "__mocks__", "examples",
                      "docs", "doc") for s in segs)
            or name.startswith("test_") or "_test." in name or ".test." in name or ".spec." in name)


def project_root(rng: random.Random, lang: str, proj: str) -> str:
    return {
        "py": f"services/{proj}/src/{proj}",
        "js": f"web/{proj}/src",
        "ts": f"web/{proj}/src",
        "go": f"go/{proj}/internal",
        "java": f"java/{proj}/src/main/java/com/acme/{proj}",
        "yaml": f"deploy/{proj}",
        "json": f"config/{proj}",
        "env": f"services/{proj}",
        "md": f"services/{proj}",
    }[lang]


def generate(out: str, size_mb: int, seed: int) -> dict:
    rng = random.Random(seed)
    tree = os.path.join(out, "tree")
    if os.path.exists(tree):
        shutil.rmtree(tree)
    os.makedirs(tree)
    target = size_mb * 1024 * 1024

    pools = {lang: [block_fn(lang)(rng) for _ in range(POOL_SIZE)] for lang in LANGS}
    pool_nl = {lang: [b.count("\n") for b in pools[lang]] for lang in LANGS}
    mpool = minified_pool(rng)

    n_projects = max(3, min(len(PROJECTS), size_mb // 16))
    projects = PROJECTS[:n_projects]
    # Per-project directory trees, fixed up front.
    dirs: dict[tuple[str, str], list[str]] = {}
    for lang in LANGS:
        for proj in projects:
            root = project_root(rng, lang, proj)
            ds = [root]
            for _ in range(rng.randint(4, 30)):
                parent = rng.choice(ds)
                if parent.count("/") < root.count("/") + 4:
                    ds.append(parent + "/" + rng.choice(DIRS))
            dirs[(lang, proj)] = sorted(set(ds))

    # Budgets.
    min_budget = max(1, int(target * 0.045))
    lock_budget = int(target * 0.09)
    reg_budget = target - min_budget - lock_budget

    # File specs for regular files.
    specs = []  # (rel, lang, size)
    used = set()
    total = 0
    langs = list(LANGS)
    weights = [LANGS[l][0] for l in langs]
    while total < reg_budget:
        lang = rng.choices(langs, weights=weights)[0]
        _, exts, median, sigma = LANGS[lang]
        size = int(min(400_000, max(250, rng.lognormvariate(math.log(median), sigma))))
        proj = rng.choice(projects)
        d = rng.choice(dirs[(lang, proj)])
        testish = rng.random() < 0.08
        if lang == "env":
            name = rng.choice((".env", ".env.production", ".env.staging", ".env.local", "app.env"))
        elif lang == "md":
            name = rng.choice(("README.md", "CHANGELOG.md", "NOTES.md", f"{noun(rng)}.md"))
            if rng.random() < 0.4:
                d = d.split("/src/")[0] + "/docs"
        else:
            base = snake(noun(rng), noun(rng)) if lang in ("py", "go") else (
                pascal(noun(rng), rng.choice(("Service", "Controller", "Repository", "Client", "Util"))) if lang == "java"
                else camel(noun(rng), noun(rng)) if lang in ("js", "ts") else
                f"{noun(rng)}-{noun(rng)}")
            if testish:
                if lang == "py":
                    d, base = d.rsplit("/src/", 1)[0] + "/tests", "test_" + base
                elif lang == "go":
                    base += "_test"
                elif lang in ("js", "ts"):
                    d = d + "/__tests__"
                    base += ".test"
                elif lang == "java":
                    d = d.replace("/src/main/", "/src/test/") + "/test"
                    base += "Test"
            name = base + rng.choice(exts)
        rel = f"{d}/{name}"
        if rel in used:
            continue
        used.add(rel)
        specs.append((rel, lang, size))
        total += size

    # Lockfiles.
    lock_specs = []
    total = 0
    while total < lock_budget:
        kind = rng.choices(("package-lock.json", "yarn.lock", "go.sum", "poetry.lock"), weights=(5, 2, 2, 1))[0]
        size = int(min(6_000_000, max(20_000, rng.lognormvariate(math.log(250_000), 0.9))))
        proj = rng.choice(projects)
        d = {"package-lock.json": f"web/{proj}", "yarn.lock": f"web/{proj}/packages/{noun(rng)}",
             "go.sum": f"go/{proj}/{rng.choice(('', 'tools', 'cmd/' + noun(rng)))}".rstrip("/"),
             "poetry.lock": f"services/{proj}"}[kind]
        rel = f"{d}/{kind}"
        if rel in used:
            continue
        used.add(rel)
        lock_specs.append((rel, kind, size))
        total += size

    # Minified bundles: a few multi-MB single lines.
    n_min = max(1, round(min_budget / 3_500_000))
    min_specs = []
    left = min_budget
    for i in range(n_min):
        size = left if i == n_min - 1 else int(left / (n_min - i) * rng.uniform(0.6, 1.4))
        left -= size
        proj = rng.choice(projects)
        min_specs.append((f"web/{proj}/dist/assets/index-{rstr(rng, HEXL, 8)}.min.js", size))

    # Planting plan.
    n_secrets = max(len(KINDS) * 5, round(size_mb * 0.6))
    kinds = [KINDS[i % len(KINDS)] for i in range(n_secrets)]
    rng.shuffle(kinds)
    eligible = [i for i, (rel, lang, _) in enumerate(specs) if not is_test_like(rel)]
    plan: dict[int, list[str]] = {}
    min_plants: dict[int, list[str]] = {}
    n_min_plants = min(len(kinds) // 10, 3 * len(min_specs))
    for j, kind in enumerate(kinds):
        if j < n_min_plants and kind != "private-key":
            min_plants.setdefault(rng.randrange(len(min_specs)), []).append(kind)
        else:
            plan.setdefault(rng.choice(eligible), []).append(kind)

    manifest = []
    n_files = 0
    n_bytes = 0

    def write(rel: str, text: str) -> None:
        nonlocal n_files, n_bytes
        path = os.path.join(tree, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode()
        with open(path, "wb") as fh:
            fh.write(data)
        n_files += 1
        n_bytes += len(data)

    def record(rel: str, line: int, col: int, kind: str, value: str, lang: str) -> None:
        manifest.append({"path": rel, "line": line, "column": col, "kind": kind, "lang": lang,
                         "length": len(value.split("\n")[0]),
                         "sha256": hashlib.sha256(value.encode()).hexdigest()})

    for i, (rel, lang, size) in enumerate(specs):
        pool, nls = pools[lang], pool_nl[lang]
        parts = [header(rng, lang, rel)]
        line = 1 + parts[0].count("\n")
        cur = len(parts[0])
        todo = list(plan.get(i, []))
        # Block indices at which to plant.
        est_blocks = max(1, size // 500)
        at = sorted(rng.randrange(est_blocks) for _ in todo)
        b = 0
        while cur < size or todo:
            while todo and at and at[0] <= b:
                at.pop(0)
                kind = todo.pop(0)
                value = secret_value(rng, kind)
                text, off = planted_snippet(rng, lang, kind, value)
                record(rel, line + off, snippet_column(text, off, value), kind, value, lang)
                parts.append(text)
                line += text.count("\n")
                cur += len(text)
            if cur >= size and not todo:
                break
            if rng.random() < 0.006:
                text = near_miss(rng, lang)
                parts.append(text)
                line += text.count("\n")
                cur += len(text)
            else:
                k = rng.randrange(POOL_SIZE)
                parts.append(pool[k])
                line += nls[k]
                cur += len(pool[k])
            b += 1
        parts.append(footer(lang))
        write(rel, "".join(parts))

    for rel, kind, size in lock_specs:
        text = {"package-lock.json": package_lock, "yarn.lock": yarn_lock, "go.sum": go_sum,
                "poetry.lock": poetry_lock}[kind](rng, size)
        write(rel, text)

    for i, (rel, size) in enumerate(min_specs):
        plants = [(k, secret_value(rng, k)) for k in min_plants.get(i, [])]
        text = minified_bundle(rng, mpool, size, plants)
        for kind, value in plants:
            record(rel, 1, text.index(value) + 1, kind, value, "min.js")
        write(rel, text)

    manifest.sort(key=lambda m: (m["path"], m["line"]))
    meta = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "size_mb": size_mb,
        "files": n_files,
        "bytes": n_bytes,
        "secrets": manifest,
    }
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=1)
        fh.write("\n")
    return meta


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output directory (tree/ and manifest.json go inside)")
    ap.add_argument("--size-mb", type=int, default=500, help="approximate corpus size in MiB")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    meta = generate(a.out, a.size_mb, a.seed)
    by_kind: dict[str, int] = {}
    for s in meta["secrets"]:
        by_kind[s["kind"]] = by_kind.get(s["kind"], 0) + 1
    print(f"corpus: {a.out}/tree  files={meta['files']}  bytes={meta['bytes']}  "
          f"planted={len(meta['secrets'])} " + " ".join(f"{k}={v}" for k, v in sorted(by_kind.items())),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
