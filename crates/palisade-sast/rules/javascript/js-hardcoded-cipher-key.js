const crypto = require("crypto");

function sign(payload) {
  // ruleid: js-hardcoded-cipher-key
  return crypto.createHmac("sha256", "c0ffee-7a1b-4e55-9d2f").update(payload).digest("hex");
}

function encrypt(text, iv) {
  // ruleid: js-hardcoded-cipher-key
  const c = crypto.createCipheriv("aes-256-gcm", Buffer.from("5f2b7c9e0d1a4b6c8e3f5a7b9c1d2e4f", "hex"), iv);
  return Buffer.concat([c.update(text), c.final(), c.getAuthTag()]);
}

function signProperly(payload) {
  // ok: js-hardcoded-cipher-key
  return crypto.createHmac("sha256", process.env.WEBHOOK_SECRET).update(payload).digest("hex");
}

function encryptProperly(key, text) {
  const iv = crypto.randomBytes(12);
  // ok: js-hardcoded-cipher-key
  const c = crypto.createCipheriv("aes-256-gcm", key, iv);
  return [iv, c.update(text)];
}

module.exports = { sign, encrypt, signProperly, encryptProperly };
