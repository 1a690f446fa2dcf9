import random
import secrets
import string

ALPHABET = string.ascii_letters + string.digits


def create_reset(user):
    # ruleid: py-insecure-random-secret
    reset_token = "".join(random.choice(ALPHABET) for _ in range(32))
    # ok: py-insecure-random-secret
    safe_token = secrets.token_urlsafe(32)
    user.reset_token = safe_token
    return reset_token


def send_code(user):
    # ruleid: py-insecure-random-secret
    user.otp = random.randint(100000, 999999)
    # ok: py-insecure-random-secret
    delay = random.uniform(0.5, 1.5)
    # ok: py-insecure-random-secret
    user.backup_otp = secrets.randbelow(10**6)
    return delay


def generate_password(length=12):
    # ruleid: py-insecure-random-secret
    return "".join(random.choices(ALPHABET, k=length))


def pick_server(servers):
    # ok: py-insecure-random-secret
    return random.choice(servers)


def shuffle_deck(cards):
    # ok: py-insecure-random-secret
    sample = random.sample(cards, len(cards))
    return sample
