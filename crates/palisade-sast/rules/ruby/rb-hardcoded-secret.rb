require "redis"

module Billing
  class Application < Rails::Application
    # ruleid: rb-hardcoded-secret
    config.secret_key_base = "9f2d7a1c4e6b8f0a3d5c7e9b1a2c4d6f8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f"
    # ok: rb-hardcoded-secret
    config.secret_key_base = ENV.fetch("SECRET_KEY_BASE")

    config.action_mailer.smtp_settings = {
      address: "smtp.example.com",
      user_name: "billing",
      # ruleid: rb-hardcoded-secret
      password: "S3cretMailPass!",
      authentication: :plain
    }
  end
end

class Cache
  def self.client
    # ruleid: rb-hardcoded-secret
    Redis.new(host: "cache.internal", password: "redis-pass-2024")
  end

  def self.safe_client
    # ok: rb-hardcoded-secret
    Redis.new(host: "cache.internal", password: ENV["REDIS_PASSWORD"])
  end

  def self.db
    # ok: rb-hardcoded-secret
    ActiveRecord::Base.establish_connection(adapter: "postgresql", password: Rails.application.credentials.dig(:db, :password))
  end
end
