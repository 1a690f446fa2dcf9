import re

import ldap
from flask import Flask, request
from ldap.filter import escape_filter_chars
from ldap3 import SUBTREE, Connection, Server

app = Flask(__name__)
BASE_DN = "ou=people,dc=example,dc=com"


@app.route("/user")
def find_user():
    uid = request.args.get("uid", "")
    conn = ldap.initialize("ldap://ldap.example.com")
    # ruleid: py-tainted-ldap
    result = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(uid=" + uid + ")")
    # ok: py-tainted-ldap
    safe = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(uid=%s)" % escape_filter_chars(uid))
    return {"n": len(result) + len(safe)}


@app.route("/login", methods=["POST"])
def login():
    username = request.form["username"]
    server = Server("ldap.example.com")
    connection = Connection(server, auto_bind=True)
    # ruleid: py-tainted-ldap
    connection.search(BASE_DN, f"(&(objectClass=person)(uid={username}))", SUBTREE, attributes=["cn"])
    # ruleid: py-tainted-ldap
    connection.search(search_base=BASE_DN, search_filter=f"(mail={username})")
    # ok: py-tainted-ldap
    match = re.search(r"^[a-z]+$", username)
    return {"found": bool(connection.entries), "valid": bool(match)}
