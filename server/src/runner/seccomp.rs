//! The seccomp filters of the sandbox, compiled with `seccompiler` (Firecracker's).
//!
//! Two sets, stacked (the kernel applies every installed filter; the strictest answer wins):
//! - the **worker** set, installed by docsynth between `fork` and `exec`: no debugging of other
//!   processes, no mounts or namespaces, no kernel keyrings, modules, BPF, perf, io_uring,
//!   userfaultfd, device nodes or handle-based opens — for the whole worker tree.
//! - the **suite** set, installed by the worker's clean parent process (the zygote) in each
//!   per-function child before any untrusted code runs: no process or thread creation (`fork`,
//!   `vfork`, `clone`, `clone3`), no `execve`, no signals to any process, no sockets, no new
//!   sessions or process groups, no ownership or extended-attribute changes (Landlock does not
//!   cover those; mode and time changes outside scratch are stopped by the read-only mounts only).
//!
//! Each set also carries a guard that kills the process on an x32 system call (numbers with bit
//! 30 set), which `seccompiler`'s architecture check lets through on kernels built with x32.

use seccompiler::{BpfProgram, SeccompAction, SeccompFilter, SeccompRule, TargetArch};
use std::collections::BTreeMap;

/// Compiled BPF programs, installed in order.
#[derive(Clone, Debug, Default)]
pub(crate) struct FilterSet {
    pub(crate) programs: Vec<BpfProgram>,
}

impl FilterSet {
    /// The programs serialized for the Python zygote: per program a little-endian `u16`
    /// instruction count, then 8 bytes per instruction (`code: u16, jt: u8, jf: u8, k: u32`).
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for program in &self.programs {
            out.extend_from_slice(&(program.len() as u16).to_le_bytes());
            for ins in program {
                out.extend_from_slice(&ins.code.to_le_bytes());
                out.push(ins.jt);
                out.push(ins.jf);
                out.extend_from_slice(&ins.k.to_le_bytes());
            }
        }
        out
    }
}

fn arch() -> Result<TargetArch, String> {
    TargetArch::try_from(std::env::consts::ARCH).map_err(|e| {
        format!(
            "seccomp filters are not available on {}: {e}",
            std::env::consts::ARCH
        )
    })
}

fn deny(syscalls: &[i64], errno: i32) -> Result<BpfProgram, String> {
    let rules: BTreeMap<i64, Vec<SeccompRule>> =
        syscalls.iter().map(|&nr| (nr, Vec::new())).collect();
    let filter = SeccompFilter::new(
        rules,
        SeccompAction::Allow,
        SeccompAction::Errno(errno as u32),
        arch()?,
    )
    .map_err(|e| format!("cannot build a seccomp filter: {e}"))?;
    BpfProgram::try_from(filter).map_err(|e| format!("cannot compile a seccomp filter: {e}"))
}

/// Kills the process on any x32 system call (x86-64 only; elsewhere an empty set).
fn x32_guard() -> Vec<BpfProgram> {
    #[cfg(target_arch = "x86_64")]
    {
        use seccompiler::sock_filter;
        const LD_W_ABS: u16 = 0x20; // BPF_LD | BPF_W | BPF_ABS
        const JSET_K: u16 = 0x45; // BPF_JMP | BPF_JSET | BPF_K
        const RET_K: u16 = 0x06; // BPF_RET | BPF_K
        const KILL_PROCESS: u32 = 0x8000_0000;
        const ALLOW: u32 = 0x7fff_0000;
        let ins = |code, jt, jf, k| sock_filter { code, jt, jf, k };
        vec![vec![
            ins(LD_W_ABS, 0, 0, 0), // seccomp_data.nr
            ins(JSET_K, 0, 1, 0x4000_0000),
            ins(RET_K, 0, 0, KILL_PROCESS),
            ins(RET_K, 0, 0, ALLOW),
        ]]
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        Vec::new()
    }
}

