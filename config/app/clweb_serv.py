"""A stand-in for the CL/Web server (clweb_serv) of the reference case.

It answers with the server it runs on and its version, keeps per-user notes in the install
directory's config folder (a link to the shared disk, so notes survive a failover) and keeps
login sessions in memory (so they are lost on a failover, as in the reference case).

  GET  /            "CL/Web on <server>, version <version>"
  GET  /status      the same as JSON
  POST /login       form user=<name>: starts a session (cookie CLWEBSESSION)
  GET  /notes       the logged-in user's note
  PUT  /notes       replaces the logged-in user's note with the request body
"""
import argparse
import http.server
import json
import os
import re
import secrets
import signal
import sys
import threading
import urllib.parse

USER = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
sessions = {}
sessions_lock = threading.Lock()


def main():
    parser = argparse.ArgumentParser(prog="clweb_serv")
    parser.add_argument("--server", required=True)
    parser.add_argument("--address", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--home", required=True)
    args = parser.parse_args()
    version = read(os.path.join(args.home, "VERSION")).strip() or "unknown"

    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "clweb_serv/" + version
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            path = urllib.parse.urlsplit(self.path).path
            if path == "/":
                self.reply(200, "CL/Web on %s, version %s\n" % (args.server, version))
            elif path == "/status":
                self.reply(200, json.dumps({"server": args.server, "version": version, "pid": os.getpid()}) + "\n",
                           "application/json")
            elif path == "/notes":
                user = self.user()
                if user:
                    self.reply(200, read(note_file(user)))
            else:
                self.reply(404, "not found\n")

        def do_POST(self):
            if urllib.parse.urlsplit(self.path).path != "/login":
                return self.reply(404, "not found\n")
            form = urllib.parse.parse_qs(self.body())
            user = (form.get("user") or [""])[0]
            if not USER.match(user):
                return self.reply(400, "user must be 1-32 letters, digits, '-' or '_'\n")
            token = secrets.token_hex(16)
            with sessions_lock:
                sessions[token] = user
            self.reply(200, "logged in as %s on %s\n" % (user, args.server),
                       headers={"Set-Cookie": "CLWEBSESSION=%s; HttpOnly; Path=/" % token})

        def do_PUT(self):
            if urllib.parse.urlsplit(self.path).path != "/notes":
                return self.reply(404, "not found\n")
            user = self.user()
            if not user:
                return
            text = self.body()
            target = note_file(user)
            if not os.path.isdir(os.path.dirname(target)):
                return self.reply(503, "the config folder on the shared disk is not available\n")
            tmp = target + ".tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, target)
            self.reply(200, "saved\n")

        def user(self):
            cookies = dict(part.strip().split("=", 1) for part in self.headers.get("Cookie", "").split(";")
                           if "=" in part)
            with sessions_lock:
                user = sessions.get(cookies.get("CLWEBSESSION", ""))
            if not user:
                self.reply(401, "login required\n")
            return user

        def body(self):
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length).decode("utf-8") if length else ""

        def reply(self, status, text, content_type="text/plain; charset=utf-8", headers=None):
            data = text.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, fmt, *values):
            pass

    def note_file(user):
        return os.path.join(args.home, "config", "notes", user + ".txt")

    httpd = http.server.ThreadingHTTPServer((args.address, args.port), Handler)
    httpd.daemon_threads = True
    # Tell start.sh that this very process is listening (not some other one on the port).
    with open(os.path.join(args.home, "run", "clweb_serv.ready"), "w", encoding="utf-8") as f:
        f.write(str(os.getpid()))
    # Notes are written atomically, so there is nothing to flush: leave at once on TERM.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    print("clweb_serv %s listening on %s:%d for %s" % (version, args.address, args.port, args.server), flush=True)
    httpd.serve_forever()
    return 0


def read(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return ""


if __name__ == "__main__":
    sys.exit(main())
