#!/usr/bin/env python3
"""Throughput of other number recognisers for Chinese on the same pages as scripts/bench.

    bench-peers.py FOLDER [--seconds 20]

Run by scripts/bench with the interpreter of the venv it makes (.build/bench-venv). Each peer
reads the pages of FOLDER (*.txt, name order) one after the other, each page one call, until
all are read or its time budget is spent, and prints one line:

    peer<TAB>name<TAB>MB/s<TAB>pages read<TAB>items found

MB/s is UTF-8 megabytes (2^20 bytes) per second of this process's CPU time (the machine may be
shared; CPU time is what a core gives). A peer that cannot be imported prints `skip<TAB>name<TAB>why`.

The peers: Microsoft Recognizers-Text (recognize_number, Chinese culture), cn2an (transform,
Chinese numerals to Arabic within a text) and chinese2digits (takeChineseNumberFromString).
They find numbers only, what figures' quantity recogniser does before it reads anything else.
"""
import argparse
import glob
import os
import sys
import time
import warnings


def pages(folder):
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "*.txt"))):
        with open(path, "rb") as f:
            data = f.read()
        out.append((len(data), data.decode("utf-8", "replace")))
    return out


def peers():
    """(name, loader) pairs; a loader returns a function page -> number of items found."""
    def recognizers():
        from recognizers_number import recognize_number, Culture
        return lambda text: len(recognize_number(text, Culture.Chinese))

    def cn2an():
        import re
        import cn2an as c
        number = re.compile(r"\d+(?:\.\d+)?")
        # transform returns the text with its numerals in Arabic digits: the items are the numbers in it
        return lambda text: len(number.findall(c.transform(text, "cn2an")))

    def chinese2digits():
        import chinese2digits as c
        return lambda text: len(c.takeChineseNumberFromString(text).get("digitsStringList", []))

    return [("recognizers-text", recognizers), ("cn2an", cn2an), ("chinese2digits", chinese2digits)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--seconds", type=float, default=20.0, help="CPU-time budget of each peer")
    args = ap.parse_args()
    corpus = pages(args.folder)
    warnings.simplefilter("ignore")   # cn2an warns on every numeral it cannot read
    for name, load in peers():
        try:
            run = load()
            run("今年前三季营收二千三百亿元，同比增长12.5%。")   # first call builds the peer's tables
        except Exception as e:  # noqa: BLE001 - any failure to load skips the peer
            print(f"skip\t{name}\t{type(e).__name__}: {e}", flush=True)
            continue
        done_bytes = items = read = 0
        start = time.process_time()
        for size, text in corpus:
            try:
                items += run(text)
            except Exception:  # noqa: BLE001 - a peer that fails on a page still read it
                pass
            done_bytes += size
            read += 1
            if time.process_time() - start > args.seconds:
                break
        secs = max(time.process_time() - start, 1e-6)
        print(f"peer\t{name}\t{done_bytes / 1048576 / secs:.3f}\t{read}\t{items}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
