require "digest"
require "openssl"

class User < ApplicationRecord
  def self.hash_password(password, salt)
    # ruleid: rb-weak-hash
    Digest::MD5.hexdigest(salt + password)
  end

  def api_token_digest(token)
    # ruleid: rb-weak-hash
    Digest::SHA1.hexdigest(token)
  end

  def fingerprint(data)
    # ruleid: rb-weak-hash
    OpenSSL::Digest.new("SHA1").hexdigest(data)
  end

  def secure_digest(token)
    # ok: rb-weak-hash
    Digest::SHA256.hexdigest(token)
  end

  def signature(payload, key)
    # ok: rb-weak-hash
    OpenSSL::HMAC.hexdigest("SHA256", key, payload)
  end
end
