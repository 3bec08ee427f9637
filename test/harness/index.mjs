// The interop harness: start/stop a real Kamailio lab, helpers to drive the
// real kamcmd/kamctl/kamdbctl/mysql against it, and a SIP REGISTER client.
export * from './kamailio-lab.mjs';
export * from './lab-tools.mjs';
export * from './sip-register.mjs';
