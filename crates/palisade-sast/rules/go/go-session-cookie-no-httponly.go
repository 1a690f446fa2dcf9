package web

import (
	"net/http"
	"time"
)

func SetSession(w http.ResponseWriter, id string) {
	// ruleid: go-session-cookie-no-httponly
	http.SetCookie(w, &http.Cookie{
		Name:    "session_id",
		Value:   id,
		Path:    "/",
		Secure:  true,
		Expires: time.Now().Add(12 * time.Hour),
	})
}

func SetRemember(w http.ResponseWriter, token string) {
	// ruleid: go-session-cookie-no-httponly
	c := http.Cookie{Name: "remember_token", Value: token, HttpOnly: false, Secure: true}
	http.SetCookie(w, &c)
}

func SetSecureSession(w http.ResponseWriter, id string) {
	// ok: go-session-cookie-no-httponly
	http.SetCookie(w, &http.Cookie{
		Name:     "session_id",
		Value:    id,
		Path:     "/",
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteLaxMode,
	})
}

func SetTheme(w http.ResponseWriter, theme string) {
	// ok: go-session-cookie-no-httponly
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: theme, Path: "/"})
}
