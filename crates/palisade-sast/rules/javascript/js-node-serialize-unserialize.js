const serialize = require("node-serialize");
const { unserialize } = require("node-serialize");

function restorePrefs(req) {
  const raw = Buffer.from(req.cookies.prefs, "base64").toString();
  // ruleid: js-node-serialize-unserialize
  return serialize.unserialize(raw);
}

function restoreJob(message) {
  // ruleid: js-node-serialize-unserialize
  return unserialize(message.body);
}

function restoreSafely(req) {
  // ok: js-node-serialize-unserialize
  const prefs = JSON.parse(Buffer.from(req.cookies.prefs, "base64").toString());
  // ok: js-node-serialize-unserialize
  const cookie = serialize.serialize({ theme: prefs.theme });
  return cookie;
}

module.exports = { restorePrefs, restoreJob, restoreSafely };
