const { exec, execSync, execFile } = require("node:child_process");
const cp = require("child_process");

function archive(dir, name, done) {
  // ruleid: js-child-process-shell-string
  exec(`tar czf /backups/${name}.tgz ${dir}`, done);
  // ruleid: js-child-process-shell-string
  const sha = execSync("git -C " + dir + " rev-parse HEAD").toString().trim();
  // ruleid: js-child-process-shell-string
  cp.exec(`du -sh ${dir}`, (err, out) => done(err, out, sha));
}

function safeArchive(dir, name, done) {
  // ok: js-child-process-shell-string
  execFile("tar", ["czf", `/backups/${name}.tgz`, "--", dir], done);
  // ok: js-child-process-shell-string
  exec("uptime", done);
  // ok: js-child-process-shell-string
  const version = execSync(`git --version`).toString();
  const pattern = /^v(\d+)/;
  // ok: js-child-process-shell-string
  const m = pattern.exec(`v${version}`);
  return m;
}

module.exports = { archive, safeArchive };
