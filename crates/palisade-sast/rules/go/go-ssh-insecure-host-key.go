package deploy

import (
	"net"
	"os"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

func Dial(host, user string, signer ssh.Signer) (*ssh.Client, error) {
	cfg := &ssh.ClientConfig{
		User: user,
		Auth: []ssh.AuthMethod{ssh.PublicKeys(signer)},
		// ruleid: go-ssh-insecure-host-key
		HostKeyCallback: ssh.InsecureIgnoreHostKey(),
	}
	return ssh.Dial("tcp", net.JoinHostPort(host, "22"), cfg)
}

func DialLab(host string, auth ssh.AuthMethod) (*ssh.Client, error) {
	cfg := &ssh.ClientConfig{
		User: "lab",
		Auth: []ssh.AuthMethod{auth},
		// ruleid: go-ssh-insecure-host-key
		HostKeyCallback: func(hostname string, remote net.Addr, key ssh.PublicKey) error { return nil },
	}
	return ssh.Dial("tcp", host, cfg)
}

func DialVerified(host, user string, signer ssh.Signer) (*ssh.Client, error) {
	cb, err := knownhosts.New(os.ExpandEnv("$HOME/.ssh/known_hosts"))
	if err != nil {
		return nil, err
	}
	cfg := &ssh.ClientConfig{
		User: user,
		Auth: []ssh.AuthMethod{ssh.PublicKeys(signer)},
		// ok: go-ssh-insecure-host-key
		HostKeyCallback: cb,
	}
	return ssh.Dial("tcp", net.JoinHostPort(host, "22"), cfg)
}
