package tokens

import (
	"time"

	"github.com/golang-jwt/jwt/v5"
)

var hmacSecret = []byte(mustEnv("JWT_SECRET"))

func IssueDebugToken(user string) (string, error) {
	claims := jwt.MapClaims{"sub": user, "exp": time.Now().Add(time.Hour).Unix()}
	// ruleid: go-jwt-none-alg
	tok := jwt.NewWithClaims(jwt.SigningMethodNone, claims)
	// ruleid: go-jwt-none-alg
	return tok.SignedString(jwt.UnsafeAllowNoneSignatureType)
}

func IssueToken(user string) (string, error) {
	claims := jwt.MapClaims{"sub": user, "exp": time.Now().Add(time.Hour).Unix()}
	// ok: go-jwt-none-alg
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	return tok.SignedString(hmacSecret)
}

func Verify(raw string) (*jwt.Token, error) {
	// ok: go-jwt-none-alg
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) { return hmacSecret, nil }, jwt.WithValidMethods([]string{"HS256"}))
}

func mustEnv(k string) string { return k }
