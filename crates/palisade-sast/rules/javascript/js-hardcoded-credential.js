const { Pool } = require("pg");

// ruleid: js-hardcoded-credential
const STRIPE_API_KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";

const pool = new Pool({
  host: "db.internal",
  user: "billing",
  // ruleid: js-hardcoded-credential
  password: "Tr0ub4dor&3-billing",
});

function configure(client) {
  // ruleid: js-hardcoded-credential
  client.accessToken = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";
}

const config = {
  // ok: js-hardcoded-credential
  password: process.env.DB_PASSWORD,
  // ok: js-hardcoded-credential
  apiKey: "",
  // ok: js-hardcoded-credential
  clientSecret: "<your-client-secret>",
  // ok: js-hardcoded-credential
  tokenHeader: "x-auth-token-value",
};

// ok: js-hardcoded-credential
const PASSWORD_FIELD = "password";
// ok: js-hardcoded-credential
const passwordPrompt = "Please enter your password";
// ok: js-hardcoded-credential
const SECRET_ENV = "APP_SIGNING_SECRET";

module.exports = { pool, configure, config, PASSWORD_FIELD, passwordPrompt, SECRET_ENV };
