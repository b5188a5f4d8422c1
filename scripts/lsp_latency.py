#!/usr/bin/env python3
"""How long `galley lsp` takes from a change to its diagnostics.

Builds a 5,000-word plain-text article from a State of the Union speech,
opens it in `galley lsp` (the release build), then, run after run, sends one
keystroke as an incremental didChange in the middle of the article and times
until the publishDiagnostics for that version arrives. That includes the
server's debounce (it waits for typing to pause). didSave, which lints at
once, gives the lint-and-publish time alone. Prints the median, min and max.

    cargo build --release
    python3 scripts/lsp_latency.py [--runs 21] [--words 5000] [--defects 50] [SPEECH.txt]

--defects N glues N sentences to the next (". The" → ".The"), so that the
server has findings to convert and publish, as on a real draft.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SPEECH = os.path.join(REPO, "..", "shared", "corpus", "sotu", "2012_barack_obama_d.txt")


def article(speech, words, defects):
    """The speech's paragraphs, blank-line separated, up to `words` words,
    with `defects` sentence boundaries spread evenly losing their space."""
    with open(speech, encoding="utf-8") as f:
        paragraphs = [p.strip() for p in f.read().split("\n") if p.strip()]
    kept, count = [], 0
    for paragraph in paragraphs:
        tokens = paragraph.split()
        if count + len(tokens) > words:
            tokens = tokens[: words - count]
        kept.append(" ".join(tokens))
        count += len(tokens)
        if count >= words:
            break
    if count < words:
        sys.exit(f"{speech} has only {count} words")
    text = "\n\n".join(kept) + "\n"
    boundaries = [
        i
        for i in range(len(text) - 2)
        if text[i] == "." and text[i + 1] == " " and text[i + 2].isupper()
    ]
    step = max(1, len(boundaries) // defects) if defects else 0
    for i in sorted(boundaries[::step][:defects], reverse=True) if step else []:
        text = text[: i + 1] + text[i + 2 :]
    return text


class Server:
    def __init__(self, galley):
        self.proc = subprocess.Popen(
            [galley, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.next_id = 1

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise SystemExit("galley lsp closed its output")
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def request(self, method, params):
        id_ = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": id_, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == id_ and "method" not in message:
                return message

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri, version):
        while True:
            message = self.read()
            if (
                message.get("method") == "textDocument/publishDiagnostics"
                and message["params"]["uri"] == uri
                and message["params"].get("version") == version
            ):
                return message["params"]["diagnostics"]


def summary(name, seconds):
    ms = sorted(s * 1000 for s in seconds)
    print(
        f"{name}: median {statistics.median(ms):.1f} ms, "
        f"min {ms[0]:.1f} ms, max {ms[-1]:.1f} ms ({len(ms)} runs)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("speech", nargs="?", default=DEFAULT_SPEECH)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--defects", type=int, default=50)
    parser.add_argument("--galley", default=os.path.join(REPO, "target/release/galley"))
    args = parser.parse_args()

    text = article(args.speech, args.words, args.defects)
    with tempfile.TemporaryDirectory(prefix="galley-latency-") as folder:
        path = os.path.join(folder, "speech.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        uri = "file://" + path
        server = Server(args.galley)
        server.request(
            "initialize",
            {"processId": os.getpid(), "rootUri": "file://" + folder, "capabilities": {}},
        )
        server.notify("initialized", {})
        version = 1
        server.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}},
        )
        found = server.diagnostics(uri, version)
        print(
            f"{args.words} words ({args.defects} glued sentences), "
            f"{len(text.encode())} bytes, {len(found)} diagnostics"
        )

        # A keystroke in the middle: type "x" after a word, or delete it again.
        line = text[: len(text) // 2].count("\n")
        character = len(text.split("\n")[line].split(" ")[0])
        at = {"line": line, "character": character}
        after = {"line": line, "character": character + 1}
        typed, saved = [], []
        for run in range(args.runs):
            version += 1
            change = (
                {"range": {"start": at, "end": at}, "text": "x"}
                if run % 2 == 0
                else {"range": {"start": at, "end": after}, "text": ""}
            )
            started = time.perf_counter()
            server.notify(
                "textDocument/didChange",
                {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
            )
            server.diagnostics(uri, version)
            typed.append(time.perf_counter() - started)

            started = time.perf_counter()
            server.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
            server.diagnostics(uri, version)
            saved.append(time.perf_counter() - started)

        server.request("shutdown", None)
        server.notify("exit", None)
        server.proc.wait()
    summary("didChange → publishDiagnostics (with the debounce)", typed)
    summary("didSave → publishDiagnostics (lint and publish only)", saved)


if __name__ == "__main__":
    main()
