import os

from flask import Flask

app = Flask(__name__)

if __name__ == "__main__":
    # ruleid: py-flask-debug
    app.run(port=8080, debug=True)

if os.environ.get("LOCAL") == "1":
    # ruleid: py-flask-debug
    app.run(debug=True, host="127.0.0.1")

# ok: py-flask-debug
app.run(port=8080, debug=False)
# ok: py-flask-debug
app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8080")))
