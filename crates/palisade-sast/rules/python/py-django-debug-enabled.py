import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

# ruleid: py-django-debug-enabled
DEBUG = True

ALLOWED_HOSTS = ["shop.example.com"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "shop",
]

ROOT_URLCONF = "shop.urls"

if os.environ.get("CI"):
    # ruleid: py-django-debug-enabled
    DEBUG = True

# ok: py-django-debug-enabled
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"


def override_settings_for_test(settings):
    # ok: py-django-debug-enabled
    DEBUG = True
    settings.DEBUG = DEBUG
