#!/usr/bin/env python3
"""Runs a command and measures it as a whole process tree: wall time, user+sys CPU, and peak PSS.

PSS (proportional set size) is read from /proc/PID/smaps_rollup every ~5 ms and summed over every
process of the tree, so a multi-process program (Chromium) is charged for all its processes and shared
pages are split fairly between them. The sampler makes itself a child subreaper, so processes that
daemonise or lose their parent stay in the tree and their CPU time still reaches RUSAGE_CHILDREN.

  measure.py run [--timeout S] -- CMD ...          one run; prints JSON
  measure.py idle --settle S --seconds S -- CMD ... start, wait, measure CPU over S seconds, kill; JSON
"""
import ctypes
import json
import os
import resource
import signal
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36
CLK_TCK = os.sysconf("SC_CLK_TCK")


def become_subreaper():
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)


def stat_fields(pid):
    """Fields of /proc/PID/stat after the command name (which may hold spaces), or None."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            s = f.read()
    except OSError:
        return None
    return s[s.rindex(b")") + 2:].split()


def task_children(pid):
    """Children of every thread of pid, from /proc/PID/task/TID/children (cheap), or None if absent."""
    out = []
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/children", "rb") as f:
                out.extend(int(x) for x in f.read().split())
        except FileNotFoundError:
            return None
        except OSError:
            pass
    return out


def descendants(root):
    """Every live process below root (root excluded)."""
    if task_children(root) is not None:
        out, todo = [], [root]
        while todo:
            for c in task_children(todo.pop()) or []:
                out.append(c)
                todo.append(c)
        return out
    children = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        f = stat_fields(name)
        if f is None:
            continue
        children.setdefault(int(f[1]), []).append(int(name))  # f[1] is the parent pid
    out, todo = [], [root]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_cpu_ticks(pids):
    total = 0
    for p in pids:
        f = stat_fields(p)
        if f is not None:
            total += int(f[11]) + int(f[12])  # utime, stime (fields 14 and 15 of stat)
    return total


def reap_all(deadline):
    """Waits for every remaining descendant (orphans come to us as the subreaper); kills stragglers."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            if time.monotonic() > deadline:
                for p in descendants(os.getpid()):
                    try:
                        os.kill(p, signal.SIGKILL)
                    except OSError:
                        pass
            time.sleep(0.005)


def run(cmd, timeout=120.0, interval=0.005, env=None):
    become_subreaper()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    me = os.getpid()
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = 0
    samples = 0
    timed_out = False
    while True:
        total = sum(pss_kib(p) for p in descendants(me))
        peak = max(peak, total)
        samples += 1
        if proc.poll() is not None:
            break
        if time.monotonic() - t0 > timeout:
            timed_out = True
            proc.kill()
            proc.wait()
            break
        time.sleep(interval)
    wall = time.monotonic() - t0
    err = proc.stderr.read().decode(errors="replace")
    reap_all(time.monotonic() + 5)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"rc": proc.returncode, "wall_s": wall, "cpu_s": cpu, "peak_pss_mib": peak / 1024.0,
            "samples": samples, "timed_out": timed_out, "stderr": err[-2000:]}


def idle(cmd, settle=4.0, seconds=10.0, env=None):
    """CPU of the tree over `seconds`, as % of one core, after `settle` seconds of start-up."""
    become_subreaper()
    me = os.getpid()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=env, start_new_session=True)
    time.sleep(settle)
    alive = proc.poll() is None
    pids = descendants(me)
    a, ta = tree_cpu_ticks(pids), time.monotonic()
    # Sleep in one go: a sampler polling the tree would itself wake the machine it measures.
    time.sleep(seconds)
    pids = descendants(me)
    b, tb = tree_cpu_ticks(pids), time.monotonic()
    alive = alive and proc.poll() is None
    pss = sum(pss_kib(p) for p in pids)
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except OSError:
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    reap_all(time.monotonic() + 5)
    return {"alive": alive, "cpu_pct": 100.0 * (b - a) / CLK_TCK / (tb - ta), "seconds": tb - ta,
            "pss_mib": pss / 1024.0, "stderr": proc.stderr.read().decode(errors="replace")[-2000:]}


def main(argv):
    if len(argv) < 2 or "--" not in argv:
        print(__doc__, file=sys.stderr)
        return 2
    mode, opts, cmd = argv[1], argv[2:argv.index("--")], argv[argv.index("--") + 1:]
    kv = {opts[i].lstrip("-"): float(opts[i + 1]) for i in range(0, len(opts) - 1, 2)}
    if mode == "run":
        r = run(cmd, timeout=kv.get("timeout", 120.0))
    elif mode == "idle":
        r = idle(cmd, settle=kv.get("settle", 4.0), seconds=kv.get("seconds", 10.0))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(r))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
