'use strict';
// Microsoft's official SignalR JavaScript client (@microsoft/signalr) against the Enreach RTE
// simulator, driven the way the Enreach document shows (vendor-docs/enreach-rte-signalr.md
// R:41-58: token from REST, then HubConnectionBuilder().withUrl(WssEndpoint, {accessTokenFactory})
// .withAutomaticReconnect()).
//
//   node signalr_client_probe.js --api-url http://127.0.0.1:N --user <guid> --secret S \
//        --subscribe '[{"EntityId":"...","EventName":"UserAvailability"}]' [--timeout 30]
//
// Node has no browser to resolve a ws:// URL, so the WssEndpoint's ws(s):// scheme is turned into
// http(s):// (the client itself turns it back for the websocket). accessTokenFactory fetches a
// fresh token from REST on every call, so each reconnect presents a new JWT (R:20).
//
// stdout: one JSON object per line (diagnostics and the client's own log go to stderr):
//   {"event":"token","status":200,"wssEndpoint":"ws://..."}        each token request
//   {"event":"connected","connectionId":"..."}
//   {"event":"result","method":"Subscribe","tag":"initial","result":[...]}   every completed invoke
//   {"event":"invoke_error","method":"...","tag":"...","error":"..."}
//   {"event":"message","message":{subscription,data}}                every MessageReceived
//   {"event":"reconnecting","error":"..."} / {"event":"reconnected","connectionId":"..."}
//   {"event":"closed","error":null|"..."} / {"event":"start_failed","error":"..."}
//   {"event":"stopped"} / {"event":"timeout"}
// After each reconnect the probe subscribes again (R:275: the hub does not restore them) and
// invokes ActiveSubscriptions (tags "resubscribe" and "active-after-reconnect").
// stdin: JSON lines {"cmd":"invoke","method":"X","args":[...],"tag":"t"} | {"cmd":"stop"}.
// Exit codes: 0 after a clean stop, 2 start failed, 3 timeout.

const signalR = require('@microsoft/signalr');
const readline = require('readline');

function parseArgs(argv) {
  const o = { 'api-url': null, user: null, secret: null, subscribe: '[]', timeout: 30 };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in o)) throw new Error('unknown argument: ' + argv[i]);
    o[name] = argv[i + 1];
  }
  if (!o['api-url'] || !o.user || o.secret === null) throw new Error('--api-url, --user and --secret are required');
  o.timeout = Number(o.timeout);
  o.subscribe = JSON.parse(o.subscribe);
  return o;
}

const o = parseArgs(process.argv.slice(2));

function emit(event, fields) {
  process.stdout.write(JSON.stringify(Object.assign({ event }, fields || {})) + '\n');
}

function errText(err) {
  if (err === undefined || err === null) return null;
  return String((err && err.message) || err);
}

async function fetchToken() {
  const url = o['api-url'].replace(/\/$/, '') + '/token/' + encodeURIComponent(o.user) + '/rte/';
  const response = await fetch(url, {
    method: 'GET',
    headers: { Authorization: 'Basic ' + Buffer.from(o.user + ':' + o.secret).toString('base64') },
  });
  if (!response.ok) {
    emit('token', { status: response.status });
    throw new Error('token endpoint answered HTTP ' + response.status);
  }
  const body = await response.json();
  emit('token', { status: response.status, wssEndpoint: body.WssEndpoint });
  return body;
}

const logger = {
  log(level, message) {
    if (level >= signalR.LogLevel.Information) {
      process.stderr.write('[signalr ' + signalR.LogLevel[level] + '] ' + message + '\n');
    }
  },
};

async function invoke(connection, method, args, tag) {
  try {
    const result = await connection.invoke(method, ...(args || []));
    emit('result', { method, tag, result: result === undefined ? null : result });
    return result;
  } catch (err) {
    emit('invoke_error', { method, tag, error: errText(err) });
    return undefined;
  }
}

async function main() {
  const timer = setTimeout(() => {
    emit('timeout');
    process.exit(3);
  }, o.timeout * 1000);

  let first;
  try {
    first = await fetchToken();
  } catch (err) {
    emit('start_failed', { error: errText(err) });
    process.exit(2);
  }
  let nextToken = first.Token; // the first factory call uses the token fetched above
  const hubUrl = first.WssEndpoint.replace(/^ws(s?):\/\//, 'http$1://');

  const connection = new signalR.HubConnectionBuilder()
    .withUrl(hubUrl, {
      accessTokenFactory: async () => {
        if (nextToken) {
          const t = nextToken;
          nextToken = null;
          return t;
        }
        return (await fetchToken()).Token;
      },
    })
    .withAutomaticReconnect([0, 100, 250, 500, 1000, 2000, 2000, 2000])
    .configureLogging(logger)
    .build();

  connection.on('MessageReceived', (message) => emit('message', { message }));
  connection.onreconnecting((err) => emit('reconnecting', { error: errText(err) }));
  connection.onreconnected(async (connectionId) => {
    emit('reconnected', { connectionId });
    await invoke(connection, 'Subscribe', [o.subscribe], 'resubscribe');
    await invoke(connection, 'ActiveSubscriptions', [], 'active-after-reconnect');
  });
  connection.onclose((err) => emit('closed', { error: errText(err) }));

  try {
    await connection.start();
  } catch (err) {
    emit('start_failed', { error: errText(err) });
    process.exit(2);
  }
  emit('connected', { connectionId: connection.connectionId });
  await invoke(connection, 'AvailableSubscriptions', [], 'initial');
  await invoke(connection, 'Subscribe', [o.subscribe], 'initial');
  await invoke(connection, 'ActiveSubscriptions', [], 'initial');

  const rl = readline.createInterface({ input: process.stdin });
  rl.on('line', async (line) => {
    if (!line.trim()) return;
    let cmd;
    try {
      cmd = JSON.parse(line);
    } catch (err) {
      emit('bad_command', { line });
      return;
    }
    if (cmd.cmd === 'invoke') {
      await invoke(connection, cmd.method, cmd.args || [], cmd.tag || null);
    } else if (cmd.cmd === 'stop') {
      rl.close();
      await connection.stop();
      emit('stopped');
      clearTimeout(timer);
      setTimeout(() => process.exit(0), 20);
    } else {
      emit('bad_command', { line });
    }
  });
}

main().catch((err) => {
  emit('start_failed', { error: errText(err) });
  process.exit(2);
});
