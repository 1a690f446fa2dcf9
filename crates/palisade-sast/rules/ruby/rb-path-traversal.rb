class DownloadsController < ApplicationController
  BASE = Rails.root.join("storage", "reports")

  def show
    path = File.join(BASE, params[:file])
    # ruleid: rb-path-traversal
    send_file path, type: "application/pdf"
  end

  def safe_show
    name = File.basename(params[:file])
    # ok: rb-path-traversal
    send_file File.join(BASE, name), type: "application/pdf"
  end

  def preview
    # ruleid: rb-path-traversal
    body = File.read(Rails.root.join("public", "docs", params[:doc]))
    # ok: rb-path-traversal
    readme = File.read(Rails.root.join("README.md"))
    render plain: body + readme
  end

  def upload
    upload = params[:upload]
    # ruleid: rb-path-traversal
    File.open("/srv/uploads/#{upload.original_filename}", "wb") { |f| f.write(upload.read) }
    # ruleid: rb-path-traversal
    FileUtils.rm_f(File.join("/srv/cache", cookies[:cache_key]))
    # ok: rb-path-traversal
    exists = File.exist?(File.join("/srv/uploads", params[:name]))
    render json: { ok: exists }
  end
end
