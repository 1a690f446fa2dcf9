class GreetingsController < ApplicationController
  def show
    name = params[:name]
    # ruleid: rb-xss-render-html, rb-html-safe-dynamic
    render html: "<h1>Hello #{name}</h1>".html_safe
  end

  def escaped
    name = ERB::Util.html_escape(params[:name])
    # ok: rb-xss-render-html
    # ruleid: rb-html-safe-dynamic
    render html: "<h1>Hello #{name}</h1>".html_safe
  end

  def banner
    # ok: rb-xss-render-html
    render plain: "Hello #{params[:name]}"
  end

  def message
    text = cookies[:flash_text]
    # ruleid: rb-xss-render-html, rb-html-safe-dynamic
    render layout: "application", html: text.html_safe
  end

  def preview
    @post = Post.find(params[:id])
    # ok: rb-xss-render-html
    render html: helpers.sanitize(@post.body)
  end
end
