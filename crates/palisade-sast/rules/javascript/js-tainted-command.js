const childProcess = require("child_process");
const { execFile } = require("child_process");

function ping(req, res) {
  const host = req.query.host;
  // ruleid: js-tainted-command, js-child-process-shell-string
  childProcess.exec(`ping -c 1 ${host}`, (err, out) => res.send(String(out)));
}

function pingSafely(req, res) {
  const host = req.query.host;
  // ok: js-tainted-command
  execFile("ping", ["-c", "1", "--", host], (err, out) => res.type("text").end(out));
}

function uptime(req, res) {
  const count = Number(req.query.count);
  // ok: js-tainted-command
  // ruleid: js-child-process-shell-string
  childProcess.exec(`uptime && sleep ${count}`, (err, out) => res.json({ out }));
  // ok: js-tainted-command
  childProcess.execSync("uptime");
}

function convert(req) {
  const tool = req.body.tool;
  // ruleid: js-tainted-command
  return childProcess.spawn(tool, ["--version"]);
}

module.exports = { ping, pingSafely, uptime, convert };
