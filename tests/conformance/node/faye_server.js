'use strict';
// A real faye 1.4.x Bayeux server for the conformance tests of desktop/transports/bayeux.py.
//
//   node faye_server.js [--port N] [--timeout SECONDS] [--mount /bayeux]
//
// Prints one JSON line per event on stdout, the first being
//   {"event":"ready","port":N,"mount":"/bayeux","faye":"1.4.x"}
// then {"event":"handshake"|"subscribe"|"unsubscribe"|"disconnect"|"publish",...} as faye
// reports them. Besides the Bayeux endpoint it serves:
//   POST /publish  body {"channel": "/x/y", "data": {...}}  → publishes through faye's
//                  server-side client (bayeux.getClient()), answers {"ok":true} once accepted.
//   GET  /health   → {"ok":true}
// SIGTERM/SIGINT exit cleanly; the tests also SIGKILL it to simulate a crash, then start a new
// one on the same port (faye's engine is in memory, so old client ids become unknown).

const http = require('http');
const faye = require('faye');

function parseArgs(argv) {
  const options = { port: 0, timeout: 5, mount: '/bayeux' };
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i];
    const value = argv[i + 1];
    if (name === '--port') { options.port = Number(value); i += 1; }
    else if (name === '--timeout') { options.timeout = Number(value); i += 1; }
    else if (name === '--mount') { options.mount = value; i += 1; }
    else { throw new Error('unknown argument: ' + name); }
  }
  return options;
}

const options = parseArgs(process.argv.slice(2));
const bayeux = new faye.NodeAdapter({ mount: options.mount, timeout: options.timeout });

function emit(event, fields) {
  process.stdout.write(JSON.stringify(Object.assign({ event }, fields)) + '\n');
}

bayeux.on('handshake', (clientId) => emit('handshake', { clientId }));
bayeux.on('subscribe', (clientId, channel) => emit('subscribe', { clientId, channel }));
bayeux.on('unsubscribe', (clientId, channel) => emit('unsubscribe', { clientId, channel }));
bayeux.on('disconnect', (clientId) => emit('disconnect', { clientId }));
bayeux.on('publish', (clientId, channel) => emit('publish', { clientId, channel }));

function reply(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') return reply(res, 200, { ok: true });
  if (req.method === 'POST' && req.url === '/publish') {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        return reply(res, 400, { ok: false, error: 'invalid JSON' });
      }
      if (typeof body.channel !== 'string') return reply(res, 400, { ok: false, error: 'channel' });
      bayeux.getClient().publish(body.channel, body.data).then(
        () => reply(res, 200, { ok: true }),
        (error) => reply(res, 500, { ok: false, error: String(error && error.message) })
      );
    });
    return undefined;
  }
  return reply(res, 404, { ok: false, error: 'not found' });
});

// faye keeps the listeners above for every path outside its mount point.
bayeux.attach(server);

server.on('error', (error) => {
  emit('error', { message: String(error.message), code: error.code || null });
  process.exit(2);
});

server.listen(options.port, '127.0.0.1', () => {
  const version = require('faye/package.json').version;
  emit('ready', { port: server.address().port, mount: options.mount, faye: version });
});

function stop() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 500).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
