import ast
import json

from flask import Flask, request

app = Flask(__name__)

OPERATIONS = {"sum": sum, "max": max, "min": min}


@app.route("/calc")
def calc():
    expr = request.args.get("expr", "0")
    # ruleid: py-tainted-code-eval
    result = eval(expr)
    return {"result": result}


@app.route("/literal")
def literal():
    raw = request.args.get("value", "[]")
    # ok: py-tainted-code-eval
    value = ast.literal_eval(raw)
    # ok: py-tainted-code-eval
    data = json.loads(raw)
    return {"value": value, "data": data}


@app.route("/hook", methods=["POST"])
def hook():
    body = request.get_json()
    source = "def handler(event):\n    " + body["code"]
    namespace = {}
    # ruleid: py-tainted-code-eval
    exec(compile(source, "<hook>", "exec"), namespace)
    return "ok"


@app.route("/op")
def op():
    name = request.args.get("op", "sum")
    func = OPERATIONS.get(name, sum)
    # ok: py-tainted-code-eval
    total = eval("1 + 2")
    return {"value": func([1, 2, 3]), "total": total}


@app.route("/scale")
def scale():
    factor = int(request.args.get("factor", "1"))
    # ok: py-tainted-code-eval
    return {"value": eval(f"{factor} * 10")}
