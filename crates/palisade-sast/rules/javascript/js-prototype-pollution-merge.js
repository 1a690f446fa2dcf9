const express = require("express");
const _ = require("lodash");

const router = express.Router();
const defaults = { theme: "light", notifications: { email: true } };

router.post("/settings", (req, res) => {
  // ruleid: js-prototype-pollution-merge
  const settings = _.merge({}, defaults, req.body);
  // ruleid: js-prototype-pollution-merge
  _.defaultsDeep(req.session.prefs, req.body.prefs);
  // ruleid: js-prototype-pollution-merge
  _.set(req.session.prefs, req.body.path, req.body.value);
  res.json(settings);
});

router.post("/settings/safe", (req, res) => {
  const { theme } = req.body;
  // ok: js-prototype-pollution-merge
  const settings = _.merge({}, defaults, { theme: String(theme) });
  // ok: js-prototype-pollution-merge
  _.set(req.session.prefs, "theme", req.body.theme);
  // ok: js-prototype-pollution-merge
  const copy = _.merge({}, defaults);
  res.json({ settings, copy });
});

module.exports = router;
