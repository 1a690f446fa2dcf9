from string import Template

from jinja2.sandbox import SandboxedEnvironment

from flask import Flask, request
from flask_login import current_user

app = Flask(__name__)


@app.route("/greeting")
def greeting():
    template = request.args.get("template", "Hello {user.name}")
    # ruleid: py-tainted-format-string
    return template.format(user=current_user)


@app.route("/greeting2")
def greeting_safe():
    name = request.args.get("name", "guest")
    # ok: py-tainted-format-string
    return "Hello {name}".format(name=name)


@app.route("/greeting3")
def greeting_template():
    text = request.args.get("template", "Hello $name")
    # ok: py-tainted-format-string
    return Template(text).safe_substitute(name=current_user.name)


@app.route("/notify", methods=["POST"])
def notify():
    body = request.get_json()
    # ruleid: py-tainted-format-string
    message = body["message"].format_map({"app": app, "user": current_user})
    return {"message": message}


def render_user_template(text: str, context: dict) -> str:
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment()
    return env.from_string(text).render(**context)


@app.route("/custom")
def custom():
    # ok: py-tainted-template
    return SandboxedEnvironment().from_string(request.args["t"]).render()
