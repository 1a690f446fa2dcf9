package backup

import (
	"context"
	"fmt"
	"os/exec"
)

type Job struct {
	Dir    string
	Target string
}

func (j Job) Archive(ctx context.Context) error {
	line := fmt.Sprintf("tar -czf %s %s", j.Target, j.Dir)
	// ruleid: go-exec-shell-dynamic
	return exec.CommandContext(ctx, "/bin/sh", "-c", line).Run()
}

func Cleanup(dir string) ([]byte, error) {
	// ruleid: go-exec-shell-dynamic
	return exec.Command("bash", "-c", "rm -rf "+dir+"/tmp-*").CombinedOutput()
}

func DiskUsage() ([]byte, error) {
	// ok: go-exec-shell-dynamic
	return exec.Command("sh", "-c", "df -h | grep /srv").Output()
}

func ArchiveSafely(ctx context.Context, j Job) error {
	// ok: go-exec-shell-dynamic
	return exec.CommandContext(ctx, "sh", "-c", `tar -czf "$1" -- "$2"`, "sh", j.Target, j.Dir).Run()
}
