import importlib

from flask import Flask, abort, request

from .exporters import csv_export, pdf_export

app = Flask(__name__)
EXPORTERS = {"csv": csv_export, "pdf": pdf_export}


@app.route("/export")
def export():
    fmt = request.args.get("format", "csv")
    # ruleid: py-tainted-dynamic-import
    module = importlib.import_module("app.exporters." + fmt)
    return module.run()


@app.route("/export2")
def export_safe():
    fmt = request.args.get("format", "csv")
    if fmt not in EXPORTERS:
        abort(404)
    # ok: py-tainted-dynamic-import
    plugin = importlib.import_module("app.exporters.base")
    return EXPORTERS[fmt](plugin)


@app.route("/plugin")
def plugin():
    # ruleid: py-tainted-dynamic-import
    mod = __import__(request.args["name"])
    return str(mod)
