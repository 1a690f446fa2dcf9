package client

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"os"
	"time"
)

func NewInternalClient() *http.Client {
	tr := &http.Transport{
		TLSClientConfig: &tls.Config{
			// ruleid: go-tls-skip-verify
			InsecureSkipVerify: true,
		},
	}
	return &http.Client{Transport: tr, Timeout: 10 * time.Second}
}

func Patch(t *http.Transport) {
	// ruleid: go-tls-skip-verify
	t.TLSClientConfig.InsecureSkipVerify = true
}

func NewVendorClient(caFile string) (*http.Client, error) {
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	cfg := &tls.Config{
		RootCAs: pool,
		// ok: go-tls-skip-verify
		InsecureSkipVerify: false,
		MinVersion:         tls.VersionTLS12,
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}, nil
}
