"""A webhook receiver for tests: a local HTTP server that answers as told and records all."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver:
    """A local HTTP server that records every request and answers as ``plan`` says.

    ``plan(msg_id, attempt)`` returns a status code, or ``("hang", seconds)``.
    """

    def __init__(self, plan):
        self.plan = plan
        self.requests: list[dict] = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                msg_id = self.headers["webhook-id"]
                with receiver.lock:
                    attempt = 1 + sum(r["msg_id"] == msg_id for r in receiver.requests)
                    answer = receiver.plan(msg_id, attempt)
                    receiver.requests.append(
                        {
                            "msg_id": msg_id,
                            "headers": dict(self.headers),
                            "body": body,
                            "answer": answer,
                        }
                    )
                if isinstance(answer, tuple):
                    time.sleep(answer[1])
                    answer = 200
                self.send_response(answer)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
