from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    next_url = request.args.get("next", "/")
    # ruleid: py-open-redirect
    return redirect(next_url)


@app.route("/logout")
def logout():
    # ok: py-open-redirect
    return redirect(url_for("index"))


@app.route("/go")
def go():
    target = request.args.get("to", "home")
    # ok: py-open-redirect
    return redirect(url_for(target))


def django_login(request):
    next_url = request.POST.get("next", "/")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        # ok: py-open-redirect
        return HttpResponseRedirect(next_url)
    # ok: py-open-redirect
    return HttpResponseRedirect("/")


def django_bounce(request):
    # ruleid: py-open-redirect
    return HttpResponseRedirect(request.GET["url"])


def change_page(request):
    query = request.GET.copy()
    # ok: py-open-redirect
    return HttpResponseRedirect("/search/?%s" % query.urlencode())


@app.route("/set-lang")
def set_lang():
    lang = request.args.get("lang", "en")
    # ok: py-open-redirect
    return redirect(f"/home?lang={lang}")


@app.route("/section")
def section():
    name = request.args.get("name", "")
    # ruleid: py-open-redirect
    return redirect(f"/{name}")
