Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    # ruleid: rb-cors-any-origin-credentials
    origins "*"
    resource "/api/*", headers: :any, methods: [:get, :post, :delete], credentials: true
  end
end

module Portal
  class Application < Rails::Application
    config.middleware.insert_before 0, Rack::Cors do
      allow do
        # ok: rb-cors-any-origin-credentials
        origins "https://portal.example.com", "https://admin.example.com"
        resource "*", headers: :any, methods: :any, credentials: true
      end

      allow do
        # ok: rb-cors-any-origin-credentials
        origins "*"
        resource "/public/*", headers: :any, methods: [:get]
      end
    end
  end
end

Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    # ruleid: rb-cors-any-origin-credentials
    origins { |source, env| true }
    resource "/graphql", headers: :any, methods: [:post], credentials: true
  end
end
