const crypto = require("crypto");

function hashPassword(password, salt) {
  // ruleid: js-pbkdf2-low-iterations
  return crypto.pbkdf2Sync(password, salt, 1000, 64, "sha512").toString("hex");
}

function hashPasswordAsync(password, salt, done) {
  // ruleid: js-pbkdf2-low-iterations
  crypto.pbkdf2(password, salt, 5_000, 32, "sha256", done);
}

const ITERATIONS = 600000;

function hashProperly(password, salt) {
  // ok: js-pbkdf2-low-iterations
  const a = crypto.pbkdf2Sync(password, salt, 600_000, 32, "sha256");
  // ok: js-pbkdf2-low-iterations
  const b = crypto.pbkdf2Sync(password, salt, ITERATIONS, 32, "sha256");
  return [a, b];
}

module.exports = { hashPassword, hashPasswordAsync, hashProperly };
