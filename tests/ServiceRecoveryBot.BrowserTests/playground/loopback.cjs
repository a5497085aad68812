// Preloaded into the Agents Playground (node --require): a server that listens without naming a host listens on
// 127.0.0.1 only, never on every interface. The Playground's own server.listen(port) names none.
'use strict';
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')) args.splice(1, 0, '127.0.0.1');
  else if (args[0] && typeof args[0] === 'object' && !args[0].host && !args[0].path && !(args[0] instanceof net.Server)) args[0] = { ...args[0], host: '127.0.0.1' };
  return listen.apply(this, args);
};
