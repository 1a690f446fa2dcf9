package legacy

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/rc4"
)

func EncryptBlock(key, block []byte) ([]byte, error) {
	// ruleid: go-weak-cipher
	c, err := des.NewTripleDESCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(block))
	c.Encrypt(out, block)
	return out, nil
}

func Obfuscate(key, data []byte) ([]byte, error) {
	// ruleid: go-weak-cipher
	s, err := rc4.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(data))
	s.XORKeyStream(out, data)
	return out, nil
}

func NewAEAD(key []byte) (cipher.AEAD, error) {
	// ok: go-weak-cipher
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(b)
}
