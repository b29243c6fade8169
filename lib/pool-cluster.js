'use strict';
// PoolCluster, PoolNamespace and the node selectors, as in `mysql`: named pools, patterns
// ('MASTER', 'SLAVE*', a RegExp), RR / RANDOM / ORDER, an error count per node that takes a
// node offline (`restoreNodeTimeout`) or removes it (`removeNodeErrorCount`), and retry on
// another node (`canRetry`). Each node is one of our pools, so its connections heal themselves.

const { EventEmitter } = require('node:events');
const { Pool, runPooledQuery, endEach } = require('./pool');
const { PoolConfig } = require('./pool-config');
const { createQuery, wantsCallSite } = require('./connection');
const { clientError, captureCallSite } = require('./errors');
const { POOL_CLUSTER_OPTIONS, warnUnknownKeys } = require('./option-names');

const selectors = {
  RR() {
    let index = 0;
    return (clusterIds) => {
      if (index >= clusterIds.length) index = 0;
      return clusterIds[index++];
    };
  },
  RANDOM() {
    return (clusterIds) => clusterIds[Math.floor(Math.random() * clusterIds.length)];
  },
  ORDER() {
    return (clusterIds) => clusterIds[0];
  },
};

function monotonicMs() {
  return Math.floor(performance.now());
}

function patternRegExp(pattern) {
  if (pattern instanceof RegExp) return pattern;
  const source = pattern.replace(/([.+?^=!:${}()|[\]/\\])/g, '\\$1').replace(/\*/g, '.*');
  return new RegExp('^' + source + '$');
}

class PoolCluster extends EventEmitter {
  constructor(config) {
    super();
    config = config || {};
    if (typeof config === 'object') warnUnknownKeys(config, POOL_CLUSTER_OPTIONS, 'PoolCluster ');
    this._canRetry = config.canRetry === undefined ? true : config.canRetry;
    this._defaultSelector = config.defaultSelector || 'RR';
    this._removeNodeErrorCount = config.removeNodeErrorCount || 5;
    this._restoreNodeTimeout = config.restoreNodeTimeout || 0;
    this._closed = false;
    this._findCaches = Object.create(null);
    this._lastId = 0;
    this._namespaces = Object.create(null);
    this._nodes = Object.create(null);
  }

  add(id, config) {
    if (this._closed) throw new Error('PoolCluster is closed.');
    const nodeId = typeof id === 'object' ? 'CLUSTER::' + ++this._lastId : String(id);
    if (this._nodes[nodeId] !== undefined)
      throw new Error('Node ID "' + nodeId + '" is already defined in PoolCluster.');
    const poolConfig = typeof id !== 'object' ? new PoolConfig(config) : new PoolConfig(id);
    this._nodes[nodeId] = {
      id: nodeId,
      errorCount: 0,
      pool: new Pool({ config: poolConfig }),
      _offlineUntil: 0,
    };
    this._clearFindCaches();
  }

  end(callback) {
    const cb =
      callback !== undefined
        ? callback
        : (err) => {
            if (err) throw err;
          };
    if (typeof cb !== 'function') throw TypeError('callback argument must be a function');
    if (this._closed) {
      process.nextTick(cb);
      return;
    }
    this._closed = true;
    endEach(Object.values(this._nodes), (node, onEnd) => node.pool.end(onEnd), cb);
  }

  of(pattern, selector) {
    pattern = pattern || '*';
    selector = (selector || this._defaultSelector).toUpperCase();
    if (selectors[selector] === undefined) selector = this._defaultSelector;
    const key = pattern + selector;
    if (this._namespaces[key] === undefined)
      this._namespaces[key] = new PoolNamespace(this, pattern, selector);
    return this._namespaces[key];
  }

  remove(pattern) {
    for (const nodeId of this._findNodeIds(pattern, true)) {
      const node = this._getNode(nodeId);
      if (node) this._removeNode(node);
    }
  }

  getConnection(pattern, selector, cb) {
    let namespace;
    if (typeof pattern === 'function') {
      cb = pattern;
      namespace = this.of();
    } else {
      if (typeof selector === 'function') {
        cb = selector;
        selector = this._defaultSelector;
      }
      namespace = this.of(pattern, selector);
    }
    namespace.getConnection(cb);
  }

  /** Each node's pool.stats(), by node id. */
  stats() {
    const nodes = {};
    for (const node of Object.values(this._nodes)) {
      nodes[node.id] = {
        errorCount: node.errorCount,
        offline: node._offlineUntil > monotonicMs(),
        ...node.pool.stats(),
      };
    }
    return { nodes };
  }

