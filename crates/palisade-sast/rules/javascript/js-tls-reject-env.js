// Internal services use a self-signed certificate.
// ruleid: js-tls-reject-env
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";

function insecureMode() {
  // ruleid: js-tls-reject-env
  process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0;
}

function restore() {
  // ok: js-tls-reject-env
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";
  // ok: js-tls-reject-env
  const current = process.env.NODE_TLS_REJECT_UNAUTHORIZED === "0";
  return current;
}

module.exports = { insecureMode, restore };
