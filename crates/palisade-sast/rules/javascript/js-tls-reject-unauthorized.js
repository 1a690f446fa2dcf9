const https = require("https");
const { Client } = require("pg");

// ruleid: js-tls-reject-unauthorized
const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });

const db = new Client({
  connectionString: process.env.DATABASE_URL,
  ssl: {
    // ruleid: js-tls-reject-unauthorized
    rejectUnauthorized: false,
  },
});

const verified = new https.Agent({
  // ok: js-tls-reject-unauthorized
  rejectUnauthorized: true,
  ca: process.env.INTERNAL_CA_PEM,
});

// ok: js-tls-reject-unauthorized
const devOnly = { rejectUnauthorized: process.env.NODE_ENV === "production" };

module.exports = { agent, db, verified, devOnly };
