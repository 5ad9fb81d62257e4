# chDB, ClickHouse's embedded engine, behind the part of ClickHouse's HTTP interface that
# `dateline serve` uses: a POST's body is one SQL statement; the answer is its output, or its
# error with status 500. Prints the port it listens on (on 127.0.0.1), then serves one request
# at a time (one chDB connection, not shared between threads). Ends when its standard input
# closes, as it does when the process that started it ends, however it ends.
import http.server
import os
import sys
import threading

import chdb.session

session = chdb.session.Session()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        sql = self.rfile.read(length).decode("utf-8")
        try:
            result = session.query(sql)
            body, status = (result.bytes() if result is not None else b""), 200
        except Exception as error:
            body, status = str(error).encode("utf-8"), 500
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
sys.stdout.close()
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()
os._exit(0)
