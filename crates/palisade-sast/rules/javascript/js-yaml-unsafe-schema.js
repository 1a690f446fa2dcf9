const yaml = require("js-yaml");
const fs = require("fs");

function loadPipeline(text) {
  // ruleid: js-yaml-unsafe-schema
  return yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA });
}

function loadAllSteps(text, onDoc) {
  // ruleid: js-yaml-unsafe-schema
  yaml.loadAll(text, onDoc, {
    filename: "steps.yml",
    schema: yaml.DEFAULT_SCHEMA.extend(require("js-yaml-js-types").all),
  });
}

function loadSafely(text) {
  // ok: js-yaml-unsafe-schema
  const a = yaml.load(text);
  // ok: js-yaml-unsafe-schema
  const b = yaml.load(text, { schema: yaml.JSON_SCHEMA });
  // ok: js-yaml-unsafe-schema
  const c = yaml.load(fs.readFileSync("config.yml", "utf8"), { json: true });
  return [a, b, c];
}

module.exports = { loadPipeline, loadAllSteps, loadSafely };
