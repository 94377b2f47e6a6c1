#!/usr/bin/env python3
"""End-to-end figures for the core (issue 2), measured on the built agent (bin/nxlog).

  im_testgen -> om_null   records/s with --oneshot
  im_testgen -> om_file   lines/s with --oneshot
  start to first record   from exec of bin/nxlog to the first line in the output file
  idle heap               heap used after a full GC by an agent that has started and is idle

Usage: bench/e2e/core.py [--records N] [--runs R]   (build first: ./mvnw -q -DskipTests package)
Prints one line per figure; the best of R runs counts for throughput (the machine is shared).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AGENT = os.path.join(ROOT, "bin", "nxlog")


def write(path, text):
    with open(path, "w") as handle:
        handle.write(text)


def run_oneshot(config):
    """Wall time of a whole --oneshot run and the time between the agent's 'started' and 'stopped' lines."""
    start = time.monotonic()
    result = subprocess.run([AGENT, "-f", "--oneshot", "-c", config], capture_output=True, text=True)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        sys.exit("agent failed:\n" + result.stderr)
    return elapsed


def throughput(work, name, output, records, runs):
    config = os.path.join(work, name + ".conf")
    write(config, f"""CacheDir {work}/cache
<Input gen>
    Module im_testgen
    MaxCount {records}
</Input>
<Output out>
{output}
</Output>
""")
    best = None
    for _ in range(runs):
        if os.path.exists(os.path.join(work, "out.log")):
            os.remove(os.path.join(work, "out.log"))
        elapsed = run_oneshot(config)
        best = elapsed if best is None else min(best, elapsed)
    return records / best, best


def start_to_first_record(work, runs):
    config = os.path.join(work, "first.conf")
    output = os.path.join(work, "first.log")
    write(config, f"""CacheDir {work}/cache
<Input gen>
    Module im_testgen
</Input>
<Output out>
    Module om_file
    File "{output}"
</Output>
""")
    best = None
    for _ in range(runs):
        if os.path.exists(output):
            os.remove(output)
        start = time.monotonic()
        process = subprocess.Popen([AGENT, "-c", config], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while not (os.path.exists(output) and os.path.getsize(output) > 0):
            if time.monotonic() - start > 30:
                process.kill()
                sys.exit("no record within 30 s")
            time.sleep(0.002)
        elapsed = time.monotonic() - start
        process.terminate()
        process.wait()
        best = elapsed if best is None else min(best, elapsed)
    return best


def idle_heap(work):
    config = os.path.join(work, "idle.conf")
    write(config, f"""CacheDir {work}/cache
<Input internal>
    Module im_internal
</Input>
<Output out>
    Module om_null
</Output>
""")
    process = subprocess.Popen([AGENT, "-c", config], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(5)
        java_home = os.environ.get("JAVA_HOME")
        jcmd = os.path.join(java_home, "bin", "jcmd") if java_home else shutil.which("jcmd")
        pid = str(process.pid)
        subprocess.run([jcmd, pid, "GC.run"], capture_output=True, text=True, check=True)
        info = subprocess.run([jcmd, pid, "GC.heap_info"], capture_output=True, text=True, check=True).stdout
        used = sum(int(value) for value in re.findall(r"used (\d+)K", info.split("Metaspace")[0]))
        rss = int(open(f"/proc/{pid}/status").read().split("VmRSS:")[1].split()[0])
        return used / 1024, rss / 1024
    finally:
        process.terminate()
        process.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=20_000_000)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    work = tempfile.mkdtemp(prefix="openmaces-bench-")
    try:
        rate, seconds = throughput(work, "null", "    Module om_null", arguments.records, arguments.runs)
        print(f"im_testgen -> om_null : {rate / 1e6:.2f} M records/s ({arguments.records} records in {seconds:.2f} s, JVM start included)")
        rate, seconds = throughput(work, "file", f'    Module om_file\n    File "{work}/out.log"',
                                   arguments.records // 2, arguments.runs)
        print(f"im_testgen -> om_file : {rate / 1e6:.2f} M lines/s ({arguments.records // 2} lines in {seconds:.2f} s, JVM start included)")
        print(f"start to first record : {start_to_first_record(work, arguments.runs) * 1000:.0f} ms")
        heap, rss = idle_heap(work)
        print(f"idle agent            : {heap:.1f} MB heap used after GC, {rss:.0f} MB resident")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
