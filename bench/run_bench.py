#!/usr/bin/env python3
"""Runs every Lantern benchmark side by side and prints (and writes) a table of medians.

Called by scripts/bench.sh, which builds Release, starts Xvfb and passes the paths. The runs of the
floor, the kiosk and Chromium are interleaved round by round, so a neighbour's compile slows them all
alike and the ratios stay fair on a busy 2-core machine.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import measure  # noqa: E402


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(p * len(v)))]


def med(rows, key):
    return statistics.median(r[key] for r in rows)


def checked(name, r):
    if r.get("timed_out"):
        sys.exit(f"bench: {name} did not finish within its time limit and was killed: {r['stderr']}")
    if r["rc"] != 0:
        sys.exit(f"bench: {name} failed (exit {r['rc']}): {r['stderr']}")
    return r


def scroll_script(path, cycles=6):
    """Drags the page up 600 px in 40 px steps and back down, as a finger would, `cycles` times.

    The press waits two frames before moving: a pointer that appears and moves in the same frame is
    not yet over the page's window, so ImGui would not let the page take the drag.
    """
    lines = ["wait 5"]
    for _ in range(cycles):
        for y0, step in ((900, -40), (300, 40)):
            lines += [f"press 960 {y0}", "wait 2"]
            lines += [f"press 960 {y0 + step * i}" for i in range(1, 16)]
            lines += ["release", "wait 10"]
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def frame_times(kiosk, pack, page, script, runs, tmp, warmup=5):
    times = []
    for i in range(runs):
        out = os.path.join(tmp, f"frames-{os.path.basename(script)}-{i}.txt")
        r = measure.run([kiosk, "--pack", pack, "--size", "1920x1080", "--audience", "adult", "--open", page,
                         "--script", script, "--frame-stats", out], timeout=300)
        checked("kiosk --frame-stats", r)
        with open(out) as f:
            times += [float(x) for x in f.read().split()][warmup:]
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build")
    ap.add_argument("--pack")
    ap.add_argument("--page")
    ap.add_argument("--html", help="page.html exported from the same page")
    ap.add_argument("--sources")
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--idle-runs", type=int, default=3)
    ap.add_argument("--chromium", default="")
    ap.add_argument("--renderer", default="")
    ap.add_argument("--hub", default="", help="JSON from the hub bench, or empty when the hub is not built")
    ap.add_argument("--day", default="[]", help="JSON list from the national-day simulation, one per store")
    ap.add_argument("--hub-only", action="store_true", help="print only the hub rows (BENCH_HUB_ONLY)")
    ap.add_argument("--json", required=True)
    a = ap.parse_args()
    if a.hub_only:
        result = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                  "cpu": cpu_model(), "cores": os.cpu_count(), "ram_gib": ram_gib(), "load_after": a_load(),
                  "hub": json.loads(a.hub) if a.hub else None, "day": json.loads(a.day)}
        with open(a.json, "w") as f:
            json.dump(result, f, indent=1)
        print(f"{result['date']}; {result['cpu']}, {result['cores']} cores, {result['ram_gib']:.1f} GiB RAM; "
              f"load {result['load_after']} after")
        print("\n".join(["| measure | value | vs floor / baseline | target | |", "|---|---|---|---|---|"]
                        + hub_rows(result["hub"], result["day"])))
        return
    for need in ("build", "pack", "page", "html", "sources"):
        if not getattr(a, need):
            ap.error(f"--{need} is required (unless --hub-only)")

    kiosk = os.path.join(a.build, "kiosk", "lantern-kiosk")
    floor = os.path.join(a.build, "bench", "lantern-bench-floor")
    search = os.path.join(a.build, "bench", "lantern-bench-search")
    load_before = a_load()
    tmp = tempfile.mkdtemp(prefix="lantern-bench-")
    png = lambda n: os.path.join(tmp, n)  # noqa: E731

    commands = {
        "floor": [floor, png("floor.png")],
        # The same floor writing its PNG as the kiosk does (zlib level 1): the like-for-like baseline.
        "floor_fast_png": [floor, "--fast-png", png("floor-fast.png")],
        "kiosk_attract": [kiosk, "--pack", a.pack, "--size", "1920x1080", "--screenshot", png("attract.png")],
        "kiosk_page": [kiosk, "--pack", a.pack, "--size", "1920x1080", "--audience", "adult", "--open", a.page,
                       "--screenshot", png("page.png")],
    }
    # Chromium's profile (tens of MB) is thrown away at the end; the PNGs in `tmp` are kept for a look.
    chromium_profile = tempfile.mkdtemp(prefix="lantern-chromium-")
    if a.chromium:
        commands["chromium"] = [a.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                                "--disable-sync", "--user-data-dir=" + chromium_profile,
                                "--window-size=1920,1080", "--screenshot=" + png("chromium.png"),
                                "file://" + os.path.abspath(a.html)]
    runs = {k: [] for k in commands}
    # One untimed round first: page cache, font cache and shader cache as a kiosk that has run before.
    for name, cmd in commands.items():
        measure.run(cmd, timeout=120)
    for i in range(a.runs):
        for name, cmd in commands.items():
            runs[name].append(checked(name, measure.run(cmd, timeout=120)))
        print(f"bench: round {i + 1}/{a.runs} done", file=sys.stderr)

    startup = {k: {"wall_s": med(v, "wall_s"), "cpu_s": med(v, "cpu_s"), "peak_pss_mib": med(v, "peak_pss_mib"),
                   "runs": len(v)} for k, v in runs.items()}

    still = os.path.join(tmp, "still.txt")
    with open(still, "w") as f:
        f.write("wait 300\n")
    scroll = os.path.join(tmp, "scroll.txt")
    scroll_script(scroll)
    fs, fm = frame_times(kiosk, a.pack, a.page, still, 2, tmp), frame_times(kiosk, a.pack, a.page, scroll, 2, tmp)
    frames = {"still": {"p50": pct(fs, .5), "p95": pct(fs, .95), "p99": pct(fs, .99), "n": len(fs)},
              "scroll": {"p50": pct(fm, .5), "p95": pct(fm, .95), "p99": pct(fm, .99), "n": len(fm)}}
    print("bench: frame times done", file=sys.stderr)

    idle = {}
    for name, extra in (("attract", []), ("page", ["--audience", "adult", "--open", a.page])):
        rs = []
        for _ in range(a.idle_runs):
            r = measure.idle([kiosk, "--pack", a.pack, "--size", "1920x1080"] + extra, settle=4, seconds=10)
            if not r["alive"]:
                sys.exit(f"bench: the idle kiosk ({name}) exited early: {r['stderr']}")
            rs.append(r)
        idle[name] = {"cpu_pct": statistics.median(r["cpu_pct"] for r in rs), "max_cpu_pct": max(r["cpu_pct"] for r in rs),
                      "pss_mib": statistics.median(r["pss_mib"] for r in rs), "runs": len(rs)}
    print("bench: idle done", file=sys.stderr)

    try:
        out = subprocess.run([search, a.sources, os.path.join(tmp, "search-pack.sqlite"), "2000", "4000"],
                             capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        sys.exit("bench: search bench did not finish in 10 minutes")
    if out.returncode != 0:
        sys.exit("bench: search bench failed: " + out.stderr)
    search_r = json.loads(out.stdout)

    hub = json.loads(a.hub) if a.hub else None
    result = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
              "cpu": cpu_model(), "cores": os.cpu_count(), "ram_gib": ram_gib(), "load_before": load_before, "renderer": a.renderer,
              "kernel": platform.release(), "runs": a.runs, "page": a.page, "startup": startup,
              "frames": frames, "idle": idle, "search": search_r, "hub": hub, "day": json.loads(a.day), "tmp": tmp}
    shutil.rmtree(chromium_profile, ignore_errors=True)
    result["load_after"] = a_load()
    with open(a.json, "w") as f:
        json.dump(result, f, indent=1)
    print(f"{result['date']}; {result['cpu']}, {result['cores']} cores, {result['ram_gib']:.1f} GiB RAM; "
          f"load {result['load_before']} before, {result['load_after']} after; renderer: {result['renderer']}")
    print(table(result))


def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def ram_gib():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    return 0.0


def a_load():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def verdict(ok):
    return "met" if ok else "**missed**"


def table(r):
    s, fl = r["startup"], r["startup"]["floor"]
    rows = ["| measure | value | vs floor / baseline | target | |", "|---|---|---|---|---|"]
    rows.append(f"| floor: window + clear + readback + PNG | {fl['wall_s']*1000:.0f} ms wall, {fl['cpu_s']*1000:.0f} ms CPU, "
                f"{fl['peak_pss_mib']:.1f} MiB PSS | 1.00x | | |")
    if "floor_fast_png" in s:
        ff = s["floor_fast_png"]
        rows.append(f"| floor, PNG deflated as the kiosk does (zlib level 1) | {ff['wall_s']*1000:.0f} ms wall, "
                    f"{ff['cpu_s']*1000:.0f} ms CPU, {ff['peak_pss_mib']:.1f} MiB PSS | {ff['wall_s']/fl['wall_s']:.2f}x | | |")
    for key, label in (("kiosk_attract", "kiosk cold start to first frame (attract)"),
                       ("kiosk_page", "kiosk cold start to rendered page")):
        k = s[key]
        tr, dm = k["wall_s"] / fl["wall_s"], k["peak_pss_mib"] - fl["peak_pss_mib"]
        rows.append(f"| {label} | {k['wall_s']*1000:.0f} ms wall, {k['cpu_s']*1000:.0f} ms CPU, {k['peak_pss_mib']:.1f} MiB PSS "
                    f"| {tr:.2f}x time ({(k['wall_s']-fl['wall_s'])*1000:+.0f} ms), "
                    f"{k['cpu_s']/fl['cpu_s']:.2f}x CPU, {k['peak_pss_mib']/fl['peak_pss_mib']:.2f}x PSS ({dm:+.1f} MiB) "
                    + (f"| <= 1.4x time, <= floor + 40 MiB | time {verdict(tr <= 1.4)}, memory {verdict(dm <= 40)} |"
                       if key == "kiosk_page" else "| | |"))
        if "floor_fast_png" in s:
            ff = s["floor_fast_png"]
            rows.append(f"| {label}, vs the fast-PNG floor | | {k['wall_s']/ff['wall_s']:.2f}x time "
                        f"({(k['wall_s']-ff['wall_s'])*1000:+.0f} ms), {k['cpu_s']/ff['cpu_s']:.2f}x CPU, "
                        f"{k['peak_pss_mib']-ff['peak_pss_mib']:+.1f} MiB PSS | "
                        + ("<= 1.4x time, <= floor + 40 MiB | time " + verdict(k['wall_s'] / ff['wall_s'] <= 1.4)
                           + ", memory " + verdict(k['peak_pss_mib'] - ff['peak_pss_mib'] <= 40) + " |"
                           if key == "kiosk_page" else "| |"))
    if "chromium" in s:
        c, k = s["chromium"], s["kiosk_page"]
        rows.append(f"| Chromium headless, same page as HTML | {c['wall_s']*1000:.0f} ms wall, {c['cpu_s']*1000:.0f} ms CPU, "
                    f"{c['peak_pss_mib']:.1f} MiB PSS (all processes) | kiosk/Chromium: {k['wall_s']/c['wall_s']:.2f}x time, "
                    f"{k['cpu_s']/c['cpu_s']:.2f}x CPU, {k['peak_pss_mib']/c['peak_pss_mib']:.2f}x PSS | | |")
    else:
        rows.append("| Chromium headless, same page as HTML | chromium: not installed | | | |")
    for key in ("still", "scroll"):
        f = r["frames"][key]
        tgt = "| p99 < 16 ms | " + verdict(f["p99"] < 16) + " |" if key == "scroll" else "| | |"
        rows.append(f"| frame time 1920x1080, longest page, {key} ({f['n']} frames) | p50 {f['p50']:.1f} / p95 {f['p95']:.1f} / "
                    f"p99 {f['p99']:.1f} ms | {tgt}")
    for key in ("attract", "page"):
        i = r["idle"][key]
        rows.append(f"| idle CPU over 10 s, {key} | {i['cpu_pct']:.2f} % of a core (max {i['max_cpu_pct']:.2f} %), "
                    f"{i['pss_mib']:.1f} MiB PSS | | < 1 % | {verdict(i['cpu_pct'] < 1)} |")
    q = r["search"]
    rows.append(f"| search, {q['pages']}-page pack, {q['queries']} queries | median {q['median_ms']:.3f} ms, p99 {q['p99_ms']:.3f} ms "
                f"| | < 5 ms | {verdict(q['p99_ms'] < 5)} |")
    rows += hub_rows(r["hub"], r.get("day", []))
    return "\n".join(rows)


def hub_rows(hub, day):
    rows = []
    if hub and "error" in hub:
        rows.append(f"| hub ingest / outbox drain | failed: {hub['error']} | | > 1,000/s | **missed** |")
    elif hub:
        h = hub
        rows.append(f"| hub ingest, SQLite, {h['clients']} concurrent clients x {h['per_client']} referrals, {h['runs']} runs "
                    f"| {h['referrals_per_s']:.0f} referrals/s (request p50 {h['latency_p50_ms']:.1f} ms, "
                    f"p99 {h['latency_p99_ms']:.1f} ms) | 1.00x | > 1,000/s | {verdict(h['referrals_per_s'] > 1000)} |")
        for key, label in (("one_hub", "one hub on PostgreSQL"), ("two_hubs", "two hubs on one PostgreSQL database")):
            p = (h.get("postgres") or {}).get(key)
            if p:
                rows.append(f"| hub ingest, {label}, same workload | {p['referrals_per_s']:.0f} referrals/s (request p50 "
                            f"{p['latency_p50_ms']:.1f} ms, p99 {p['latency_p99_ms']:.1f} ms) | "
                            f"{p['ratio_to_sqlite']:.2f}x SQLite (median of run-by-run ratios) | > 1,000/s | "
                            f"{verdict(p['referrals_per_s'] > 1000)} |")
        rows.append(f"| outbox drain through the sync worker, {h['drain_n']} queued | {h['drain_per_s']:.0f} referrals/s "
                    f"| | | |")
    else:
        rows.append("| hub ingest / outbox drain | hub: not built yet | | > 1,000/s | |")
    for d in day or []:
        where = "one hub on SQLite" if d.get("store") == "sqlite" else "two hubs on one PostgreSQL database"
        if "error" in d:
            rows.append(f"| national day, {where} | {d['error']} | | 0 errors | **missed** |")
            continue
        rss = " / ".join(f"{m:.0f}" for m in d["peak_hub_rss_mib"])
        rows.append(f"| national day, {where}: {d['kiosks']} kiosks, {d['heartbeats']} heartbeats (every "
                    f"{d['heartbeat_interval_ms']:.0f} ms, a day in {d['day_seconds']:.0f} s) and {d['referrals_sent']} "
                    f"referrals | {d['referrals_per_s']:.0f} referrals/s (referral p99 {d['referral_p99_ms']:.1f} ms), "
                    f"heartbeat p99 {d['heartbeat_p99_ms']:.1f} ms, {d['errors']} errors, {d['referrals_stored']} stored "
                    f"({'each once' if d['stored_once'] else '**not each once**'}), peak hub RSS {rss} MiB | | "
                    f"0 errors, each once | {verdict(d['errors'] == 0 and d['stored_once'])} |")
    return rows


if __name__ == "__main__":
    main()
