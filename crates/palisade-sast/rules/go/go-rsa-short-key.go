package pki

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
)

const legacyBits = 1024

func NewDeviceKey() (*rsa.PrivateKey, error) {
	// ruleid: go-rsa-short-key
	return rsa.GenerateKey(rand.Reader, 1024)
}

func NewTestKey() (*rsa.PrivateKey, error) {
	// ruleid: go-rsa-short-key
	return rsa.GenerateMultiPrimeKey(rand.Reader, 3, 512)
}

func NewSigningKey() (*rsa.PrivateKey, error) {
	// ok: go-rsa-short-key
	return rsa.GenerateKey(rand.Reader, 3072)
}

func NewECKey() (*ecdsa.PrivateKey, error) {
	// ok: go-rsa-short-key
	return ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
}
