'use strict';
// The floor of benchmarks/enreach_stream.py: Microsoft's @microsoft/signalr client receiving the
// RTE MessageReceived stream from the Enreach simulator, doing the least work per message
// (count it, touch message.data). Driven like the document shows (R:41-58): token from REST,
// HubConnectionBuilder().withUrl(endpoint, {accessTokenFactory}), Subscribe.
//
//   NODE_PATH=tests/conformance/node/node_modules node benchmarks/enreach_js_receiver.js \
//       --api-url http://127.0.0.1:N --user GUID --secret S --subscribe '[{"EntityId":..,"EventName":..}]' \
//       --warmup W --count N
// stdout (JSON lines): {"event":"ready"} after Subscribe, {"event":"warm"} after W messages,
// {"event":"done","count":N,"seconds":S,"rate":R} after N more (first to last message).
let signalR;
try {
  signalR = require('@microsoft/signalr');
} catch (e) {
  signalR = require(require('path').join(__dirname, '..', 'tests', 'conformance', 'node', 'node_modules',
    '@microsoft', 'signalr'));
}

function args(argv) {
  const o = { warmup: '0', count: '0', subscribe: '[]' };
  for (let i = 0; i < argv.length; i += 2) o[argv[i].replace(/^--/, '')] = argv[i + 1];
  o.warmup = Number(o.warmup);
  o.count = Number(o.count);
  o.subscribe = JSON.parse(o.subscribe);
  return o;
}

const o = args(process.argv.slice(2));
const say = (event, fields) => process.stdout.write(JSON.stringify(Object.assign({ event }, fields || {})) + '\n');

async function token() {
  const url = o['api-url'].replace(/\/$/, '') + '/token/' + encodeURIComponent(o.user) + '/rte/';
  const r = await fetch(url, { headers: { Authorization: 'Basic ' + Buffer.from(o.user + ':' + o.secret).toString('base64') } });
  if (r.status !== 200) throw new Error('token HTTP ' + r.status);
  const body = await r.json();
  return { endpoint: (body.WssEndpoint || body.WSSEndpoint).replace(/^ws/, 'http'), token: body.Token };
}

(async () => {
  const t = await token();
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(t.endpoint, { accessTokenFactory: () => t.token })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  let seen = 0;
  let first = 0;
  let touched = 0;
  connection.on('MessageReceived', (message) => {
    if (message && message.data) touched++;
    seen++;
    if (seen === o.warmup) say('warm');
    if (seen === o.warmup + 1) first = performance.now();
    if (seen === o.warmup + o.count) {
      const seconds = (performance.now() - first) / 1000;
      say('done', { count: o.count, seconds, rate: (o.count - 1) / seconds, touched });
      connection.stop().then(() => process.exit(0));
    }
  });
  await connection.start();
  await connection.invoke('Subscribe', o.subscribe);
  say('ready');
})().catch((err) => { process.stderr.write(String(err && err.stack || err) + '\n'); process.exit(2); });
