/**
 * jsdom plus Node's fetch-family classes, which react-router's data router needs (it builds a `Request` per
 * navigation). Node's `Request` only accepts Node's AbortSignal, while jsdom's own APIs only accept jsdom's:
 * keep jsdom's AbortController and bridge its signal into each Request.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const NodeRequest = globalThis.Request;
    const NodeAbortController = globalThis.AbortController;

    class BridgedRequest extends NodeRequest {
      constructor(input, init) {
        const signal = init && init.signal;
        if (!signal || signal instanceof globalThis.AbortSignal) {
          super(input, init);
          return;
        }
        const bridge = new NodeAbortController();
        if (signal.aborted) bridge.abort(signal.reason);
        else signal.addEventListener('abort', () => bridge.abort(signal.reason), { once: true });
        super(input, { ...init, signal: bridge.signal });
      }
    }

    this.global.Request = BridgedRequest;
    for (const name of [
      'Response',
      'Headers',
      'FormData',
      'ReadableStream',
      'TextEncoder',
      'TextDecoder',
      'structuredClone',
    ]) {
      this.global[name] = globalThis[name];
    }
  }
}

module.exports = JsdomWithFetchEnvironment;
