from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient("mongodb://db:27017")["shop"]


@app.route("/orders")
def orders():
    min_total = request.args.get("min", "0")
    # ruleid: py-tainted-mongo-query
    cursor = db.orders.find({"$where": "this.total > " + min_total})
    return {"orders": [str(o["_id"]) for o in cursor]}


@app.route("/orders2")
def orders_safe():
    min_total = int(request.args.get("min", "0"))
    # ok: py-tainted-mongo-query
    cursor = db.orders.find({"total": {"$gt": min_total}})
    return {"orders": [str(o["_id"]) for o in cursor]}


@app.route("/users/search", methods=["POST"])
def search_users():
    # ruleid: py-tainted-mongo-query
    users = db.users.find(request.get_json(), {"password": 0})
    return {"users": [u["name"] for u in users]}


@app.route("/login", methods=["POST"])
def login():
    body = request.get_json()
    # ok: py-tainted-mongo-query
    user = db.users.find_one({"username": str(body["username"])})
    return {"ok": user is not None}


@app.route("/products")
def products():
    expr = request.args["filter"]
    # ruleid: py-tainted-mongo-query
    return {"n": db.products.count_documents({'$where': expr})}
