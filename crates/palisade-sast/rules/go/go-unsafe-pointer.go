package fastconv

import (
	"strings"
	"unsafe"
)

type header struct {
	Magic   uint32
	Version uint16
}

func BytesToString(b []byte) string {
	// ruleid: go-unsafe-pointer
	return unsafe.String(unsafe.SliceData(b), len(b))
}

func HeaderOf(buf []byte) *header {
	// ruleid: go-unsafe-pointer
	return (*header)(unsafe.Pointer(&buf[0]))
}

func HeaderSize() uintptr {
	// ok: go-unsafe-pointer
	return unsafe.Sizeof(header{})
}

func Join(parts []string) string {
	// ok: go-unsafe-pointer
	return strings.Join(parts, ",")
}
