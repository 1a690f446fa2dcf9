const CSRF_KEY = "vg.csrf";

// Per-tab token echoed back by the API on state-changing requests.
export function csrfToken(): string {
  let token = sessionStorage.getItem(CSRF_KEY);
  if (!token) {
    token = Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
    sessionStorage.setItem(CSRF_KEY, token);
  }
  return token;
}

export function clearSession(): void {
  sessionStorage.removeItem(CSRF_KEY);
}
