import db


class FakeConnect:
    def __init__(self):
        self.kwargs = None

    def __call__(self, *args, **kwargs):
        self.kwargs = kwargs
        return object()


# [utest->dsn~db-credentials-from-secret~1]
def test_connect_takes_the_password_from_the_environment(monkeypatch):
    fake = FakeConnect()
    monkeypatch.setattr(db.psycopg2, "connect", fake)
    monkeypatch.setenv("DB_HOST", "vitals-db")
    monkeypatch.setenv("DB_PASSWORD", "from-the-secret")
    db.connect()
    assert fake.kwargs["password"] == "from-the-secret"
