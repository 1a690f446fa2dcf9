const express = require("express");
const _ = require("lodash");

const router = express.Router();

router.get("/search", async (req, res) => {
  // ruleid: js-tainted-regex
  const re = new RegExp(req.query.q, "i");
  const term = req.query.term;
  // ruleid: js-tainted-regex
  const prefix = RegExp("^" + term);
  res.json((await req.db.products()).filter((p) => re.test(p.name) || prefix.test(p.sku)));
});

router.get("/search/safe", async (req, res) => {
  // ok: js-tainted-regex
  const re = new RegExp(_.escapeRegExp(req.query.q), "i");
  const term = String(req.query.term).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // ok: js-tainted-regex
  const prefix = new RegExp("^" + term);
  // ok: js-tainted-regex
  const fixed = new RegExp("^[a-z]+$");
  res.json((await req.db.products()).filter((p) => re.test(p.name) || prefix.test(p.sku) || fixed.test(p.sku)));
});

module.exports = router;
