const axios = require("axios");
const https = require("https");
const express = require("express");

const app = express();

app.get("/preview", async (req, res) => {
  // ruleid: js-tainted-ssrf
  const page = await axios.get(req.query.url, { timeout: 5000 });
  res.json({ length: page.data.length });
});

app.post("/webhooks/test", async (req, res) => {
  const target = req.body.callback;
  // ruleid: js-tainted-ssrf
  const r = await fetch(target, { method: "POST", body: "{}" });
  // ruleid: js-tainted-ssrf
  https.get(`https://${req.body.host}/health`, (up) => up.resume());
  res.json({ status: r.status });
});

app.get("/users/:id/avatar", async (req, res) => {
  // ok: js-tainted-ssrf
  const u = await axios.get(`https://api.example.com/users/${encodeURIComponent(req.params.id)}`);
  // ok: js-tainted-ssrf
  const w = await fetch("https://weather.example.com/v1?city=" + encodeURIComponent(req.query.city));
  // ok: js-tainted-ssrf
  const s = await fetch(process.env.STATUS_URL);
  res.json({ avatar: u.data.avatar, weather: await w.json(), status: s.status });
});

module.exports = app;
