function legacyBanner(campaign) {
  // ruleid: js-document-write-built
  document.write("<div class='banner'>" + campaign + "</div>");
  // ruleid: js-document-write-built
  window.document.writeln(`<img src="/pixel.gif?c=${campaign}">`);
  // ok: js-document-write-built
  document.write("<div class='banner'>Welcome</div>");
  // ok: js-document-write-built
  document.write("<p>" + escapeHtml(campaign) + "</p>");
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, "");
}
