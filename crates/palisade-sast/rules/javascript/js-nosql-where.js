const express = require("express");
const router = express.Router();

router.get("/users", async (req, res, next) => {
  const name = String(req.query.name);
  try {
    // ruleid: js-nosql-where
    const users = await req.db.collection("users").find({ $where: `this.name == '${name}'` }).toArray();
    const clause = req.query.filter;
    // ruleid: js-nosql-where
    const more = await req.db.collection("users").find({ "$where": clause }).toArray();
    // ruleid: js-nosql-where
    const byAge = await req.db.collection("users").find({ $where: "this.age > " + req.query.age }).toArray();
    res.json({ users, more, byAge });
  } catch (e) {
    next(e);
  }
});

router.get("/adults", async (req, res) => {
  // ok: js-nosql-where
  const adults = await req.db.collection("users").find({ $where: "this.age >= 18" }).toArray();
  // ok: js-nosql-where
  const active = await req.db.collection("users").find({ $where: function () { return this.active === true; } }).toArray();
  // ok: js-nosql-where
  const named = await req.db.collection("users").find({ name: String(req.query.name) }).toArray();
  res.json({ adults, active, named });
});

module.exports = router;
