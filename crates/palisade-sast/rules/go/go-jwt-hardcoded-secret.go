package auth

import (
	"errors"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func IssueToken(userID string) (string, error) {
	claims := jwt.RegisteredClaims{
		Subject:   userID,
		ExpiresAt: jwt.NewNumericDate(time.Now().Add(24 * time.Hour)),
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	// ruleid: go-jwt-hardcoded-secret
	return tok.SignedString([]byte("my-super-secret-key"))
}

func ParseToken(raw string) (*jwt.RegisteredClaims, error) {
	claims := &jwt.RegisteredClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (interface{}, error) {
		if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok {
			return nil, errors.New("unexpected signing method")
		}
		// ruleid: go-jwt-hardcoded-secret
		return []byte("my-super-secret-key"), nil
	})
	return claims, err
}

var signingKey = []byte(os.Getenv("JWT_SIGNING_KEY"))

func IssueTokenFromEnv(userID string) (string, error) {
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.RegisteredClaims{Subject: userID})
	// ok: go-jwt-hardcoded-secret
	return tok.SignedString(signingKey)
}

func ParseTokenFromEnv(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) {
		// ok: go-jwt-hardcoded-secret
		return signingKey, nil
	}, jwt.WithValidMethods([]string{"HS256"}))
}
