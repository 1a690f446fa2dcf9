/* global $, jQuery */
function renderInbox(messages, owner) {
  // ruleid: js-jquery-html-built
  $("#title").html("<h2>Inbox of " + owner + "</h2>");
  const $list = $("#messages");
  for (const m of messages) {
    // ruleid: js-jquery-html-built
    $list.append(`<li class="msg">${m.subject}</li>`);
  }
  // ruleid: js-jquery-html-built
  jQuery(".footer").find("span").html(`${messages.length} messages`);
}

function renderInboxSafely(messages, owner) {
  // ok: js-jquery-html-built
  $("#title").text("Inbox of " + owner);
  // ok: js-jquery-html-built
  $("#row-" + owner).html("<em>loading</em>");
  for (const m of messages) {
    // ok: js-jquery-html-built
    $("#messages").append($("<li>").text(m.subject));
  }
  // ok: js-jquery-html-built
  $(".footer").html(`<span>${escapeHtml(owner)}</span>`);
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, "");
}
