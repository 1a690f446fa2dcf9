require "openssl"

class LegacyVault
  def encrypt_des(key, data)
    # ruleid: rb-weak-cipher
    cipher = OpenSSL::Cipher.new("des-ede3-cbc")
    cipher.encrypt
    cipher.key = key
    cipher.update(data) + cipher.final
  end

  def encrypt_ecb(key, data)
    # ruleid: rb-weak-cipher
    cipher = OpenSSL::Cipher.new("aes-128-ecb")
    cipher.encrypt
    cipher.key = key
    cipher.update(data) + cipher.final
  end

  def stream(key)
    # ruleid: rb-weak-cipher
    OpenSSL::Cipher.new("RC4").tap { |c| c.key = key }
  end

  def encrypt_gcm(key, data)
    # ok: rb-weak-cipher
    cipher = OpenSSL::Cipher.new("aes-256-gcm")
    cipher.encrypt
    cipher.key = key
    iv = cipher.random_iv
    [iv, cipher.update(data) + cipher.final, cipher.auth_tag]
  end

  def old_style_ecb
    # ruleid: rb-weak-cipher
    OpenSSL::Cipher::AES.new(128, :ECB)
  end

  def old_style_cbc
    # ok: rb-weak-cipher
    OpenSSL::Cipher::AES.new(256, :CBC)
  end
end
