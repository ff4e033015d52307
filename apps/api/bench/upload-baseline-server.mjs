// The raw baseline of bench/upload-benchmark.mjs, in a process of its own like the API: a node:http
// server that streams each POST body, as it comes (the multipart body unparsed), to a new file in
// the folder named by argv[2], and answers 201 once the file is written. Nothing else: no parsing,
// no hashing, no type check, no database. Tells its port to the parent over IPC.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';

const dir = process.argv[2];
if (!dir || !process.send) {
  console.error('usage: started by bench/upload-benchmark.mjs (fork, with the folder to write to)');
  process.exit(1);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  pipeline(req, createWriteStream(path.join(dir, randomUUID()), { flags: 'wx' }), (error) => {
    if (error) {
      res.writeHead(500).end();
      return;
    }
    const body = JSON.stringify({ bytes: Number(req.headers['content-length'] ?? 0) });
    res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
