require "securerandom"

class PasswordResetsController < ApplicationController
  CHARS = ("a".."z").to_a + ("0".."9").to_a

  def create
    user = User.find_by(email: params[:email])
    # ruleid: rb-insecure-random
    reset_token = rand(10**20).to_s(36)
    # ruleid: rb-insecure-random
    user.otp_code = Random.rand(100_000..999_999)
    # ok: rb-insecure-random
    @api_token = SecureRandom.urlsafe_base64(32)
    # ok: rb-insecure-random
    delay = rand(5)
    # ok: rb-insecure-random
    token_count = rand(3)
    user.update!(reset_token: reset_token)
    sleep(delay)
    head :ok
  end

  def temporary_password
    # ruleid: rb-insecure-random
    @password = Array.new(12) { CHARS.sample }.join
    # ok: rb-insecure-random
    @shuffled_tips = CHARS.sample(3)
    render plain: @password
  end
end
