const jwt = require("jsonwebtoken");

function issue(user) {
  // ruleid: js-jwt-hardcoded-secret
  return jwt.sign({ sub: user.id, role: user.role }, "s3cr3t-signing-phrase", { expiresIn: "1h" });
}

function check(token) {
  // ruleid: js-jwt-hardcoded-secret
  return jwt.verify(token, 'dev-jwt-key-2023');
}

function issueProperly(user) {
  // ok: js-jwt-hardcoded-secret
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: "15m" });
}

function checkProperly(token, keys) {
  // ok: js-jwt-hardcoded-secret
  return jwt.verify(token, keys.current, { algorithms: ["HS256"] });
}

module.exports = { issue, check, issueProperly, checkProperly };
