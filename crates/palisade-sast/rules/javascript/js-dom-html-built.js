function showResults(list, items, query) {
  // ruleid: js-dom-html-built
  list.innerHTML = `<p>Results for <b>${query}</b></p>`;
  for (const item of items) {
    // ruleid: js-dom-html-built
    list.innerHTML += "<li>" + item.title + "</li>";
  }
  // ruleid: js-dom-html-built
  list.insertAdjacentHTML("beforeend", `<footer>${items.length} of ${query}</footer>`);
}

function showSafely(list, items, query) {
  // ok: js-dom-html-built
  list.innerHTML = "";
  // ok: js-dom-html-built
  list.innerHTML = `<p>Results for <b>${escapeHtml(query)}</b></p>`;
  // ok: js-dom-html-built
  list.innerHTML = DOMPurify.sanitize(`<p>${query}</p>`);
  // ok: js-dom-html-built
  list.insertAdjacentHTML("beforeend", "<hr>");
  for (const item of items) {
    const li = document.createElement("li");
    // ok: js-dom-html-built
    li.textContent = `${item.title} (${item.count})`;
    list.append(li);
  }
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
