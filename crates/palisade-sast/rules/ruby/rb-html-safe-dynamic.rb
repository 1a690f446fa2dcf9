module ApplicationHelper
  def user_badge(user)
    # ruleid: rb-html-safe-dynamic
    "<span class=\"badge\">#{user.display_name}</span>".html_safe
  end

  def bio(user)
    # ruleid: rb-html-safe-dynamic
    raw(user.bio)
  end

  def separator
    # ok: rb-html-safe-dynamic
    "<hr class=\"divider\">".html_safe
  end

  def safe_badge(user)
    # ok: rb-html-safe-dynamic
    content_tag(:span, user.display_name, class: "badge")
  end

  def footer_note
    # ok: rb-html-safe-dynamic
    t("footer.note_html").html_safe
  end

  def comment_body(comment)
    # ruleid: rb-html-safe-dynamic
    raw comment.body
  end
end
