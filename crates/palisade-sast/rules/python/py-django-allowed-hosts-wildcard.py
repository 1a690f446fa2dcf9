import os

# ruleid: py-django-allowed-hosts-wildcard
ALLOWED_HOSTS = ["*"]

if os.environ.get("STAGING"):
    # ruleid: py-django-allowed-hosts-wildcard
    ALLOWED_HOSTS = ["staging.example.com", "*"]

# ok: py-django-allowed-hosts-wildcard
ALLOWED_HOSTS = ["shop.example.com", ".shop.example.com"]

# ok: py-django-allowed-hosts-wildcard
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")
