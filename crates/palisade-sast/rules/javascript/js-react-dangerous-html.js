import React from "react";
import DOMPurify from "dompurify";
import { marked } from "marked";

export function Comment({ comment }) {
  return (
    <article>
      <h3>{comment.author}</h3>
      <div
        className="comment-body"
        // ruleid: js-react-dangerous-html
        dangerouslySetInnerHTML={{ __html: comment.body }}
      />
    </article>
  );
}

export function Preview({ markdown }) {
  return React.createElement("div", {
    className: "preview",
    // ruleid: js-react-dangerous-html
    dangerouslySetInnerHTML: { __html: marked.parse(markdown) },
  });
}

export function SafePreview({ markdown, comment }) {
  return (
    <section>
      <div
        // ok: js-react-dangerous-html
        dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(marked.parse(markdown)) }}
      />
      <div
        // ok: js-react-dangerous-html
        dangerouslySetInnerHTML={{ __html: "<hr/>" }}
      />
      <p className="plain">{comment.body}</p>
    </section>
  );
}
