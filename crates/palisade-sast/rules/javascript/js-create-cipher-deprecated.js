const crypto = require("crypto");

function encrypt(password, text) {
  // ruleid: js-create-cipher-deprecated
  const cipher = crypto.createCipher("aes-256-cbc", password);
  return cipher.update(text, "utf8", "hex") + cipher.final("hex");
}

function decrypt(password, hex) {
  // ruleid: js-create-cipher-deprecated
  const decipher = crypto.createDecipher("aes-256-cbc", password);
  return decipher.update(hex, "hex", "utf8") + decipher.final("utf8");
}

function encryptProperly(key, text) {
  const iv = crypto.randomBytes(12);
  // ok: js-create-cipher-deprecated
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  // ok: js-create-cipher-deprecated
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, iv);
  return [cipher.update(text), decipher];
}

module.exports = { encrypt, decrypt, encryptProperly };
