// @ts-check
// Preloaded into the Community Solid Server (`node -r`), which has no option to choose the interface it listens
// on and binds every one: its HTTP server listens on the loopback address only, as every test server does.
const net = require('node:net');

const listen = net.Server.prototype.listen;
/** @param {any[]} args `listen`'s own: a port (then a host or the callback), or an options object. */
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, ...rest] = args;
  if (typeof first === 'number') return listen.apply(this, /** @type {any} */ ([first, '127.0.0.1', ...rest]));
  if (typeof first === 'object' && first !== null && first.port !== undefined && first.host === undefined) {
    return listen.apply(this, /** @type {any} */ ([{ ...first, host: '127.0.0.1' }, ...rest]));
  }
  return listen.apply(this, /** @type {any} */ (args));
};
