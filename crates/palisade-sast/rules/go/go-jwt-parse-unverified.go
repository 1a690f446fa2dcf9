package middleware

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

type ctxKey struct{}

func Auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		claims := jwt.MapClaims{}
		// ruleid: go-jwt-parse-unverified
		if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, claims["sub"])))
	})
}

func TenantOf(raw string) (string, error) {
	var claims jwt.RegisteredClaims
	// ruleid: go-jwt-parse-unverified
	if _, _, err := new(jwt.Parser).ParseUnverified(raw, &claims); err != nil {
		return "", err
	}
	return claims.Issuer, nil
}

func VerifyWithKid(raw string, keys map[string][]byte) (*jwt.Token, error) {
	p := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}))
	// ok: go-jwt-parse-unverified
	unverified, _, err := p.ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return nil, err
	}
	kid, _ := unverified.Header["kid"].(string)
	key, ok := keys[kid]
	if !ok {
		return nil, errors.New("unknown key")
	}
	return p.Parse(raw, func(t *jwt.Token) (any, error) { return key, nil })
}
