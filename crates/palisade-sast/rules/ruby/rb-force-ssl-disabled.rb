require "active_support/core_ext/integer/time"

Rails.application.configure do
  config.cache_classes = true
  config.eager_load = true
  # ruleid: rb-force-ssl-disabled
  config.force_ssl = false
  config.log_level = :info
end

Rails.application.configure do
  # ok: rb-force-ssl-disabled
  config.force_ssl = true
  config.ssl_options = { redirect: { exclude: ->(request) { request.path.start_with?("/up") } } }
end

module Shop
  class Application < Rails::Application
    # ruleid: rb-force-ssl-disabled
    config.force_ssl = false
  end
end
