require "net/http"
require "faraday"
require "httparty"

class InventoryClient
  def fetch(path)
    uri = URI("https://inventory.internal#{path}")
    http = Net::HTTP.new(uri.host, uri.port)
    http.use_ssl = true
    # ruleid: rb-tls-verify-disabled
    http.verify_mode = OpenSSL::SSL::VERIFY_NONE
    http.get(uri.request_uri).body
  end

  def fetch_verified(path)
    uri = URI("https://inventory.internal#{path}")
    http = Net::HTTP.new(uri.host, uri.port)
    http.use_ssl = true
    # ok: rb-tls-verify-disabled
    http.verify_mode = OpenSSL::SSL::VERIFY_PEER
    http.ca_file = "/etc/ssl/certs/internal-ca.pem"
    http.get(uri.request_uri).body
  end

  def connection
    # ruleid: rb-tls-verify-disabled
    Faraday.new(url: "https://inventory.internal", ssl: { verify: false })
  end

  def legacy_check(http)
    # ok: rb-tls-verify-disabled
    warn "insecure" if http.verify_mode == OpenSSL::SSL::VERIFY_NONE
  end

  def stock
    # ruleid: rb-tls-verify-disabled
    HTTParty.get("https://inventory.internal/stock", verify: false)
  end

  def validated(token)
    # ok: rb-tls-verify-disabled
    Validator.run(token, verify: false)
  end
end
