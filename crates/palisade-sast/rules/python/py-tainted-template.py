from flask import Flask, render_template, render_template_string, request
from jinja2 import Environment, Template

app = Flask(__name__)
env = Environment(autoescape=True)


@app.route("/hello")
def hello():
    name = request.args.get("name", "world")
    page = "<h1>Hello " + name + "</h1>"
    # ruleid: py-tainted-template
    return render_template_string(page)


@app.route("/hello2")
def hello_safe():
    name = request.args.get("name", "world")
    # ok: py-tainted-template
    return render_template_string("<h1>Hello {{ name }}</h1>", name=name)


@app.route("/profile")
def profile():
    # ok: py-tainted-template
    return render_template("profile.html", user=request.args.get("user"))


@app.route("/preview", methods=["POST"])
def preview():
    body = request.form["body"]
    # ruleid: py-tainted-template
    tpl = Template(body)
    return tpl.render()


@app.route("/mail", methods=["POST"])
def mail_preview():
    data = request.get_json()
    # ruleid: py-tainted-template
    return env.from_string(data["template"]).render(user=data["user"])


def render_greeting(user):
    # ok: py-tainted-template
    return env.from_string("Dear {{ user }},").render(user=user)
