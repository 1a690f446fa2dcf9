package ingest

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"
	"net/http"
)

const maxPayload = 10 << 20

func Upload(w http.ResponseWriter, r *http.Request) {
	zr, err := gzip.NewReader(http.MaxBytesReader(w, r.Body, 1<<20))
	if err != nil {
		http.Error(w, "bad gzip", http.StatusBadRequest)
		return
	}
	defer zr.Close()
	// ruleid: go-decompression-bomb
	data, err := io.ReadAll(zr)
	if err != nil {
		http.Error(w, "read failed", http.StatusBadRequest)
		return
	}
	store(data)
	w.WriteHeader(http.StatusAccepted)
}

func store(data []byte) {}

func Inflate(compressed []byte) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(compressed))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var buf bytes.Buffer
	// ruleid: go-decompression-bomb
	if _, err := io.Copy(&buf, zr); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func InflateBounded(compressed []byte) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(compressed))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	var buf bytes.Buffer
	// ok: go-decompression-bomb
	n, err := io.Copy(&buf, io.LimitReader(zr, maxPayload+1))
	if err != nil {
		return nil, err
	}
	if n > maxPayload {
		return nil, errors.New("payload too large")
	}
	return buf.Bytes(), nil
}
