#!/usr/bin/env python3
"""The outside benchmark: sipp, in processes of its own, against the example platform as shipped (its jar) and
against a bare jain-sip UAS with the same stack settings (camel-gb28181's test class bench.BareUas), one after the
other in one run, both measured by the same pass rule. See docs/benchmarks.md.

    camel-gb28181-example/bench/bench.py             # builds, then about 25 minutes
    camel-gb28181-example/bench/bench.py --quick     # shorter steps and a smaller storm, to try the script

It prints, for each target: the keepalive and registration ceilings (the highest rate of a ladder that passed:
< 0.1% of calls failed, >= 95% of the rate achieved, retransmissions < 1% of calls, and for registrations >= 99.9%
of the devices answering the first queries); p50/p99 at half the ceiling; the storm (new devices registering at 3x
the registration ceiling, honouring 503 Retry-After, while 1,000 registered devices keep alive at 2,000/s); and
the recovery (a REGISTER one second after 10 s of keepalives at twice the keepalive ceiling). Then the example's
figures as ratios to the bare stack's, next to their targets. Everything lands in
camel-gb28181-example/target/bench/<time>/ (report.txt, sipp's files, the servers' logs).

Only Python 3's standard library, sipp (Debian's sip-tester), Java 17 and curl are needed.
"""
import argparse
import base64
import csv
import json
import math
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

SERVER_ID = "34020000002000000001"
DOMAIN = "3402000000"
PASSWORD = "bench-secret"
# the example's REST API asks for a login, as shipped: the bench sets its password and sends HTTP Basic
WEB_USER, WEB_PASSWORD = "admin", "bench-web-secret"
ROOT = Path(__file__).resolve().parents[2]
SIPP = Path(__file__).resolve().parent / "sipp"
# sipp's own socket buffers (64 KB by default) overflow when the two cores are busy, and a response lost there costs a
# keepalive a 500-ms retransmission that the server did nothing to cause; 4 MB as the servers have (the kernel caps it
# at net.core.rmem_max)
SIPP_BUFFER = 4 * 1024 * 1024
KEEPALIVE_LADDER = [1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 10000, 12000, 14000, 16000, 20000]
REGISTER_LADDER = [250, 500, 750, 1000, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 8000]


def log(*parts):
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


def load_average():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def free_port():
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            port = udp.getsockname()[1]
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
                tcp.bind(("127.0.0.1", port))
            return port
        except OSError:
            continue


