package session

import (
	"encoding/hex"
	"math/rand"
	"strings"
	"time"
)

const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

func init() {
	rand.Seed(time.Now().UnixNano())
}

func NewSessionID() string {
	buf := make([]byte, 16)
	// ruleid: go-insecure-random
	rand.Read(buf)
	return hex.EncodeToString(buf)
}

func GenerateResetToken(n int) string {
	var sb strings.Builder
	for i := 0; i < n; i++ {
		// ruleid: go-insecure-random
		sb.WriteByte(alphabet[rand.Intn(len(alphabet))])
	}
	return sb.String()
}

type User struct {
	OTP int
}

func (u *User) Enroll() {
	// ruleid: go-insecure-random
	otpCode := 100000 + rand.Intn(900000)
	u.OTP = otpCode
}

func PickBackend(backends []string) string {
	// ok: go-insecure-random
	return backends[rand.Intn(len(backends))]
}

func Footprint(n int) int {
	// ok: go-insecure-random
	footprint := n + rand.Intn(10)
	return footprint
}

func Jitter(base time.Duration) time.Duration {
	// ok: go-insecure-random
	delay := base + time.Duration(rand.Int63n(int64(base)))
	return delay
}
