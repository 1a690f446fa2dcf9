package proxy

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

var apiClient = &http.Client{Timeout: 5 * time.Second}

func Preview(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	// ruleid: go-tainted-ssrf
	resp, err := http.Get(target)
	if err != nil {
		http.Error(w, "fetch failed", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, io.LimitReader(resp.Body, 1<<20))
}

func Webhook(c echo.Context) error {
	callback := c.FormValue("callback")
	// ruleid: go-tainted-ssrf
	req, err := http.NewRequestWithContext(c.Request().Context(), http.MethodPost, callback, strings.NewReader("{}"))
	if err != nil {
		return err
	}
	resp, err := apiClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return c.NoContent(http.StatusAccepted)
}

func Weather(w http.ResponseWriter, r *http.Request) {
	city := r.FormValue("city")
	// ok: go-tainted-ssrf
	resp, err := apiClient.Get("https://weather.example.com/v1?city=" + url.QueryEscape(city))
	if err != nil {
		return
	}
	defer resp.Body.Close()
	// ruleid: go-tainted-ssrf
	avatar, err := apiClient.Get("https://" + r.Header.Get("X-Avatar-Host") + "/a.png")
	if err == nil {
		avatar.Body.Close()
	}
	// ok: go-tainted-ssrf
	status, _ := http.Get("https://status.example.com/health")
	if status != nil {
		status.Body.Close()
	}
}
