from flask import Flask, request
from lxml import etree

app = Flask(__name__)
USERS = etree.parse("/srv/app/users.xml")


@app.route("/login", methods=["POST"])
def login():
    name = request.form["name"]
    password = request.form["pw"]
    query = "//user[@name='" + name + "' and @password='" + password + "']"
    # ruleid: py-tainted-xpath
    matches = USERS.xpath(query)
    return {"ok": bool(matches)}


@app.route("/user")
def user():
    name = request.args.get("name", "")
    # ok: py-tainted-xpath
    matches = USERS.xpath("//user[@name=$name]", name=name)
    # ruleid: py-tainted-xpath
    finder = etree.XPath(f"//user[@role='{request.args.get('role')}']")
    return {"n": len(matches) + len(finder(USERS))}
