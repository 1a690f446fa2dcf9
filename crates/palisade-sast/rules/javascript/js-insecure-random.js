const CSRF_KEY = "csrf";

export function csrfToken() {
  let token = sessionStorage.getItem(CSRF_KEY);
  if (!token) {
    // ruleid: js-insecure-random
    token = Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
    sessionStorage.setItem(CSRF_KEY, token);
  }
  return token;
}

export function resetCode() {
  // ruleid: js-insecure-random
  const resetCode = Math.floor(Math.random() * 1e6);
  return resetCode;
}

export function jitter() {
  // ok: js-insecure-random
  const delay = 100 + Math.random() * 50;
  // ok: js-insecure-random
  const token = crypto.randomUUID();
  return [delay, token];
}
