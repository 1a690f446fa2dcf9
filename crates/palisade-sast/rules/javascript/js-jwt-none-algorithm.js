const jwt = require("jsonwebtoken");

function authenticate(token, key) {
  // ruleid: js-jwt-none-algorithm
  return jwt.verify(token, key, { algorithms: ["HS256", "none"] });
}

function authenticateLegacy(token) {
  // ruleid: js-jwt-none-algorithm
  return jwt.verify(token, "", {
    algorithms: ['none'],
  });
}

function authenticateProperly(token, publicKey) {
  // ok: js-jwt-none-algorithm
  return jwt.verify(token, publicKey, { algorithms: ["RS256"] });
}

module.exports = { authenticate, authenticateLegacy, authenticateProperly };
