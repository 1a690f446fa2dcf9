const crypto = require("crypto");
const { createHash } = require("node:crypto");

function legacyPasswordHash(password, salt) {
  // ruleid: js-weak-hash
  return crypto.createHash("md5").update(salt + password).digest("hex");
}

function fingerprint(buf) {
  // ruleid: js-weak-hash
  return createHash('SHA1').update(buf).digest("base64");
}

async function browserDigest(bytes) {
  // ruleid: js-weak-hash
  return crypto.subtle.digest("SHA-1", bytes);
}

function modern(buf) {
  // ok: js-weak-hash
  const a = crypto.createHash("sha256").update(buf).digest("hex");
  // ok: js-weak-hash
  const b = crypto.createHmac("sha256", process.env.HMAC_KEY).update(buf).digest("hex");
  return a + b;
}

module.exports = { legacyPasswordHash, fingerprint, browserDigest, modern };
