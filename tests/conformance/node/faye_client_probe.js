'use strict';
// faye's Node Bayeux client (1.4.x) against the GWS simulator's /api/v2/notifications.
//
//   node faye_client_probe.js --url http://127.0.0.1:N/api/v2/notifications \
//        --user agent1 --password secret [--channel /v2/me/calls] [--count 1] [--timeout 15]
//
// Long-polling only (websocket disabled: GWS exposes long polling). Prints one JSON line per
// event on stdout:
//   {"event":"transport","up":true}          faye's transport:up
//   {"event":"subscribed","channel":"..."}   the subscription was acknowledged
//   {"event":"message","channel":"...","data":{...}}   one per pushed data message
//   {"event":"disconnected"}                 after --count messages, a clean /meta/disconnect
//   {"event":"error","error":"..."} / {"event":"timeout"}
// Exit code 0 only when --count messages arrived and the client disconnected.

const faye = require('faye');

function parseArgs(argv) {
  const o = { url: null, user: 'agent1', password: 'secret', channel: '/v2/me/calls', count: 1, timeout: 15 };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in o)) throw new Error('unknown argument: ' + argv[i]);
    o[name] = (name === 'count' || name === 'timeout') ? Number(argv[i + 1]) : argv[i + 1];
  }
  if (!o.url) throw new Error('--url is required');
  return o;
}

const o = parseArgs(process.argv.slice(2));

function emit(event, fields) {
  process.stdout.write(JSON.stringify(Object.assign({ event }, fields || {})) + '\n');
}

const client = new faye.Client(o.url, { timeout: 10, retry: 1 });
client.disable('websocket');
client.setHeader('Authorization', 'Basic ' + Buffer.from(o.user + ':' + o.password).toString('base64'));
client.on('transport:up', () => emit('transport', { up: true }));
client.on('transport:down', () => emit('transport', { up: false }));

let received = 0;
const subscription = client.subscribe(o.channel, (data) => {
  emit('message', { channel: o.channel, data });
  received += 1;
  if (received >= o.count) {
    Promise.resolve(client.disconnect()).then(() => {
      emit('disconnected');
      setTimeout(() => process.exit(0), 50);
    });
  }
});
subscription.then(
  () => emit('subscribed', { channel: o.channel }),
  (err) => {
    emit('error', { error: String((err && err.message) || err) });
    process.exit(2);
  },
);

setTimeout(() => {
  emit('timeout', { received });
  process.exit(3);
}, o.timeout * 1000).unref();

for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => process.exit(received >= o.count ? 0 : 4));
}