def udp_drops():
    """Datagrams each UDP socket of this machine dropped because its receive buffer was full, by local port."""
    drops = {}
    for table in ("/proc/net/udp", "/proc/net/udp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            port = int(fields[1].rsplit(":", 1)[1], 16)
            drops[port] = drops.get(port, 0) + int(fields[-1])
    return drops


class DropWatch(threading.Thread):
    """Follows the receive-buffer drops of some UDP sockets while they live (a socket's count goes with it)."""

    def __init__(self, ports):
        super().__init__(daemon=True)
        self.ports = ports
        self.first = {}
        self.last = {}
        self.done = threading.Event()
        self.start()

    def run(self):
        while not self.done.is_set():
            now = udp_drops()
            for port in self.ports:
                if port in now:
                    self.first.setdefault(port, now[port])
                    self.last[port] = now[port]
            self.done.wait(0.2)

    def dropped(self, port):
        """Drops of a socket since the watch first saw it."""
        self.done.set()
        self.join()
        return self.last.get(port, 0) - self.first.get(port, 0)


class DeviceIds:
    """Device ids never used before in this run, written to sipp injection files."""

    def __init__(self, out):
        self.out = out
        self.next = 1
        self.files = 0

    def block(self, count, prefix="1320"):
        ids = [f"3402000000{prefix}{n:06d}" for n in range(self.next, self.next + count)]
        self.next += count
        self.files += 1
        path = self.out / f"devices-{self.files}.csv"
        path.write_text("SEQUENTIAL\n" + "\n".join(ids) + "\n")
        return ids, path


class SippResult:
    def __init__(self, stat_rows, rtts, rate, calls, wall):
        header, last = stat_rows[0], stat_rows[-1]
        value = lambda row, name: row[header.index(name)]
        self.calls = int(value(last, "OutgoingCall(C)"))
        self.successful = int(value(last, "SuccessfulCall(C)"))
        self.failed = int(value(last, "FailedCall(C)"))
        self.retransmissions = int(value(last, "Retransmissions(C)"))
        self.rate = rate
        self.wanted = calls
        self.wall = wall
        # when the last call was created, from the cumulative count sampled every 200 ms
        start = float(value(stat_rows[1], "StartTime").split("\t")[-1])
        created = None
        for row in stat_rows[1:]:
            if calls and int(value(row, "OutgoingCall(C)")) >= calls:
                created = float(value(row, "CurrentTime").split("\t")[-1]) - start
                break
        if created:
            self.achieved = calls / created
        else:  # no call count (stopped from outside): the rate over the run
            ran = float(value(last, "CurrentTime").split("\t")[-1]) - start
            self.achieved = self.calls / max(ran if ran > 0 else wall, 0.001)
        # when the last call succeeded, in seconds after sipp started
        self.last_success_s = None
        for row in stat_rows[1:]:
            if int(value(row, "SuccessfulCall(C)")) >= calls:
                self.last_success_s = float(value(row, "CurrentTime").split("\t")[-1]) - start
                break
        self.rtts = rtts  # {rtd: [(at_ms, rtt_ms)]}

    def latencies(self, rtd=1):
        return sorted(r for _, r in self.rtts.get(rtd, []))

    def passed(self):
        return (self.calls > 0 and self.failed <= 0.001 * self.calls and self.achieved >= 0.95 * self.rate
                and self.retransmissions < 0.01 * self.calls)

    def verdict(self):
        return (f"{self.successful}/{self.calls} ok, {self.failed} failed, {self.retransmissions} retransmitted, "
                f"{self.achieved:,.0f}/s achieved")


def percentile(values, p):
    if not values:
        return float("nan")
    k = max(0, min(len(values) - 1, math.ceil(p / 100.0 * len(values)) - 1))
    return values[k]


class Sipp:
    """One sipp process: a client scenario against the target, devices from an injection file."""

    def __init__(self, out, name, scenario, port, rate, calls, inf, ooc=False, pause_ms=0, timeout_s=None,
                 rtt_every=100):
        self.dir = out / name
        self.dir.mkdir(parents=True, exist_ok=True)
        self.rate = rate
        self.calls = calls
        self.stat = self.dir / "stat.csv"
        self.port = free_port()
        command = ["sipp", f"127.0.0.1:{port}", "-sf", str(SIPP / scenario), "-inf", str(inf),
                   "-key", "server_id", SERVER_ID, "-key", "domain", DOMAIN, "-au", "admin", "-ap", PASSWORD,
                   "-t", "u1", "-i", "127.0.0.1", "-p", str(self.port), "-r", str(rate), "-l", "100000",
                   "-buff_size", str(SIPP_BUFFER), "-nostdin", "-trace_stat", "-fd", "200ms", "-stf", str(self.stat), "-trace_rtt", "-trace_screen",
                   "-rtt_freq", str(rtt_every), "-trace_err", "-error_file", str(self.dir / "errors.log"),
                   "-error_overwrite", "false", "-nd", "-d", str(pause_ms)]
        if calls:
            command += ["-m", str(calls)]
        if ooc:
            command += ["-oocsf", str(SIPP / "answer-queries.xml")]
        if timeout_s:
            command += ["-timeout", f"{timeout_s}s"]
        self.started = time.time()
        self.process = subprocess.Popen(command, cwd=self.dir, stdout=open(self.dir / "stdout.log", "w"),
                                        stderr=subprocess.STDOUT)

    def stop(self):
        """Places no more calls; those under way finish (SIGUSR1)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGUSR1)

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()

    def wait(self, timeout=None):
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return self.result()

    def result(self):
        wall = time.time() - self.started
        rows = list(csv.reader(open(self.stat), delimiter=";")) if self.stat.exists() else []
        if len(rows) < 2:
            raise RuntimeError(f"sipp wrote no statistics in {self.dir}; see stdout.log there")
        rtts = {}
        for rtt_file in self.dir.glob("*_rtt.csv"):
            with open(rtt_file) as f:
                next(f)
                for line in f:
                    at, rtt, rtd = line.strip().split(";")
                    rtts.setdefault(int(rtd), []).append((float(at), float(rtt)))
        result = SippResult(rows, rtts, self.rate, self.calls, wall)
        result.busy = self.received("503")
        return result

    def received(self, status):
        """How many responses with this status the scenario received, from sipp's last screen (-trace_screen)."""
        count = 0
        for screen in self.dir.glob("*_screen.log"):
            for line in open(screen, errors="replace"):
                match = re.match(rf"\s*{status}\s+<-+\s+(\d+)", line)
                if match:
                    count += int(match.group(1))
        return count


class Target:
    """A SIP server under test, in a process of its own."""

    def __init__(self, name, out, java_opts):
        self.name = name
        self.out = out / name
        self.out.mkdir(parents=True, exist_ok=True)
        self.java_opts = java_opts
        self.port = free_port()
        self.process = None

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def await_sip(self, seconds=120):
        """Waits until the server answers OPTIONS over UDP."""
        deadline = time.time() + seconds
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            udp.settimeout(0.5)
            local = udp.getsockname()[1]
            while time.time() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"{self.name} exited; see {self.out}/server.log")
                branch = f"z9hG4bK{int(time.time() * 1000)}"
                udp.sendto((f"OPTIONS sip:{SERVER_ID}@127.0.0.1:{self.port} SIP/2.0\r\n"
                            f"Via: SIP/2.0/UDP 127.0.0.1:{local};rport;branch={branch}\r\n"
                            f"From: <sip:bench@{DOMAIN}>;tag=1\r\nTo: <sip:{SERVER_ID}@{DOMAIN}>\r\n"
                            f"Call-ID: {branch}\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n")
                           .encode(), ("127.0.0.1", self.port))
                try:
                    if udp.recv(65535).startswith(b"SIP/2.0 200"):
                        return
                except socket.timeout:
                    pass
        raise RuntimeError(f"{self.name} did not answer OPTIONS within {seconds} s")


