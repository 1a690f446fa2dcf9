package account

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
)

func PasswordDigest(password, salt string) string {
	// ruleid: go-weak-hash
	sum := md5.Sum([]byte(salt + password))
	return hex.EncodeToString(sum[:])
}

func FileFingerprint(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	// ruleid: go-weak-hash
	h := sha1.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func TokenDigest(token string) string {
	// ok: go-weak-hash
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
