'use strict';
// Error objects in `mysql`'s shape, built from the structured fields the native session sends.

const path = require('node:path');
const ErrorConstants = require('./constants/errors');

const LONG_STACK_DELIMITER = '\n    --------------------\n';

/** An Error from the native ErrorInfo: server errors as `mysql`'s _packetToError, others by code. */
function fromNative(info) {
  let err;
  if (info.code === undefined || info.code === null) {
    const code = ErrorConstants[info.errno] || 'UNKNOWN_CODE_PLEASE_REPORT';
    err = new Error(code + ': ' + info.sqlMessage);
    err.code = code;
    err.errno = info.errno;
    err.sqlMessage = info.sqlMessage;
    err.sqlState = info.sqlState;
  } else {
    err = new Error(info.message);
    err.code = info.code;
    if (info.errno !== undefined && info.errno !== null) err.errno = info.errno;
    if (info.syscall) err.syscall = info.syscall;
    if (info.address) err.address = info.address;
    if (info.port) err.port = info.port;
    if (info.timeout !== undefined && info.timeout !== null) err.timeout = info.timeout;
  }
  if (info.fatal) err.fatal = true;
  if (info.outcome) err.outcome = info.outcome;
  return err;
}

/** A client-side error, e.g. PROTOCOL_ENQUEUE_AFTER_QUIT, with optional extra fields. */
function clientError(code, message, fields) {
  const err = new Error(message);
  err.code = code;
  if (fields) Object.assign(err, fields);
  return err;
}

// Lines of our own frames, left out of the caller's stack: the reader wants their code.
const OWN_FRAME = __dirname + path.sep;

// How many of the caller's frames `trace` records. Four reach past a `new Promise` executor to the
// function that wrapped the query. Fewer would not be cheaper: most of V8's charge is fixed (2
// frames measured as costly as 4; docs/EVIDENCE.md), which is why it is taken after the write.
const TRACE_FRAMES = 4;

/**
 * The caller's stack for `trace`, from the frame that called `calledFn` (the public method the app
 * called): our own frames are skipped, not recorded. An Error.stackTraceLimit the app lowered is
 * kept as it is.
 */
function captureCallSite(calledFn) {
  const limit = Error.stackTraceLimit;
  if (typeof limit !== 'number' || !(limit > 0)) return new Error();
  const site = {};
  let lowered = false;
  if (limit > TRACE_FRAMES) {
    try {
      Error.stackTraceLimit = TRACE_FRAMES;
      lowered = true;
    } catch {
      // a frozen Error (hardened intrinsics): capture with the app's limit
    }
  }
  Error.captureStackTrace(site, calledFn);
  if (lowered) Error.stackTraceLimit = limit;
  return site;
}

/** Marks a query whose caller records its own stack (the promise API): none is captured here. */
const TRACED_BY_CALLER = Object.freeze({ stack: undefined });

/** Appends the caller's stack (recorded at the call), after `mysql`'s delimiter. */
function addLongStackTrace(err, callSite) {
  const callSiteStack = callSite && callSite.stack;
  if (!callSiteStack || typeof callSiteStack !== 'string') return;
  if (typeof err.stack !== 'string' || err.stack.indexOf(LONG_STACK_DELIMITER) !== -1) return;
  const frames = callSiteStack
    .split('\n')
    .slice(1)
    .filter((line) => line.indexOf(OWN_FRAME) === -1);
  if (frames.length !== 0) err.stack += LONG_STACK_DELIMITER + frames.join('\n');
}

/**
 * A promise whose rejection carries the awaiting functions' stack: V8 records an Error's async
 * frames ("at async fn") from the promise chain when the Error is made, so this costs nothing
 * until a rejection (a promise consumed with .then() instead of await shows no caller).
 */
function withAwaitTrace(promise) {
  return promise.then(undefined, appendAwaitTrace);
}

function appendAwaitTrace(err) {
  if (err instanceof Error) addLongStackTrace(err, new Error());
  throw err;
}

module.exports = {
  fromNative,
  clientError,
  captureCallSite,
  TRACED_BY_CALLER,
  addLongStackTrace,
  withAwaitTrace,
};
