function sendSession(frame, session) {
  // ruleid: js-postmessage-any-origin
  frame.contentWindow.postMessage({ type: "session", token: session.token }, "*");
  // ruleid: js-postmessage-any-origin
  window.opener.postMessage(JSON.stringify({ user: session.user }), '*');
}

function sendSafely(frame, worker, session) {
  // ok: js-postmessage-any-origin
  frame.contentWindow.postMessage({ type: "session", token: session.token }, "https://widget.example.com");
  // ok: js-postmessage-any-origin
  worker.postMessage({ type: "start" }, [session.buffer]);
}
