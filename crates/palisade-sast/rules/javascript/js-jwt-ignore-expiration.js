const jwt = require("jsonwebtoken");

function session(token, key) {
  // ruleid: js-jwt-ignore-expiration
  return jwt.verify(token, key, { algorithms: ["HS256"], ignoreExpiration: true });
}

const lenient = {
  algorithms: ["RS256"],
  // ruleid: js-jwt-ignore-expiration
  ignoreExpiration: true,
};

function strict(token, key) {
  // ok: js-jwt-ignore-expiration
  return jwt.verify(token, key, { algorithms: ["HS256"], ignoreExpiration: false, clockTolerance: 5 });
}

module.exports = { session, lenient, strict };
