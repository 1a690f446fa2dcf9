#!/usr/bin/env node
// Pulls anonymised ward data from staging into fixtures/ for local development.
// Usage: npm run fixtures -- --ward 4B --limit 50
const fs = require("fs");
const path = require("path");
const fetch = require("node-fetch");
const argv = require("minimist")(process.argv.slice(2), {
  string: ["ward"],
  default: { limit: 25, base: "https://staging.vitals-gateway.internal/api" },
});

async function main() {
  const headers = { Authorization: `Bearer ${process.env.STAGING_TOKEN || ""}` };
  const url = `${argv.base}/patients?q=&ward=${encodeURIComponent(argv.ward || "")}`;
  const res = await fetch(url, { headers });
  if (!res.ok) {
    throw new Error(`staging returned ${res.status}`);
  }
  const patients = (await res.json()).slice(0, Number(argv.limit));
  const outDir = path.join(__dirname, "..", "fixtures");
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "patients.json"), JSON.stringify(patients, null, 2));
  console.log(`wrote ${patients.length} patients`);
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
