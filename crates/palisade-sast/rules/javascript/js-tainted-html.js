const express = require("express");
const app = express();

function banner(el) {
  const params = new URLSearchParams(window.location.search);
  const ward = params.get("ward") || "all wards";
  // ruleid: js-tainted-html, js-dom-html-built
  el.innerHTML = `<h1>Ward ${ward}</h1>`;
  // ok: js-tainted-html
  el.textContent = `Ward ${ward}`;
  // ok: js-tainted-html
  el.innerHTML = DOMPurify.sanitize(`<h1>Ward ${ward}</h1>`);
  // ok: js-tainted-html
  el.innerHTML = "<h1>Wards</h1>";
}

app.get("/hello", (req, res) => {
  const name = req.query.name;
  // ruleid: js-tainted-html
  res.send("<p>Hello " + name + "</p>");
});

app.get("/count", (req, res) => {
  const n = parseInt(req.query.n, 10);
  // ok: js-tainted-html
  res.send(`<p>${n} items</p>`);
});

module.exports = { banner, app };
