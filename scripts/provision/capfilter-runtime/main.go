// capfilter-runtime is an OCI runtime shim for dockerd on hosts whose capability bounding set
// is smaller than the full set (these machines lack CAP_SYS_RESOURCE). `docker run --privileged`
// asks runc for every capability and runc fails with "unable to apply caps". kind always runs
// its nodes privileged, so this shim removes from the OCI spec each capability the host cannot
// grant, then hands over to the real runc with the same arguments.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// Linux capability numbers, in order (include/uapi/linux/capability.h).
var capabilityNames = []string{
	"CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID",
	"CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
	"CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK",
	"CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE",
	"CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE",
	"CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE",
	"CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
	"CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
	"CAP_CHECKPOINT_RESTORE",
}

func boundingSet() (uint64, error) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "CapBnd:") {
			return strconv.ParseUint(strings.TrimSpace(strings.TrimPrefix(line, "CapBnd:")), 16, 64)
		}
	}
	return 0, fmt.Errorf("no CapBnd line in /proc/self/status")
}

func allowed(name string, bnd uint64) bool {
	for i, n := range capabilityNames {
		if n == name {
			return bnd&(1<<uint(i)) != 0
		}
	}
	return false // a capability this kernel does not know cannot be granted either
}

func filterList(v any, bnd uint64) any {
	list, ok := v.([]any)
	if !ok {
		return v
	}
	kept := []any{}
	for _, c := range list {
		if s, ok := c.(string); ok && allowed(s, bnd) {
			kept = append(kept, c)
		}
	}
	return kept
}

// filterCapabilities edits either a full OCI config (caps under process.capabilities) or an
// exec process spec (caps under capabilities).
func filterCapabilities(path string, bnd uint64, isProcessFile bool) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		return err
	}
	proc := doc
	if !isProcessFile {
		p, ok := doc["process"].(map[string]any)
		if !ok {
			return nil
		}
		proc = p
	}
	caps, ok := proc["capabilities"].(map[string]any)
	if !ok {
		return nil
	}
	for k, v := range caps {
		caps[k] = filterList(v, bnd)
	}
	out, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	return os.WriteFile(path, out, 0o600)
}

func main() {
	realRuntime := os.Getenv("CAPFILTER_REAL_RUNTIME")
	if realRuntime == "" {
		realRuntime = "/usr/sbin/runc"
	}
	args := os.Args[1:]
	if bnd, err := boundingSet(); err == nil {
		for i := 0; i < len(args); i++ {
			a := args[i]
			switch {
			case (a == "--bundle" || a == "-b") && i+1 < len(args):
				_ = filterCapabilities(filepath.Join(args[i+1], "config.json"), bnd, false)
			case strings.HasPrefix(a, "--bundle="):
				_ = filterCapabilities(filepath.Join(strings.TrimPrefix(a, "--bundle="), "config.json"), bnd, false)
			case (a == "--process" || a == "-p") && i+1 < len(args):
				_ = filterCapabilities(args[i+1], bnd, true)
			case strings.HasPrefix(a, "--process="):
				_ = filterCapabilities(strings.TrimPrefix(a, "--process="), bnd, true)
			}
		}
	}
	argv := append([]string{realRuntime}, args...)
	if err := syscall.Exec(realRuntime, argv, os.Environ()); err != nil {
		fmt.Fprintf(os.Stderr, "capfilter-runtime: exec %s: %v\n", realRuntime, err)
		os.Exit(127)
	}
}