/// System calls no worker process needs and a sandbox escape would.
fn worker_denied() -> Vec<i64> {
    let mut v = vec![
        libc::SYS_ptrace,
        libc::SYS_process_vm_readv,
        libc::SYS_process_vm_writev,
        libc::SYS_mount,
        libc::SYS_umount2,
        libc::SYS_pivot_root,
        libc::SYS_chroot,
        libc::SYS_unshare,
        libc::SYS_setns,
        libc::SYS_bpf,
        libc::SYS_perf_event_open,
        libc::SYS_keyctl,
        libc::SYS_add_key,
        libc::SYS_request_key,
        libc::SYS_kexec_load,
        libc::SYS_kexec_file_load,
        libc::SYS_init_module,
        libc::SYS_finit_module,
        libc::SYS_delete_module,
        libc::SYS_reboot,
        libc::SYS_swapon,
        libc::SYS_swapoff,
        libc::SYS_acct,
        libc::SYS_userfaultfd,
        libc::SYS_io_uring_setup,
        libc::SYS_io_uring_enter,
        libc::SYS_io_uring_register,
        libc::SYS_quotactl,
        libc::SYS_open_by_handle_at,
        libc::SYS_name_to_handle_at,
        libc::SYS_mknod,
        libc::SYS_mknodat,
        libc::SYS_fsopen,
        libc::SYS_fsmount,
        libc::SYS_fsconfig,
        libc::SYS_move_mount,
        libc::SYS_open_tree,
        libc::SYS_mount_setattr,
        libc::SYS_syslog,
        libc::SYS_settimeofday,
        libc::SYS_clock_settime,
        libc::SYS_adjtimex,
        libc::SYS_kcmp,
        libc::SYS_fanotify_init,
        libc::SYS_pidfd_getfd,
        libc::SYS_vhangup,
    ];
    #[cfg(target_arch = "x86_64")]
    v.extend([libc::SYS_iopl, libc::SYS_ioperm]);
    v
}

/// What untrusted code in a suite's process may never do.
fn suite_denied() -> Vec<i64> {
    let mut v = vec![
        libc::SYS_clone,
        libc::SYS_execve,
        libc::SYS_execveat,
        libc::SYS_kill,
        libc::SYS_tkill,
        libc::SYS_tgkill,
        libc::SYS_rt_sigqueueinfo,
        libc::SYS_rt_tgsigqueueinfo,
        libc::SYS_pidfd_open,
        libc::SYS_pidfd_send_signal,
        libc::SYS_socket,
        libc::SYS_setsid,
        libc::SYS_setpgid,
        libc::SYS_memfd_create,
        libc::SYS_process_madvise,
        // Landlock does not cover ownership or extended attributes; no example needs them.
        libc::SYS_fchown,
        libc::SYS_fchownat,
        libc::SYS_setxattr,
        libc::SYS_lsetxattr,
        libc::SYS_fsetxattr,
        libc::SYS_removexattr,
        libc::SYS_lremovexattr,
        libc::SYS_fremovexattr,
    ];
    #[cfg(target_arch = "x86_64")]
    v.extend([
        libc::SYS_fork,
        libc::SYS_vfork,
        libc::SYS_chown,
        libc::SYS_lchown,
    ]);
    v
}

/// The worker-wide set (installed before `exec`).
pub(crate) fn worker_filters() -> Result<FilterSet, String> {
    let mut programs = x32_guard();
    programs.push(deny(&worker_denied(), libc::EPERM)?);
    Ok(FilterSet { programs })
}

/// The per-suite set (installed by the zygote in each child). `clone3` answers ENOSYS so that
/// C libraries fall back to `clone`, which answers EPERM.
pub(crate) fn suite_filters() -> Result<FilterSet, String> {
    let mut programs = x32_guard();
    programs.push(deny(&suite_denied(), libc::EPERM)?);
    programs.push(deny(&[libc::SYS_clone3], libc::ENOSYS)?);
    // `socketpair` stays allowed (no peer outside the process); `socket` is denied above.
    Ok(FilterSet { programs })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_compile_and_serialize() {
        let worker = worker_filters().expect("worker filters");
        let suite = suite_filters().expect("suite filters");
        assert!(!worker.programs.is_empty());
        let bytes = suite.to_bytes();
        let expected: usize = suite.programs.iter().map(|p| 2 + 8 * p.len()).sum();
        assert_eq!(bytes.len(), expected);
    }
}
