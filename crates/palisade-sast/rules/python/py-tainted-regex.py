import re

from flask import Flask, request

app = Flask(__name__)
PRODUCTS = ["red shoe", "blue shoe", "green hat"]


@app.route("/filter")
def filter_products():
    pattern = request.args.get("pattern", "")
    # ruleid: py-tainted-regex
    rx = re.compile(pattern)
    return {"items": [p for p in PRODUCTS if rx.search(p)]}


@app.route("/search")
def search_products():
    term = request.args.get("q", "")
    # ok: py-tainted-regex
    rx = re.compile(re.escape(term), re.IGNORECASE)
    # ok: py-tainted-regex
    words = re.split(r"\s+", term)
    # ruleid: py-tainted-regex
    hits = [p for p in PRODUCTS if re.search(".*" + term + ".*", p)]
    return {"items": [p for p in PRODUCTS if rx.search(p)], "words": words, "hits": hits}
