'use strict';
// Error objects in `mysql`'s shape, built from the structured fields the native session sends.

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

/** Appends the caller's stack (recorded at enqueue time), as `mysql` does with `trace`. */
function addLongStackTrace(err, callSite) {
  const callSiteStack = callSite && callSite.stack;
  if (!callSiteStack || typeof callSiteStack !== 'string') return;
  if (typeof err.stack !== 'string' || err.stack.indexOf(LONG_STACK_DELIMITER) !== -1) return;
  const index = callSiteStack.indexOf('\n');
  if (index !== -1) err.stack += LONG_STACK_DELIMITER + callSiteStack.substr(index + 1);
}

module.exports = { fromNative, clientError, addLongStackTrace };
