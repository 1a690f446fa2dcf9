package main

import (
	"encoding/json"
	"log"
	"net/http"
	_ "net/http/pprof"
	"os"
)

type health struct {
	Status string `json:"status"`
}

func main() {
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(health{Status: "ok"})
	})
	if os.Getenv("TLS_CERT") != "" {
		// ruleid: go-pprof-exposed
		log.Fatal(http.ListenAndServeTLS(":8443", os.Getenv("TLS_CERT"), os.Getenv("TLS_KEY"), nil))
	}
	// ruleid: go-pprof-exposed
	log.Fatal(http.ListenAndServe(":8080", nil))
}

func adminListener(appMux *http.ServeMux) {
	// ok: go-pprof-exposed
	go http.ListenAndServe(":9090", appMux)
}

func debugListener() {
	// ok: go-pprof-exposed
	go http.ListenAndServe("127.0.0.1:6060", nil)
}