class Bare(Target):
    def __init__(self, out, java_opts, classpath):
        super().__init__("bare", out, java_opts)
        self.classpath = classpath
        self.status = self.out / "status"

    def start(self):
        command = ["java", *self.java_opts, "-cp", self.classpath, "io.github.gb28181.camel.bench.BareUas",
                   str(self.port), PASSWORD, str(self.status), "--queries"]
        self.process = subprocess.Popen(command, stdout=open(self.out / "server.log", "w"), stderr=subprocess.STDOUT)
        self.await_sip()

    def answered(self):
        """Devices that answered both first queries, so far."""
        try:
            return int(self.status.read_text().split()[1])
        except (OSError, IndexError, ValueError):
            return 0

    def offline_events(self, devices):
        return None  # the bare stack has no presence


class Example(Target):
    def __init__(self, out, java_opts, jar, keepalive_timeout):
        super().__init__("example", out, java_opts)
        self.jar = jar
        self.http = free_port()
        self.keepalive_timeout = keepalive_timeout
        self.events = None

    def start(self):
        data = self.out / "data"
        command = ["java", *self.java_opts, "-jar", str(self.jar), f"--gb28181.sip-port={self.port}",
                   f"--server.port={self.http}", f"--gb28181.password={PASSWORD}", f"--gb28181.data-dir={data}",
                   f"--gb28181.web.password={WEB_PASSWORD}",
                   "--gb28181.advertised-address=127.0.0.1", "--gb28181.broker-port=0",
                   f"--gb28181.rtp-port={free_port()}",
                   f"--camel.component.gb28181.keepalive-timeout={self.keepalive_timeout}"]
        self.process = subprocess.Popen(command, cwd=self.out, stdout=open(self.out / "server.log", "w"),
                                        stderr=subprocess.STDOUT)
        self.await_sip()

    def devices(self):
        request = urllib.request.Request(f"http://127.0.0.1:{self.http}/api/devices")
        credentials = base64.b64encode(f"{WEB_USER}:{WEB_PASSWORD}".encode()).decode()
        request.add_header("Authorization", f"Basic {credentials}")
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)

    def answered(self):
        return sum(1 for d in self.devices() if d.get("manufacturer"))

    def follow_events(self):
        """Keeps every event the platform publishes (its server-sent event stream), to look for OFFLINE."""
        self.events = self.out / "events.sse"
        self.follower = subprocess.Popen(["curl", "-sfN", "-u", f"{WEB_USER}:{WEB_PASSWORD}",
                                          f"http://127.0.0.1:{self.http}/api/events/stream"],
                                         stdout=open(self.events, "w"), stderr=subprocess.DEVNULL)

    def offline_events(self, devices):
        if self.follower.poll() is not None:
            # the stream ended (a refused login, the server gone): no OFFLINE seen would prove nothing
            log(f"example: the event stream ended early (curl exit {self.follower.returncode}); see {self.events}")
            return "stream lost"
        self.follower.terminate()
        wanted = set(devices)
        offline = 0
        for line in open(self.events, errors="replace"):
            if line.startswith("data:") and '"OFFLINE"' in line:
                event = json.loads(line[5:])
                if event.get("type") == "OFFLINE" and event.get("deviceId") in wanted:
                    offline += 1
        return offline


