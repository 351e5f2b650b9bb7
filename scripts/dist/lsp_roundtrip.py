#!/usr/bin/env python3
"""Starts `COMMAND...` as a language server on stdio and completes an LSP initialize round trip:
initialize, initialized, shutdown, exit. Prints the server's name and version from the initialize
result; exits 1 with one line saying what went wrong (no answer, a bad frame, the wrong id).

Usage: lsp_roundtrip.py COMMAND [ARGS...]     e.g. lsp_roundtrip.py wheelsh lsp
"""
import json
import subprocess
import sys
import threading


def send(pipe, message):
    body = json.dumps(message).encode()
    pipe.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    pipe.flush()


def receive(pipe):
    """One frame; None at the end of the stream."""
    length = None
    while True:
        line = pipe.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    if length is None:
        raise ValueError("a frame without Content-Length")
    return json.loads(pipe.read(length))


def answer_to(pipe, request_id):
    """The response to request_id, skipping the server's notifications and requests."""
    while True:
        message = receive(pipe)
        if message is None:
            raise EOFError(f"the server closed its output before answering request {request_id}")
        if message.get("id") == request_id and "method" not in message:
            return message


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: lsp_roundtrip.py COMMAND [ARGS...]")
    server = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    # A server that never answers must not hang the build.
    timer = threading.Timer(120, server.kill)
    timer.start()
    try:
        send(server.stdin, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                            "params": {"processId": None, "rootUri": None, "capabilities": {}}})
        result = answer_to(server.stdout, 1)
        if "result" not in result:
            raise ValueError(f"initialize failed: {result.get('error')}")
        info = result["result"].get("serverInfo", {})
        send(server.stdin, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
        send(server.stdin, {"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
        answer_to(server.stdout, 2)
        send(server.stdin, {"jsonrpc": "2.0", "method": "exit"})
        status = server.wait()
        if status != 0:
            raise ValueError(f"the server exited with {status} after exit")
        print(f"{info.get('name')} {info.get('version')}")
    except (EOFError, ValueError, OSError) as e:
        server.kill()
        sys.exit(f"lsp_roundtrip.py: {' '.join(sys.argv[1:])}: {e}")
    finally:
        timer.cancel()


if __name__ == "__main__":
    main()
