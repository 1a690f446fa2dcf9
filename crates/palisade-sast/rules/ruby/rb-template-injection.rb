require "erb"

class PagesController < ApplicationController
  def preview
    # ruleid: rb-template-injection
    render inline: params[:template]
  end

  def show
    # ok: rb-template-injection
    render :show, locals: { title: params[:title] }
  end

  def mail_preview
    body = params[:body]
    # ruleid: rb-template-injection
    template = ERB.new("<p>#{body}</p>")
    # ok: rb-template-injection
    footer = ERB.new(File.read(Rails.root.join("app/views/mailers/footer.erb")))
    render plain: template.result(binding) + footer.result(binding)
  end

  def fixed_inline
    # ok: rb-template-injection
    render inline: "<p><%= title %></p>", locals: { title: params[:title] }
  end
end
