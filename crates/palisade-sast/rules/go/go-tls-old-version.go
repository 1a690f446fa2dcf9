package server

import (
	"crypto/tls"
	"net/http"
)

func LegacyServer(cert tls.Certificate) *http.Server {
	return &http.Server{
		Addr: ":8443",
		TLSConfig: &tls.Config{
			Certificates: []tls.Certificate{cert},
			// ruleid: go-tls-old-version
			MinVersion: tls.VersionTLS10,
		},
	}
}

func Downgrade(cfg *tls.Config) {
	// ruleid: go-tls-old-version
	cfg.MinVersion = tls.VersionSSL30
}

func ModernServer(cert tls.Certificate) *http.Server {
	return &http.Server{
		Addr: ":8443",
		TLSConfig: &tls.Config{
			Certificates: []tls.Certificate{cert},
			// ok: go-tls-old-version
			MinVersion: tls.VersionTLS12,
		},
	}
}
