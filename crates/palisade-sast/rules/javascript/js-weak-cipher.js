const crypto = require("crypto");

function encryptLegacy(key, iv, text) {
  // ruleid: js-weak-cipher
  const c = crypto.createCipheriv("des-ede3-cbc", key, iv);
  return Buffer.concat([c.update(text, "utf8"), c.final()]);
}

function encryptBlocks(key, text) {
  // ruleid: js-weak-cipher
  const c = crypto.createCipheriv("aes-128-ecb", key, null);
  return Buffer.concat([c.update(text), c.final()]);
}

function decryptStream(key, data) {
  // ruleid: js-weak-cipher
  const d = crypto.createDecipheriv('rc4', key, '');
  return d.update(data);
}

function encryptModern(key, text) {
  const iv = crypto.randomBytes(12);
  // ok: js-weak-cipher
  const c = crypto.createCipheriv("aes-256-gcm", key, iv);
  // ok: js-weak-cipher
  const other = crypto.createCipheriv("aes-256-cbc", key, crypto.randomBytes(16));
  return [iv, c, other, text];
}

module.exports = { encryptLegacy, encryptBlocks, decryptStream, encryptModern };
