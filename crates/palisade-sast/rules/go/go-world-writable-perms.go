package install

import (
	"os"
	"path/filepath"
)

func InstallHook(dir string, script []byte) error {
	// ok: go-world-writable-perms
	if err := os.MkdirAll(dir, os.ModePerm); err != nil {
		return err
	}
	path := filepath.Join(dir, "post-deploy.sh")
	if err := os.WriteFile(path, script, 0o700); err != nil {
		return err
	}
	// ruleid: go-world-writable-perms
	return os.Chmod(path, 0777)
}

func ShareSocket(path string) error {
	// ruleid: go-world-writable-perms
	return os.Chmod(path, 0o666)
}

func OpenLog(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o640)
	if err != nil {
		return nil, err
	}
	// ruleid: go-world-writable-perms
	f.Chmod(os.ModePerm)
	return f, nil
}

func SaveConfig(path string, data []byte) error {
	// ok: go-world-writable-perms
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return err
	}
	// ok: go-world-writable-perms
	return os.Chmod(path, 0o644)
}
