'use strict';
// `require('reconnecting-mysql/promise')`: the same API with promises, in mysql2/promise's shape.

module.exports = require('./lib/promise');
