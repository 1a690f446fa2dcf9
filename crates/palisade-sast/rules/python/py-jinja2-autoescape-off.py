import jinja2
from jinja2 import Environment, FileSystemLoader, select_autoescape

# ruleid: py-jinja2-autoescape-off
pages = Environment(loader=FileSystemLoader("templates"))

# ruleid: py-jinja2-autoescape-off
reports = jinja2.Environment(loader=jinja2.PackageLoader("reports"), autoescape=False)

# ok: py-jinja2-autoescape-off
web = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape(["html", "xml"]))

# ok: py-jinja2-autoescape-off
strict = jinja2.Environment(autoescape=True)


def render_page(name, **context):
    return pages.get_template(name).render(**context)


def simulation():
    import simpy

    # ok: py-jinja2-autoescape-off
    return simpy.Environment()