class Bench:
    def __init__(self, args, out):
        self.args = args
        self.out = out
        self.ids = DeviceIds(out)
        self.step_seconds = 5 if args.quick else 10
        self.report = []

    def say(self, line=""):
        print(line, flush=True)
        self.report.append(line)

    # ---- ladders -------------------------------------------------------------------------------------------------

    def keepalive_step(self, target, rate, devices_csv, seconds, name):
        run = Sipp(self.out / target.name, name, "keepalive.xml", target.port, rate, rate * seconds, devices_csv,
                   timeout_s=seconds + 60)
        return run.wait(seconds + 90)

    def register_step(self, target, rate, seconds, name, settle_s=5):
        ids, csv_path = self.ids.block(rate * seconds)
        before = target.answered()
        run = Sipp(self.out / target.name, name, "register.xml", target.port, rate, len(ids), csv_path, ooc=True,
                   pause_ms=settle_s * 1000, timeout_s=seconds + settle_s + 60)
        result = run.wait(seconds + settle_s + 90)
        result.answered = target.answered() - before
        return result

    def ladder(self, target, kind, rungs, step):
        ceiling, last = 0, None
        for rate in rungs:
            result = step(rate)
            passed = result.passed() and (kind != "register" or result.answered >= 0.999 * result.successful)
            if not passed:
                log(f"{target.name} {kind} {rate}/s failed ({self.describe(kind, result)}); once more")
                result = step(rate)
                passed = result.passed() and (kind != "register" or result.answered >= 0.999 * result.successful)
            log(f"{target.name} {kind} {rate}/s {'passed' if passed else 'FAILED'}: {self.describe(kind, result)}"
                f" (load {load_average()})")
            if not passed:
                last = (rate, result)
                break
            ceiling = rate
        return ceiling, last

    @staticmethod
    def describe(kind, result):
        text = result.verdict()
        if kind == "register":
            text += f", {result.answered} answered the first queries"
        return text

    # ---- the whole run -------------------------------------------------------------------------------------------

    def measure(self, target, registered_csv, registered_ids):
        figures = {}
        seconds = self.step_seconds
        # the 1,000 devices that keep alive register first (and warm the JVM up)
        warm = Sipp(self.out / target.name, "register-1000", "register-retry.xml", target.port, 100, 1000,
                    registered_csv, ooc=True, pause_ms=3000, timeout_s=180).wait(240)
        log(f"{target.name}: 1,000 devices registered: {warm.verdict()}")
        if warm.successful < 1000:
            raise RuntimeError(f"only {warm.successful} of the 1,000 keepalive devices registered to {target.name}")
        self.keepalive_step(target, 1000, registered_csv, 5, "warm-up")

        rungs = [r for r in KEEPALIVE_LADDER if r <= self.args.max_keepalive]
        counter = iter(range(1000))
        figures["keepalive_ceiling"], figures["keepalive_failed_at"] = self.ladder(
            target, "keepalive", rungs,
            lambda rate: self.keepalive_step(target, rate, registered_csv, seconds, f"keepalive-{rate}-{next(counter)}"))
        rungs = [r for r in REGISTER_LADDER if r <= self.args.max_register]
        figures["register_ceiling"], figures["register_failed_at"] = self.ladder(
            target, "register", rungs,
            lambda rate: self.register_step(target, rate, seconds, f"register-{rate}-{next(counter)}"))

        half = max(100, figures["keepalive_ceiling"] // 2)
        figures["keepalive_half"] = self.keepalive_step(target, half, registered_csv, 2 * seconds, f"keepalive-half-{half}")
        half = max(50, figures["register_ceiling"] // 2)
        figures["register_half"] = self.register_step(target, half, 2 * seconds, f"register-half-{half}")

        figures["storm"] = self.storm(target, registered_csv, registered_ids, max(100, 3 * figures["register_ceiling"]))
        figures["recovery"] = self.recovery(target, registered_csv, 2 * max(1000, figures["keepalive_ceiling"]))
        return figures

    def storm(self, target, registered_csv, registered_ids, rate):
        devices = 4000 if self.args.quick else 20000
        log(f"{target.name}: storm of {devices:,} new devices at {rate}/s while 1,000 keep alive at 2,000/s")
        if isinstance(target, Example):
            target.follow_events()
        keepalives = Sipp(self.out / target.name, "storm-keepalive", "keepalive.xml", target.port, 2000, 0,
                          registered_csv, timeout_s=400)
        time.sleep(3)
        ids, csv_path = self.ids.block(devices, prefix="1321")
        started = time.time()
        storm = Sipp(self.out / target.name, "storm-register", "register-retry.xml", target.port, rate, devices,
                     csv_path, ooc=True, pause_ms=5000, timeout_s=300)
        # a datagram lost to a full socket buffer costs its keepalive a 500-ms retransmission: say on which side
        drops = DropWatch([target.port, keepalives.port, storm.port])
        registrations = storm.wait(330)
        ended = time.time()
        time.sleep(2)
        server_drops = drops.dropped(target.port)
        generator_drops = (drops.dropped(keepalives.port), drops.dropped(storm.port))
        keepalives.stop()
        kept = keepalives.wait(60)
        last_s = registrations.last_success_s if registrations.last_success_s is not None else float("inf")
        # the windows of the storm itself (sipp's times are ms after its start), not the keepalives' lead-in
        storm_from = (started - keepalives.started) * 1000
        storm_to = (ended - keepalives.started) * 1000
        windows = {}
        for at, rtt in kept.rtts.get(1, []):
            if storm_from <= at <= storm_to:
                windows.setdefault(int((at - storm_from) // 5000), []).append(rtt)
        worst_window = max((percentile(sorted(v), 99) for v in windows.values()), default=float("nan"))
        return {
            "rate": rate, "devices": devices, "registered": registrations.successful, "busy": registrations.busy,
            "register_failed": registrations.failed, "last_registered_s": last_s,
            "register_p50_s": percentile(registrations.latencies(1), 50) / 1000.0,
            "register_p99_s": percentile(registrations.latencies(1), 99) / 1000.0,
            "keepalive_calls": kept.calls, "keepalive_failed": kept.failed, "keepalive_rate": kept.achieved,
            "keepalive_retransmissions": kept.retransmissions,
            "keepalive_p50": percentile(kept.latencies(1), 50), "keepalive_p99": percentile(kept.latencies(1), 99),
            "keepalive_worst_5s_p99": worst_window, "keepalive_max": max(kept.latencies(1), default=float("nan")),
            "offline": target.offline_events(registered_ids), "wall_s": time.time() - started,
            "server_drops": server_drops, "generator_drops": generator_drops,
        }

    def recovery(self, target, registered_csv, rate):
        log(f"{target.name}: 10 s of keepalives at {rate}/s, then one REGISTER a second later")
        flood = Sipp(self.out / target.name, "recovery-flood", "keepalive.xml", target.port, rate, 0, registered_csv,
                     timeout_s=60)
        time.sleep(10)
        flood.kill()  # the flood stops at once: no more datagrams, not even retransmissions
        time.sleep(1)
        ids, csv_path = self.ids.block(1, prefix="1322")
        probe = Sipp(self.out / target.name, "recovery-register", "register.xml", target.port, 1, 1, csv_path,
                     ooc=True, pause_ms=0, timeout_s=30, rtt_every=1).wait(60)
        first = probe.latencies(2)
        whole = probe.latencies(1)
        return {"rate": rate, "first_answer_ms": first[0] if first else float("nan"),
                "registered_ms": whole[0] if whole else float("nan"), "failed": probe.failed}

    # ---- the report ----------------------------------------------------------------------------------------------

    def print_report(self, results, started_load, ended_load, java_opts):
        say = self.say
        say()
        say("=" * 120)
        say(f"Outside benchmark, {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, load average "
            f"{started_load} at the start, {ended_load} at the end")
        say(f"sipp: {sipp_version()}"
            f"; java: {java_version()}; JVM options of both servers: {' '.join(java_opts) or '(none)'}")
        say("Pass rule of a ladder rung: < 0.1% of calls failed, >= 95% of the rate achieved, retransmissions < 1% of"
            " calls; registrations also >= 99.9% of devices answering the first queries (Catalog, DeviceInfo)")
        say("=" * 120)
        say(f"{'figure':58} {'bare jain-sip':>30} {'example platform':>30}")
        b, e = results.get("bare", {}), results.get("example", {})

        def row(name, fn):
            say(f"{name:58} {fmt(fn, b):>30} {fmt(fn, e):>30}")

        row("keepalive ceiling (MESSAGE -> 200), calls/s", lambda f: f"{f['keepalive_ceiling']:,}")
        row("registration ceiling (digest + first queries), devices/s", lambda f: f"{f['register_ceiling']:,}")
        row("keepalive at half the ceiling: p50 / p99 ms",
            lambda f: f"{latency(f['keepalive_half'], 50)} / {latency(f['keepalive_half'], 99)}")
        row("registration at half the ceiling: p50 / p99 ms (to 200)",
            lambda f: f"{latency(f['register_half'], 50)} / {latency(f['register_half'], 99)}")
        row("storm: new devices, rate", lambda f: f"{f['storm']['devices']:,} at {f['storm']['rate']:,}/s")
        row("storm: registered / last one after (s)",
            lambda f: f"{f['storm']['registered']:,} / {f['storm']['last_registered_s']:.1f}")
        row("storm: 503 Retry-After answers honoured", lambda f: f"{f['storm']['busy']:,}")
        row("storm: registration time p50 / p99 (s)",
            lambda f: f"{f['storm']['register_p50_s']:.1f} / {f['storm']['register_p99_s']:.1f}")
        row("storm: keepalives sent (rate) / failed / retransmitted",
            lambda f: f"{f['storm']['keepalive_calls']:,} ({f['storm']['keepalive_rate']:,.0f}/s) / "
                      f"{f['storm']['keepalive_failed']} / {f['storm']['keepalive_retransmissions']}")
        row("storm: keepalive p50 / p99 / worst 5-s p99 / max (ms)",
            lambda f: f"{f['storm']['keepalive_p50']:.0f} / {f['storm']['keepalive_p99']:.0f} / "
                      f"{f['storm']['keepalive_worst_5s_p99']:.0f} / {f['storm']['keepalive_max']:.0f}")
        row("storm: UDP datagrams dropped, buffer full: server / sipp",
            lambda f: f"{f['storm']['server_drops']:,} / {f['storm']['generator_drops'][0]:,}, "
                      f"{f['storm']['generator_drops'][1]:,}")
        row("storm: OFFLINE events of devices that kept alive",
            lambda f: "n/a" if f['storm']['offline'] is None else str(f['storm']['offline']))
        row("recovery: first answer / registered, ms after",
            lambda f: f"{f['recovery']['first_answer_ms']:.0f} / {f['recovery']['registered_ms']:.0f}"
                      f" ({f['recovery']['rate']:,}/s)")
        if not (b and e):
            return
        say("-" * 120)
        checks = []
        ka = e["keepalive_ceiling"] / max(1, b["keepalive_ceiling"])
        checks.append(("keepalive ceiling, example / bare", f"{ka:.2f}x", ">= 0.8x", ka >= 0.8))
        rg = e["register_ceiling"] / max(1, b["register_ceiling"])
        checks.append(("registration ceiling, example / bare", f"{rg:.2f}x", ">= 0.5x", rg >= 0.5))
        s = e["storm"]
        checks.append(("storm: keepalives failed", str(s["keepalive_failed"]), "0", s["keepalive_failed"] == 0))
        checks.append(("storm: keepalive p99 throughout (worst 5-s window of it)",
                       f"{s['keepalive_worst_5s_p99']:.0f} ms", "< 100 ms", s["keepalive_worst_5s_p99"] < 100))
        checks.append(("storm: all registered within 2 minutes",
                       f"{s['registered']:,}/{s['devices']:,} in {s['last_registered_s']:.0f} s", "<= 120 s",
                       s["registered"] == s["devices"] and s["last_registered_s"] <= 120))
        checks.append(("storm: OFFLINE for devices that kept alive", str(s["offline"]), "0", s["offline"] == 0))
        r = e["recovery"]
        checks.append(("recovery: REGISTER answered 1 s after the overload", f"{r['first_answer_ms']:.0f} ms",
                       "< 100 ms", r["first_answer_ms"] < 100))
        for name, value, target, ok in checks:
            say(f"{name:58} {value:>30} {target:>14} {'PASS' if ok else 'FAIL'}")


def fmt(fn, figures):
    if not figures:
        return "-"
    try:
        return fn(figures)
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return "?"


def latency(result, p, rtd=1):
    return f"{percentile(result.latencies(rtd), p):.0f}"


def sipp_version():
    out = subprocess.run(["sipp", "-v"], capture_output=True, text=True).stdout
    return next((line.strip() for line in out.splitlines() if "SIPp v" in line), "?")


def java_version():
    out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return out[0] if out else "?"


def build(args):
    if args.no_build:
        return
    log("building (mvn package, no tests)")
    subprocess.run(["mvn", "-B", "-q", "-pl", "camel-gb28181-example", "-am", "package", "-DskipTests"],
                   cwd=ROOT, check=True)


def bare_classpath(out):
    target = out / "bare.classpath"
    subprocess.run(["mvn", "-B", "-q", "-pl", "camel-gb28181", "dependency:build-classpath",
                    f"-Dmdep.outputFile={target}", "-Dmdep.includeScope=runtime"], cwd=ROOT, check=True)
    module = ROOT / "camel-gb28181" / "target"
    return f"{module / 'test-classes'}:{module / 'classes'}:{target.read_text().strip()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="5-s rungs and a storm of 4,000: to try the script")
    parser.add_argument("--no-build", action="store_true", help="use the jars already built")
    parser.add_argument("--only", choices=["bare", "example"], help="measure one target")
    parser.add_argument("--max-keepalive", type=int, default=KEEPALIVE_LADDER[-1], help="top of the keepalive ladder")
    parser.add_argument("--max-register", type=int, default=REGISTER_LADDER[-1], help="top of the registration ladder")
    parser.add_argument("--java-opts", default=os.environ.get("BENCH_JAVA_OPTS", ""),
                        help="JVM options for both servers (default: none, as the jar is run)")
    parser.add_argument("--keepalive-timeout", default="10s",
                        help="the example's keepalive timeout, short so that a starved device would go OFFLINE")
    args = parser.parse_args()

    out = ROOT / "camel-gb28181-example" / "target" / "bench" / time.strftime("%Y%m%d-%H%M%S")
    out.mkdir(parents=True)
    started_load = load_average()
    build(args)
    java_opts = args.java_opts.split()
    targets = []
    if args.only != "example":
        targets.append(Bare(out, java_opts, bare_classpath(out)))
    if args.only != "bare":
        targets.append(Example(out, java_opts, ROOT / "camel-gb28181-example" / "target" / "camel-gb28181-example.jar",
                               args.keepalive_timeout))
    bench = Bench(args, out)
    registered_ids, registered_csv = bench.ids.block(1000, prefix="1319")
    results = {}
    for target in targets:
        log(f"starting {target.name} on port {target.port} (load {load_average()})")
        target.start()
        try:
            results[target.name] = bench.measure(target, registered_csv, registered_ids)
        finally:
            target.stop()
    bench.print_report(results, started_load, load_average(), java_opts)
    (out / "report.txt").write_text("\n".join(bench.report) + "\n")
    log(f"report and sipp's files in {out}")


if __name__ == "__main__":
    main()