  _clearFindCaches() {
    this._findCaches = Object.create(null);
  }

  _decreaseErrorCount(node) {
    let errorCount = node.errorCount;
    if (errorCount > this._removeNodeErrorCount) errorCount = this._removeNodeErrorCount;
    if (errorCount < 1) errorCount = 1;
    node.errorCount = errorCount - 1;
    if (node._offlineUntil) {
      node._offlineUntil = 0;
      this.emit('online', node.id);
    }
  }

  _findNodeIds(pattern, includeOffline) {
    let currentTime = 0;
    let foundNodeIds = this._findCaches[pattern];
    if (foundNodeIds === undefined) {
      const expression = patternRegExp(pattern);
      foundNodeIds = Object.keys(this._nodes).filter((id) => id.match(expression));
      this._findCaches[pattern] = foundNodeIds;
    }
    if (includeOffline) return foundNodeIds;
    return foundNodeIds.filter((nodeId) => {
      const node = this._getNode(nodeId);
      if (!node._offlineUntil) return true;
      if (!currentTime) currentTime = monotonicMs();
      return node._offlineUntil <= currentTime;
    });
  }

  _getNode(id) {
    return this._nodes[id] || null;
  }

  _increaseErrorCount(node) {
    const errorCount = ++node.errorCount;
    if (this._removeNodeErrorCount > errorCount) return;
    if (this._restoreNodeTimeout > 0) {
      node._offlineUntil = monotonicMs() + this._restoreNodeTimeout;
      this.emit('offline', node.id);
      return;
    }
    this._removeNode(node);
    this.emit('remove', node.id);
  }

  _getConnection(node, cb) {
    node.pool.getConnection((err, connection) => {
      if (err) {
        this._increaseErrorCount(node);
        cb(err);
        return;
      }
      this._decreaseErrorCount(node);
      connection._clusterId = node.id;
      cb(null, connection);
    });
  }

  _removeNode(node) {
    delete this._nodes[node.id];
    this._clearFindCaches();
    node.pool.end(() => {});
  }
}

function noNodeError(cluster, pattern) {
  if (cluster._findNodeIds(pattern, true).length !== 0)
    return clientError('POOL_NONEONLINE', 'Pool does not have online node.');
  return clientError('POOL_NOEXIST', 'Pool does not exist.');
}

class PoolNamespace {
  constructor(cluster, pattern, selector) {
    this._cluster = cluster;
    this._pattern = pattern;
    this._selector = selectors[selector]();
  }

  getConnection(cb) {
    const clusterNode = this._getClusterNode();
    const cluster = this._cluster;
    if (clusterNode === null) {
      cb(noNodeError(cluster, this._pattern));
      return;
    }
    cluster._getConnection(clusterNode, (err, connection) => {
      const retry = err && cluster._canRetry && cluster._findNodeIds(this._pattern).length !== 0;
      if (retry) {
        this.getConnection(cb);
        return;
      }
      if (err) {
        cb(err);
        return;
      }
      cb(null, connection);
    });
  }

  query(sql, values, cb) {
    const cluster = this._cluster;
    const clusterNode = this._getClusterNode();
    const query = createQuery(sql, values, cb);
    if (clusterNode === null) {
      const err = noNodeError(cluster, this._pattern);
      process.nextTick(() => {
        query.on('error', () => {});
        query._fail(err);
      });
      return query;
    }
    const { connectionConfig } = clusterNode.pool.config;
    if (!(typeof sql === 'object' && sql !== null && 'typeCast' in sql))
      query.typeCast = connectionConfig.typeCast;
    const callSite = wantsCallSite(connectionConfig, sql)
      ? captureCallSite(PoolNamespace.prototype.query)
      : null;
    if (callSite !== null) query._callSite = callSite;
    cluster._getConnection(clusterNode, (err, conn) => {
      const retry = err && cluster._canRetry && cluster._findNodeIds(this._pattern).length !== 0;
      if (retry) this.query(query);
      else runPooledQuery(query, err, conn);
    });
    return query;
  }

  _getClusterNode() {
    const foundNodeIds = this._cluster._findNodeIds(this._pattern);
    let nodeId;
    switch (foundNodeIds.length) {
      case 0:
        nodeId = null;
        break;
      case 1:
        nodeId = foundNodeIds[0];
        break;
      default:
        nodeId = this._selector(foundNodeIds);
        break;
    }
    return nodeId !== null ? this._cluster._getNode(nodeId) : null;
  }
}

module.exports = { PoolCluster, PoolNamespace, selectors };
