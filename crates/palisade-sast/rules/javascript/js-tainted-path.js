const fs = require("fs");
const path = require("path");
const express = require("express");

const app = express();
const UPLOADS = path.join(__dirname, "uploads");

app.get("/files/:name", (req, res) => {
  const file = path.join(UPLOADS, req.params.name);
  // ruleid: js-tainted-path
  fs.createReadStream(file).pipe(res);
});

app.get("/report", (req, res) => {
  // ruleid: js-tainted-path
  res.sendFile(path.resolve("reports", req.query.file));
});

app.delete("/files", async (req, res) => {
  // ruleid: js-tainted-path
  await fs.promises.unlink(`${UPLOADS}/${req.body.name}`);
  res.status(204).end();
});

app.get("/safe/:name", (req, res) => {
  const name = path.basename(req.params.name);
  // ok: js-tainted-path
  fs.readFile(path.join(UPLOADS, name), (err, data) => res.end(data));
  // ok: js-tainted-path
  res.sendFile(req.params.name, { root: UPLOADS });
});

app.get("/logo", (req, res) => {
  // ok: js-tainted-path
  res.sendFile(path.join(__dirname, "static", "logo.png"));
});

module.exports = app;
