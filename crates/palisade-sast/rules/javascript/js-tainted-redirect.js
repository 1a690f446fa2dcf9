const express = require("express");
const app = express();

app.post("/login", (req, res) => {
  const next = req.query.next || "/";
  // ruleid: js-tainted-redirect
  res.redirect(next);
});

app.get("/out", (req, res) => {
  // ruleid: js-tainted-redirect
  res.redirect(302, req.query.to);
});

app.get("/go", (req, res) => {
  // ruleid: js-tainted-redirect
  res.location("/" + req.query.path).status(301).end();
});

app.get("/items/:id/old", (req, res) => {
  // ok: js-tainted-redirect
  res.redirect(301, "/items/" + encodeURIComponent(req.params.id));
  // ok: js-tainted-redirect
  res.redirect(`https://shop.example.com/search?q=${encodeURIComponent(req.query.q)}`);
});

app.get("/home", (req, res) => {
  // ok: js-tainted-redirect
  res.redirect("/dashboard");
});

module.exports = app;
