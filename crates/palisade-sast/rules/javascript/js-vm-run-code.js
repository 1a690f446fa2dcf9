const vm = require("vm");
const { Script } = require("vm");

function evaluate(expression, reading) {
  // ruleid: js-vm-run-code
  return vm.runInNewContext(expression, { reading });
}

function template(body) {
  // ruleid: js-vm-run-code
  const script = new vm.Script(`(function () { ${body} })()`);
  // ruleid: js-vm-run-code
  const other = new Script(body, { filename: "user.js" });
  return [script, other];
}

function fixed(ctx) {
  // ok: js-vm-run-code
  vm.runInContext("globalThis.ready = true", ctx);
  // ok: js-vm-run-code
  return new vm.Script(`1 + 1`).runInThisContext();
}

module.exports = { evaluate, template, fixed };
