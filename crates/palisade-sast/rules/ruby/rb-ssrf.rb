require "net/http"
require "open-uri"
require "httparty"
require "faraday"

class PreviewsController < ApplicationController
  ALLOWED_HOSTS = %w[images.example.com cdn.example.com].freeze

  def show
    url = params[:url]
    # ruleid: rb-ssrf
    body = Net::HTTP.get(URI(url))
    # ok: rb-ssrf
    status = Net::HTTP.get(URI("https://status.example.com/health"))
    render plain: body + status
  end

  def thumbnail
    # ruleid: rb-ssrf
    image = URI.open(params[:image_url]).read
    send_data image, type: "image/png"
  end

  def webhook_test
    target = "#{params[:callback]}/ping"
    # ruleid: rb-ssrf
    response = HTTParty.post(target, body: { ok: true }.to_json)
    # ruleid: rb-ssrf
    faraday_response = Faraday.get request.headers["X-Forward-To"]
    # ok: rb-ssrf
    pinged = HTTParty.get("https://hooks.example.com/ping", query: { url: params[:callback] })
    render json: { code: response.code, f: faraday_response.status, p: pinged.code }
  end
end
