const express = require("express");
const cors = require("cors");

const app = express();

// ruleid: js-cors-reflect-credentials
app.use(cors({ origin: true, credentials: true }));

// ruleid: js-cors-reflect-credentials
const apiCors = cors({
  origin: (origin, callback) => callback(null, true),
  credentials: true,
});

app.use("/legacy", (req, res, next) => {
  // ruleid: js-cors-reflect-credentials
  res.setHeader("Access-Control-Allow-Origin", req.headers.origin);
  res.setHeader("Access-Control-Allow-Credentials", "true");
  next();
});

const ALLOWED = ["https://app.example.com"];
// ok: js-cors-reflect-credentials
app.use(cors({ origin: ALLOWED, credentials: true }));
// ok: js-cors-reflect-credentials
app.use(cors({ origin: true }));

app.use("/public", (req, res, next) => {
  // ok: js-cors-reflect-credentials
  res.setHeader("Access-Control-Allow-Origin", req.headers.origin);
  next();
});

module.exports = { app, apiCors };
