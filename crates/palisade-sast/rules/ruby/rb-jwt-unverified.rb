require "jwt"

class ApiController < ApplicationController
  SECRET = Rails.application.credentials.jwt_secret

  def current_user_from_token
    token = request.headers["Authorization"].to_s.split(" ").last
    # ruleid: rb-jwt-unverified
    payload, _header = JWT.decode(token, nil, false)
    User.find(payload["sub"])
  end

  def verified_user
    token = request.headers["Authorization"].to_s.split(" ").last
    # ok: rb-jwt-unverified
    payload, _header = JWT.decode(token, SECRET, true, { algorithm: "HS256" })
    User.find(payload["sub"])
  end

  def issue_debug_token(user)
    # ruleid: rb-jwt-unverified
    JWT.encode({ sub: user.id }, nil, "none")
  end

  def lenient(token)
    # ruleid: rb-jwt-unverified
    JWT.decode(token, SECRET, true, { algorithm: "HS256", verify_expiration: false })
  end
end
