import { spawn, spawnSync } from "node:child_process";
import childProcess from "node:child_process";

export function convert(input, output) {
  // ruleid: js-spawn-shell-true
  return spawn("convert", [input, output], { shell: true, stdio: "inherit" });
}

export function lint(files) {
  // ruleid: js-spawn-shell-true
  return childProcess.spawnSync(`eslint ${files.join(" ")}`, { shell: "/bin/bash" });
}

export function safe(input, output) {
  // ok: js-spawn-shell-true
  spawn("convert", [input, output], { stdio: "inherit" });
  // ok: js-spawn-shell-true
  spawnSync("npm", ["run", "build"], { shell: true });
  // ok: js-spawn-shell-true
  return spawn(input, [output], { shell: false });
}
