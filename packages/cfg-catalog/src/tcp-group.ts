import { cfgInt, type CfgGroupSpec } from './cfg-spec.js';

const tcp = (name: string, value: number, param: string, description: string) => cfgInt(name, value, { param, description });

/**
 * The `tcp` group, present even with disable_tcp. Names and order are 5.6.3's (cfg.list); defaults are
 * the documented ones of the `tcp_*` global parameters that set them. Their ranges and fix-ups are not
 * in the reference, so none are given: plain typed ints.
 */
export const TCP_GROUP: CfgGroupSpec = {
  name: 'tcp',
  vars: [
    tcp('connect_timeout', 10, 'tcp_connect_timeout', 'seconds to wait for a connect'),
    tcp('send_timeout', 10, 'tcp_send_timeout', 'seconds to wait for a send'),
    tcp('connection_lifetime', 120, 'tcp_connection_lifetime', 'seconds an idle connection is kept'),
    tcp('max_connections', 2048, 'tcp_max_connections', 'maximum TCP connections'),
    tcp('max_tls_connections', 2048, 'tls_max_connections', 'maximum TLS connections'),
    tcp('no_connect', 0, 'tcp_no_connect', 'never open outgoing connections'),
    tcp('fd_cache', 1, 'tcp_fd_cache', 'cache connection file descriptors'),
    tcp('async', 1, 'tcp_async', 'asynchronous writes'),
    tcp('connect_wait', 1, 'tcp_connect_wait', 'wait for the connect before writing'),
    tcp('conn_wq_max', 32 * 1024, 'tcp_conn_wq_max', 'bytes queued per connection'),
    tcp('wq_max', 10 * 1024 * 1024, 'tcp_wq_max', 'bytes queued for all connections'),
    tcp('defer_accept', 0, 'tcp_defer_accept', 'accept only once data arrives'),
    tcp('delayed_ack', 0, 'tcp_delayed_ack', 'delay the ACK of the handshake'),
    tcp('syncnt', 0, 'tcp_syncnt', 'SYN retransmissions'),
    tcp('linger2', 0, 'tcp_linger2', 'FIN_WAIT2 lifetime'),
    tcp('keepalive', 1, 'tcp_keepalive', 'TCP keepalive'),
    tcp('keepidle', 0, 'tcp_keepidle', 'idle seconds before keepalive probes'),
    tcp('keepintvl', 0, 'tcp_keepintvl', 'seconds between keepalive probes'),
    tcp('keepcnt', 0, 'tcp_keepcnt', 'keepalive probes before dropping'),
    tcp('crlf_ping', 1, 'tcp_crlf_ping', 'answer CRLF pings'),
    tcp('accept_aliases', 0, 'tcp_accept_aliases', 'accept alias via parameters'),
    tcp('alias_flags', 1, 'tcp_alias_flags', 'flags of aliases from via parameters'),
    tcp('new_conn_alias_flags', 2, 'tcp_new_conn_alias_flags', 'flags of aliases of new connections'),
    tcp('accept_no_cl', 0, 'tcp_accept_no_cl', 'accept messages without Content-Length'),
    tcp('reuse_port', 0, 'tcp_reuse_port', 'SO_REUSEPORT on listeners'),
    tcp('wait_data_ms', 5000, 'tcp_wait_data', 'ms to wait for data on a new connection'),
    tcp('rd_buf_size', 4096, 'tcp_rd_buf_size', 'read buffer size'),
    tcp('wq_blk_size', 2100, 'tcp_wq_blk_size', 'write queue block size'),
  ],
};
