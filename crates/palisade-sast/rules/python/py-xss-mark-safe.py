import json

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from flask import Flask, jsonify, make_response, render_template, request
from markupsafe import Markup, escape

app = Flask(__name__)


@app.route("/search")
def search():
    q = request.args.get("q", "")
    # ruleid: py-xss-mark-safe
    banner = Markup("<p>Results for <b>" + q + "</b></p>")
    # ok: py-xss-mark-safe
    safe_banner = Markup("<p>Results for <b>%s</b></p>") % escape(q)
    return render_template("search.html", banner=banner, safe=safe_banner)


def greet(request):
    name = request.GET.get("name", "guest")
    # ruleid: py-xss-mark-safe
    return HttpResponse("<h1>Hello, %s</h1>" % name)


def greet_safe(request):
    name = request.GET.get("name", "guest")
    # ok: py-xss-mark-safe
    return HttpResponse(format_html("<h1>Hello, {}</h1>", name))


def api(request):
    data = {"q": request.GET.get("q")}
    # ok: py-xss-mark-safe
    return HttpResponse(json.dumps(data), content_type="application/json")


def comment(request):
    text = request.POST["text"]
    # ruleid: py-xss-mark-safe
    html = mark_safe(text.replace("\n", "<br>"))
    return render(request, "comment.html", {"html": html})


@app.route("/echo")
def echo():
    msg = request.args.get("msg", "")
    # ruleid: py-xss-mark-safe
    return make_response("<p>" + msg + "</p>")


@app.route("/echo.json")
def echo_json():
    # ok: py-xss-mark-safe
    return make_response(jsonify(msg=request.args.get("msg", "")))
