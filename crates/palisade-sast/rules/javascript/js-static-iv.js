const crypto = require("crypto");

const KEY = crypto.scryptSync(process.env.APP_SECRET, process.env.APP_SALT, 32);

function encryptToken(text) {
  // ruleid: js-static-iv
  const c = crypto.createCipheriv("aes-256-cbc", KEY, Buffer.from("a1b2c3d4e5f6a7b8"));
  return c.update(text, "utf8", "hex") + c.final("hex");
}

function encryptId(id) {
  // ruleid: js-static-iv
  const c = crypto.createCipheriv("aes-256-ctr", KEY, Buffer.alloc(16, 0));
  return c.update(String(id), "utf8", "hex") + c.final("hex");
}

function decryptToken(hex) {
  // ruleid: js-static-iv
  const d = crypto.createDecipheriv("aes-256-cbc", KEY, "0000000000000000");
  return d.update(hex, "hex", "utf8") + d.final("utf8");
}

function encryptProperly(text) {
  const iv = crypto.randomBytes(16);
  // ok: js-static-iv
  const c = crypto.createCipheriv("aes-256-cbc", KEY, iv);
  return iv.toString("hex") + ":" + c.update(text, "utf8", "hex") + c.final("hex");
}

function decryptProperly(message) {
  const [ivHex, body] = message.split(":");
  // ok: js-static-iv
  const d = crypto.createDecipheriv("aes-256-cbc", KEY, Buffer.from(ivHex, "hex"));
  return d.update(body, "hex", "utf8") + d.final("utf8");
}

module.exports = { encryptToken, encryptId, decryptToken, encryptProperly, decryptProperly };
