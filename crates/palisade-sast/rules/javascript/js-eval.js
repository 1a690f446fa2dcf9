export function firing(rules, reading) {
  const { hr, spo2 } = reading;
  void [hr, spo2];
  // ruleid: js-eval
  return rules.filter((rule) => Boolean(eval(rule.expression))).map((rule) => rule.id);
}

export function compile(body) {
  // ruleid: js-eval
  return new Function("reading", body);
}

export function later(name) {
  // ruleid: js-eval
  setTimeout("refresh('" + name + "')", 1000);
  // ok: js-eval
  setTimeout(() => refresh(name), 1000);
  // ok: js-eval
  return eval("2 + 2");
}

function refresh(name) {
  return name;
}
