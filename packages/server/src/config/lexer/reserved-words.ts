/**
 * Words that are keywords of the language, so a `#!define` of the same name never replaces them
 * (Kamailio's lexer matches keywords before defined names).
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'if', 'else', 'switch', 'case', 'default', 'while', 'break', 'return', 'exit', 'drop',
  'route', 'request_route', 'failure_route', 'branch_route', 'onreply_route', 'reply_route',
  'onsend_route', 'event_route', 'branch_failure_route', 'error_route',
  'loadmodule', 'loadmodulex', 'modparam', 'modparamx', 'loadpath', 'mpath', 'include_file', 'import_file',
  'method', 'uri', 'status', 'from_uri', 'to_uri', 'src_ip', 'src_port', 'dst_ip', 'dst_port', 'proto', 'af', 'myself',
  'and', 'or', 'not', 'mod', 'eq', 'ne', 'ieq', 'ine', 'defined', 'strlen', 'strempty', 'selval',
]);
