import sqlite3

from django.http import JsonResponse
from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db")


@app.route("/users")
def users():
    name = request.args.get("name", "")
    cur = db.cursor()
    # ruleid: py-tainted-sql, py-sql-string-built
    cur.execute("SELECT id, email FROM users WHERE name = '%s'" % name)
    # ok: py-tainted-sql
    cur.execute("SELECT id, email FROM users WHERE name = ?", (name,))
    order = "email"
    # ok: py-tainted-sql
    # ruleid: py-sql-string-built
    cur.execute(f"SELECT id FROM users ORDER BY {order}")
    limit = int(request.args.get("limit", "10"))
    # ok: py-tainted-sql
    # ruleid: py-sql-string-built
    cur.execute(f"SELECT id FROM users LIMIT {limit}")
    return {"rows": cur.fetchall()}


def search(request):
    term = request.GET.get("q", "")
    query = "SELECT * FROM shop_item WHERE title LIKE '%%{}%%'".format(term)
    # ruleid: py-tainted-sql
    items = Item.objects.raw(query)
    return JsonResponse({"items": [i.id for i in items]})
