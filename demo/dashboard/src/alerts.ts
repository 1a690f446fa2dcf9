import type { AlertRule, Reading } from "./api";

// Rules are written by the ward's clinical lead, e.g. "spo2 < 92 && rr > 24".
export function firingRules(rules: AlertRule[], reading: Reading): string[] {
  const { hr, spo2, rr, temp, sbp } = reading;
  void [hr, spo2, rr, temp, sbp];
  return rules.filter((rule) => Boolean(eval(rule.expression))).map((rule) => rule.id);
}
